import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCore } from './core/app'
import type { Core } from './core/core-types'
import { KeychainSecretStore } from './core/secrets/keychain-secret-store'
import type { SecretStore } from './core/secrets/secret-store'
import { AccessGuard } from './daemon/access-guard'
import { attachEventSocket } from './daemon/event-socket'
import { createRequestHandler } from './daemon/http-bridge'

/** Keychain entry of the daemon's API token: it survives restarts so bookmarked URLs keep working. */
export const accessTokenSecret = 'daemon.access-token'

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

async function accessToken(secrets: SecretStore): Promise<string> {
  const existing = await secrets.get(accessTokenSecret)
  if (existing) return existing
  const token = randomBytes(32).toString('base64url')
  await secrets.set(accessTokenSecret, token)
  return token
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
  // The data directory first: one Renkei cannot use must not leave a new token in the keychain.
  const core = await createCore({
    dataDir: options.dataDir,
    runtime: 'daemon',
    version: options.version,
    secrets,
  })
  const server = createServer()
  let port: number
  let token: string
  try {
    token = await accessToken(secrets)
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
  const detachEvents = attachEventSocket(server, core, guard)
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    core,
    stop: async () => {
      detachEvents()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await core.close()
    },
  }
}
