/**
 * The partner endpoint's HTTPS server. It serves only the routes the site link engine registers, below the
 * base path of this site's link URL: signed routes are verified (RFC 9421, replay guard) before the handler
 * runs, everything else is a 404. Nothing of the admin API and no files are reachable through it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer, type Server, type ServerOptions } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../../clock'
import type {
  InboundPartnerRequest,
  PartnerKeys,
  PartnerMount,
  PartnerResponse,
  PartnerRoute,
} from '../../engines/sitelink/sitelink-ports'
import { verifyRequest } from './message-signing'
import { partnerRefusal, type PartnerRefusalCode } from './partner-refusals'
import { matchRoute } from './partner-routes'
import { keyIdOf } from './site-key'

/**
 * Large enough for one batch of 5,000 employees (a full record with departments, positions and contact
 * fields is about 2 KB of JSON, so ~10 MB), with room to spare; anything bigger is refused unread.
 */
export const maxPartnerBodyBytes = 32 * 1024 * 1024

/** A refused partner request as the engine records it in the history (no body, no headers). */
export interface PartnerRefusalEvent {
  readonly code: PartnerRefusalCode
  readonly remoteAddress: string
  readonly path: string
  readonly at: number
}

/** What the listener reads on every request, so routes and keys can change while it runs. */
export interface ListenerRouting {
  routes(): readonly PartnerRoute[]
  /** Raw handlers, matched before the routes. */
  mounts(): readonly PartnerMount[]
  /** Ends with "/": the path of this site's link URL. */
  basePath(): string
  keys(): PartnerKeys
  refused(event: PartnerRefusalEvent): void
}

export interface PartnerListenerOptions {
  readonly tls: Pick<ServerOptions, 'cert' | 'key' | 'pfx' | 'passphrase'>
  readonly bindAddress: string
  readonly port: number
  readonly clock: Clock
  readonly routing: ListenerRouting
  rememberNonce(keyId: string, nonce: string, now: number): boolean
}

export interface RunningListener {
  readonly address: AddressInfo
  close(): Promise<void>
}

class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: PartnerRefusalCode,
  ) {
    super(code)
  }
}

const authCodes = new Set<PartnerRefusalCode>([
  'unsigned',
  'unknown-key',
  'bad-signature',
  'digest-mismatch',
  'stale',
  'replay',
])

function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > maxPartnerBodyBytes) return Promise.reject(new Refused(413, 'too-large'))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxPartnerBodyBytes) {
        reject(new Refused(413, 'too-large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  try {
    return JSON.parse(raw.toString('utf8')) as unknown
  } catch {
    throw new Refused(400, 'bad-request')
  }
}

/** For `presented` routes: the key the body presents, if the signature's key id is that key's. */
function presentedKey(body: unknown): PartnerKeys {
  const pem = (body as { publicKey?: unknown } | null)?.publicKey
  let id: string | null = null
  try {
    if (typeof pem === 'string') id = keyIdOf(pem)
  } catch {
    id = null
  }
  return { publicKeyFor: (keyId) => (id !== null && keyId === id ? (pem as string) : null) }
}

/** A page may style itself inline and load nothing else (no scripts, images or frames). */
const htmlPolicy = "default-src 'none'; style-src 'unsafe-inline'"

function send(response: ServerResponse, result: PartnerResponse): void {
  const headers = { ...result.headers, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }
  if (result.html !== undefined) {
    response.writeHead(result.status, {
      ...headers,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': htmlPolicy,
    })
    response.end(result.html)
    return
  }
  if (result.text !== undefined) {
    response.writeHead(result.status, { ...headers, 'content-type': result.contentType ?? 'text/plain' })
    response.end(result.text)
    return
  }
  response.writeHead(result.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
  response.end(result.body === undefined ? '' : JSON.stringify(result.body))
}

function refuse(response: ServerResponse, status: number, code: PartnerRefusalCode): void {
  send(response, { status, body: { error: partnerRefusal(code) } })
}

async function serve(request: IncomingMessage, options: PartnerListenerOptions): Promise<PartnerResponse> {
  const { routing } = options
  const method = request.method ?? ''
  let url: URL
  try {
    url = new URL(request.url ?? '/', `https://${request.headers.host ?? ''}`)
  } catch {
    throw new Refused(400, 'bad-request')
  }
  const base = routing.basePath()
  if (!url.pathname.startsWith(base)) throw new Refused(404, 'not-found')
  const path = url.pathname.slice(base.length)
  const matched = method === 'GET' || method === 'POST' ? matchRoute(routing.routes(), method, path) : null
  if (!matched) throw new Refused(404, 'not-found')
  const raw = await readBody(request)
  const body = parseJson(raw)
  let keyId: string | null = null
  if (matched.route.auth !== 'none') {
    const keys = matched.route.auth === 'partner' ? routing.keys() : presentedKey(body)
    const verified = await verifyRequest(
      { method, url, headers: request.headers, body: raw },
      {
        now: options.clock.now(),
        publicKeyFor: (id) => keys.publicKeyFor(id),
        rememberNonce: (id, nonce, now) => options.rememberNonce(id, nonce, now),
      },
    )
    if (!verified.ok) throw new Refused(401, verified.code)
    keyId = verified.keyId
  }
  const inbound: InboundPartnerRequest = {
    method: method as InboundPartnerRequest['method'],
    path,
    params: matched.params,
    body,
    keyId,
    remoteAddress: request.socket.remoteAddress ?? '',
    accept: request.headers.accept ?? null,
  }
  return matched.route.handle(inbound)
}

/** The mount a request goes to, with its URL made relative to the mount; null: not a mount's. */
function mounted(request: IncomingMessage, routing: ListenerRouting): PartnerMount | null {
  const original = request.url ?? '/'
  const base = routing.basePath()
  if (!original.startsWith(base)) return null
  const rest = original.slice(base.length)
  for (const mount of routing.mounts()) {
    if (!rest.startsWith(mount.prefix)) continue
    const below = rest.slice(mount.prefix.length)
    // `oidc-x/...` is not below `oidc`.
    if (below !== '' && !/^[/?]/.test(below)) continue
    Object.assign(request, { originalUrl: original, url: below.startsWith('/') ? below : `/${below}` })
    return mount
  }
  return null
}

function handler(options: PartnerListenerOptions) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const mount = mounted(request, options.routing)
    if (mount !== null) return mount.handle(request, response)
    serve(request, options).then(
      (result) => send(response, result),
      (error: unknown) => {
        if (!(error instanceof Refused)) return refuse(response, 500, 'internal')
        if (authCodes.has(error.code)) {
          options.routing.refused({
            code: error.code,
            remoteAddress: request.socket.remoteAddress ?? '',
            path: (request.url ?? '').split('?')[0]!,
            at: options.clock.now(),
          })
        }
        refuse(response, error.status, error.code)
      },
    )
  }
}

/** Starts listening; rejects with the server's error (bad TLS material, address in use, no permission). */
export function startPartnerListener(options: PartnerListenerOptions): Promise<RunningListener> {
  const server: Server = createServer({ ...options.tls, minVersion: 'TLSv1.2' }, handler(options))
  server.headersTimeout = 30_000
  // A full batch over a slow line still fits; a client that stalls longer is cut off.
  server.requestTimeout = 300_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.bindAddress, () => {
      server.off('error', reject)
      // Once listening, a failed accept must not end the process; the next connection is served as usual.
      server.on('error', () => {})
      resolve({
        address: server.address() as AddressInfo,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
