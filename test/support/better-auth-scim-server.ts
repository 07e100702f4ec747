/**
 * A second, independent SCIM 2.0 service for tests: Better Auth with its SCIM plugin (@better-auth/scim)
 * on an in-memory SQLite database, on 127.0.0.1 and a free port, with a static bearer token. Nobody on
 * the project wrote or tuned it: filters, paging, PATCH and error bodies are Better Auth's own.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import Database from 'better-sqlite3'
import { betterAuth } from 'better-auth'
import { getMigrations } from 'better-auth/db/migration'
import { toNodeHandler } from 'better-auth/node'
import { scim } from '@better-auth/scim'

export interface BetterAuthScimRequest {
  readonly method: string
  /** Path below the SCIM base, query included and decoded (e.g. `/Users?startIndex=1&count=200`). */
  readonly path: string
}

export interface RunningBetterAuthScim {
  /** e.g. http://127.0.0.1:PORT/api/auth/scim/v2 */
  readonly baseUrl: string
  readonly token: string
  /** A SCIM call as another client would make it (say, an identity provider that owns its own accounts). */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>
  requests(): BetterAuthScimRequest[]
  stop(): Promise<void>
}

const basePath = '/api/auth/scim/v2'

export async function startBetterAuthScim(
  token = 'better-auth-scim-token-0123456789',
): Promise<RunningBetterAuthScim> {
  const log: BetterAuthScimRequest[] = []
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const auth = betterAuth({
    baseURL: origin,
    secret: 'better-auth-test-secret-0123456789abcdef',
    database: new Database(':memory:'),
    telemetry: { enabled: false },
    plugins: [scim({ connections: [{ id: 'idp', credentials: [{ type: 'bearer', id: 'cred1', token }] }] })],
  })
  await (await getMigrations(auth.options)).runMigrations()
  const handler = toNodeHandler(auth)
  server.on('request', (req: IncomingMessage, res) => {
    const url = decodeURIComponent(req.url ?? '')
    if (url.startsWith(basePath)) log.push({ method: req.method ?? '', path: url.slice(basePath.length) })
    void handler(req, res)
  })
  const baseUrl = `${origin}${basePath}`
  return {
    baseUrl,
    token,
    async call(method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) }
    },
    requests: () => [...log],
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
