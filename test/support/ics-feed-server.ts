/**
 * A plain web server publishing iCalendar feeds on 127.0.0.1, like a groupware's "publish calendar" URL:
 * strong ETag and Last-Modified per body, 304 for matching If-None-Match / If-Modified-Since, optional
 * Basic / Bearer auth. For integration tests, E2E and the benchmark; `setStatus` injects faults.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

export interface FeedRequest {
  readonly method: string
  readonly path: string
  /** Lower-case names; the Authorization value is reduced to its scheme ("Basic ***"). */
  readonly headers: Readonly<Record<string, string>>
  readonly status: number
}

export interface FeedOptions {
  readonly contentType?: string
  /** Send the body in chunks without Content-Length, as a streaming exporter would. */
  readonly chunked?: boolean
}

export interface FeedAuth {
  readonly basic?: { readonly user: string; readonly password: string }
  readonly bearer?: string
}

export interface IcsFeedServer {
  readonly origin: string
  /** Absolute URL of a path ("/a.ics" or "a.ics"). */
  url(path: string): string
  /** Text is sent as UTF-8; bytes as they are (for other charsets). */
  setFeed(path: string, text: string | Uint8Array, options?: FeedOptions): void
  /** Answer `code` (with `body` and extra headers) on this path until the next setFeed for it. */
  setStatus(path: string, code: number, body?: string, headers?: Readonly<Record<string, string>>): void
  /** null: no login needed (the default). */
  requireAuth(auth: FeedAuth | null): void
  /** Distinct VEVENT UIDs in the feed on this path (a series counts once). */
  eventCount(path: string): number
  readonly requests: FeedRequest[]
  stop(): Promise<void>
}

interface Feed {
  readonly body: Buffer
  readonly options: FeedOptions
  readonly etag: string
  readonly lastModified: number
}

interface Fault {
  readonly code: number
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
}

// __dirname: this file is loaded by vitest and by Playwright (CommonJS) alike.
const fixtureDir = join(__dirname, '..', 'fixtures', 'calendar')

const normalise = (path: string): string => (path.startsWith('/') ? path : `/${path}`)

function redactedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    const text = Array.isArray(value) ? value.join(', ') : value
    headers[name] = name === 'authorization' ? `${text.split(' ')[0]} ***` : text
  }
  return headers
}

function vEventUids(text: string): Set<string> {
  const uids = new Set<string>()
  const stack: string[] = []
  for (const line of text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const [, keyword, name] = /^(BEGIN|END):(.+)$/i.exec(line.trim()) ?? []
    if (keyword?.toUpperCase() === 'BEGIN') stack.push((name ?? '').toUpperCase())
    else if (keyword) stack.pop()
    else if (stack[stack.length - 1] === 'VEVENT' && /^UID[;:]/i.test(line))
      uids.add(line.slice(line.indexOf(':') + 1))
  }
  return uids
}

function authorized(request: IncomingMessage, auth: FeedAuth | null): boolean {
  if (auth === null) return true
  const header = request.headers.authorization ?? ''
  const basic = auth.basic
  if (basic && header === `Basic ${Buffer.from(`${basic.user}:${basic.password}`).toString('base64')}`)
    return true
  return auth.bearer !== undefined && header === `Bearer ${auth.bearer}`
}

function notModified(request: IncomingMessage, feed: Feed): boolean {
  const tags = request.headers['if-none-match']
  // RFC 9110 §13.1.3: If-None-Match wins over If-Modified-Since.
  if (tags !== undefined) return tags.split(',').some((tag) => tag.trim() === feed.etag || tag.trim() === '*')
  const since = Date.parse(request.headers['if-modified-since'] ?? '')
  return !Number.isNaN(since) && feed.lastModified <= since
}

/** Starts with one feed ready at "/small": the google.ics fixture (series, overrides, all-day, two zones). */
export async function startIcsFeedServer(): Promise<IcsFeedServer> {
  const feeds = new Map<string, Feed>()
  const faults = new Map<string, Fault>()
  const requests: FeedRequest[] = []
  let auth: FeedAuth | null = null
  let lastStamp = 0

  const answer = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://feed.local').pathname
    const feed = feeds.get(path)
    const fault = faults.get(path)
    const send = (status: number, body: string | Buffer = '', headers: Record<string, string> = {}): void => {
      requests.push({ method: request.method ?? 'GET', path, headers: redactedHeaders(request), status })
      response.writeHead(status, headers).end(body)
    }
    if (!authorized(request, auth)) {
      const scheme = auth?.basic ? 'Basic realm="feeds"' : 'Bearer realm="feeds"'
      return send(401, 'login required', { 'WWW-Authenticate': scheme, 'Content-Type': 'text/plain' })
    }
    if (fault) return send(fault.code, fault.body, { 'Content-Type': 'text/plain', ...fault.headers })
    if (!feed) return send(404, 'not found', { 'Content-Type': 'text/plain' })
    const validators = { ETag: feed.etag, 'Last-Modified': new Date(feed.lastModified).toUTCString() }
    if (notModified(request, feed)) return send(304, '', validators)
    const headers = {
      ...validators,
      'Content-Type': feed.options.contentType ?? 'text/calendar; charset=utf-8',
    }
    if (!feed.options.chunked) return send(200, feed.body, headers)
    requests.push({ method: request.method ?? 'GET', path, headers: redactedHeaders(request), status: 200 })
    response.writeHead(200, headers)
    const half = Math.floor(feed.body.length / 2)
    response.write(feed.body.subarray(0, half))
    response.end(feed.body.subarray(half))
  }

  const server = createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const feedServer: IcsFeedServer = {
    origin,
    url: (path) => `${origin}${normalise(path)}`,
    setFeed(path, text, options = {}) {
      // Whole seconds, as HTTP dates are; each new body is strictly newer than the last.
      lastStamp = Math.max(Math.floor(Date.now() / 1000) * 1000, lastStamp + 1000)
      const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text)
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`
      feeds.set(normalise(path), { body, options, etag, lastModified: lastStamp })
      faults.delete(normalise(path))
    },
    setStatus(path, code, body = '', headers = {}) {
      faults.set(normalise(path), { code, body, headers })
    },
    requireAuth(required) {
      auth = required
    },
    eventCount: (path) => vEventUids(feeds.get(normalise(path))?.body.toString('utf8') ?? '').size,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
  feedServer.setFeed('/small', readFileSync(join(fixtureDir, 'google.ics'), 'utf8'))
  return feedServer
}
