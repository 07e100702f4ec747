import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCore } from './core/app'
import type { Core } from './core/core-types'
import { loadAccessToken, type AccessTokenHolder } from './core/secrets/access-token'
import { KeychainSecretStore } from './core/secrets/keychain-secret-store'
import type { SecretStore } from './core/secrets/secret-store'
import { AccessGuard } from './daemon/access-guard'
import { attachEventSocket, type EventSocket } from './daemon/event-socket'
import { createRequestHandler } from './daemon/http-bridge'

export { accessTokenSecret } from './core/secrets/access-token'

export interface DaemonOptions {
  readonly dataDir: string
  readonly port: number
  readonly version: string
  readonly rendererRoot: string
  readonly secrets?: SecretStore
}

export interface RunningDaemon {
  readonly url: string
  readonly port: number
  readonly token: string
  readonly core: Core
  stop(): Promise<void>
}

function daemonUrl(port: number, token: string): string {
  return `http://127.0.0.1:${port}/#token=${token}`
}

/**
 * The daemon's side of a token rotation. The core is built before the server listens, so the guard
 * and the socket are attached once they exist; a rotation before that cannot happen (no API yet).
 */
class RotationTarget implements AccessTokenHolder {
  attached: { guard: AccessGuard; events: EventSocket; port: number } | null = null
  current = ''

  rotated(token: string): string {
    if (!this.attached) throw new Error('The daemon is not listening yet')
    this.current = token
    this.attached.guard.replaceToken(token)
    this.attached.events.closeAll()
    return daemonUrl(this.attached.port, token)
  }
}
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    // Loopback only: the daemon is never reachable from another machine.
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

/** The headless Renkei: the same core as the desktop app, its UI and API served on 127.0.0.1. */
export async function startDaemon(options: DaemonOptions): Promise<RunningDaemon> {
  const secrets = options.secrets ?? new KeychainSecretStore()
  const rotation = new RotationTarget()
  // The data directory first: one Renkei cannot use must not leave a new token in the keychain.
  const core = await createCore({
    dataDir: options.dataDir,
    runtime: 'daemon',
    version: options.version,
    secrets,
    accessToken: rotation,
    // The gadget's URLs on this machine, once the server listens.
    localBaseUrl: () => (rotation.attached ? `http://127.0.0.1:${rotation.attached.port}/` : null),
  })
  const server = createServer()
  let port: number
  let token: string
  try {
    token = await loadAccessToken(secrets)
    port = await listen(server, options.port)
  } catch (error) {
    await core.close()
    throw error
  }
  const guard = new AccessGuard(token, port)
  const handle = createRequestHandler(core, guard, options.rendererRoot)
  server.on('request', (request, response) => {
    handle(request, response).catch((error: unknown) => {
      // One line, no stack: a client repeating a bad request must not flood the log.
      const reason = error instanceof Error ? error.message : String(error)
      console.error(`renkei daemon: ${request.method ?? '?'} request failed: ${reason}`)
      if (!response.headersSent) response.writeHead(500).end()
    })
  })
  const events = attachEventSocket(server, core, guard)
  rotation.attached = { guard, events, port }
  rotation.current = token
  return {
    // Getters: a rotation through the API changes both.
    get url() {
      return daemonUrl(port, rotation.current)
    },
    port,
    get token() {
      return rotation.current
    },
    core,
    stop: async () => {
      events.dispose()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await core.close()
    },
  }
}
