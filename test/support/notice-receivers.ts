/**
 * Receivers on 127.0.0.1 (port 0) for the notice relay's HTTP targets. They are not the services: each
 * checks what the real one checks before it takes a message — Slack-compatible incoming webhooks (JSON with
 * `text`), a Teams Workflows webhook (an Adaptive Card message), Chatwork's API (X-ChatWorkToken, form
 * `body`, numeric room) and a signed webhook (HMAC over "<timestamp>.<body>", 5-minute window, Idempotency-Key
 * repeats taken once). `failNext` makes them answer 500 / 429 (with Retry-After) / 400 on demand.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedPost {
  readonly service: 'slack' | 'teams' | 'chatwork' | 'signed'
  readonly path: string
  readonly headers: IncomingMessage['headers']
  readonly raw: string
  readonly body: unknown
}

export interface NoticeReceivers {
  readonly base: string
  /** Every message taken (refused and failed ones are not here). */
  readonly posts: ReceivedPost[]
  /** Posts answered with an error on purpose or refused for a bad signature/token. */
  readonly refused: { readonly path: string; readonly status: number }[]
  /** The next `count` posts answer `status` (with `Retry-After: retryAfter` when given). */
  failNext(status: number, count?: number, retryAfter?: string): void
  stop(): Promise<void>
}

export interface ReceiverOptions {
  readonly chatworkToken: string
  readonly signingSecret: string
  /** The receiver's clock for the signature window (the test's clock, as the core's). */
  readonly now: () => number
}

type Check = (request: IncomingMessage, raw: string) => { status: number; body?: unknown }

const json = (raw: string): unknown => {
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return undefined
  }
}

function checkSlack(request: IncomingMessage, raw: string): { status: number; body?: unknown } {
  const body = json(raw) as { text?: unknown } | undefined
  if (!request.headers['content-type']?.startsWith('application/json') || typeof body?.text !== 'string')
    return { status: 400 }
  return { status: 200, body }
}

function checkTeams(_request: IncomingMessage, raw: string): { status: number; body?: unknown } {
  const body = json(raw) as
    | {
        type?: string
        attachments?: {
          contentType?: string
          content?: { type?: string; version?: string; body?: { type: string }[] }
        }[]
      }
    | undefined
  const card = body?.attachments?.[0]
  const ok =
    body?.type === 'message' &&
    card?.contentType === 'application/vnd.microsoft.card.adaptive' &&
    card.content?.type === 'AdaptiveCard' &&
    card.content.version === '1.4' &&
    (card.content.body ?? []).every((block) => block.type === 'TextBlock')
  return ok ? { status: 202, body } : { status: 400 }
}

export async function startNoticeReceivers(options: ReceiverOptions): Promise<NoticeReceivers> {
  const posts: ReceivedPost[] = []
  const refused: { path: string; status: number }[] = []
  const seenKeys = new Set<string>()
  let failures: { status: number; count: number; retryAfter?: string } | null = null

  const checkChatwork: Check = (request, raw) => {
    if (request.headers['x-chatworktoken'] !== options.chatworkToken) return { status: 401 }
    const body = new URLSearchParams(raw).get('body')
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') || !body)
      return { status: 400 }
    return { status: 200, body: { body } }
  }
  const checkSigned: Check = (request, raw) => {
    const timestamp = Number(request.headers['x-renkei-timestamp'])
    const given = Buffer.from(String(request.headers['x-renkei-signature'] ?? ''))
    const wanted = Buffer.from(
      `v1=${createHmac('sha256', options.signingSecret).update(`${timestamp}.${raw}`).digest('hex')}`,
    )
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { status: 401 }
    if (Math.abs(options.now() / 1000 - timestamp) > 300) return { status: 401 }
    const key = String(request.headers['idempotency-key'] ?? '')
    if (key === '') return { status: 400 }
    if (seenKeys.has(key)) return { status: 200 }
    seenKeys.add(key)
    return { status: 200, body: json(raw) }
  }
  const routes: [RegExp, ReceivedPost['service'], Check][] = [
    [/^\/slack\//, 'slack', checkSlack],
    [/^\/teams\//, 'teams', checkTeams],
    [/^\/v2\/rooms\/\d+\/messages$/, 'chatwork', checkChatwork],
    [/^\/signed\//, 'signed', checkSigned],
  ]

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const path = request.url ?? ''
      const route = routes.find(([pattern]) => pattern.test(path))
      if (request.method !== 'POST' || !route) {
        response.writeHead(404).end('not found')
        return
      }
      if (failures && failures.count > 0) {
        failures.count--
        refused.push({ path, status: failures.status })
        const headers = failures.retryAfter ? { 'retry-after': failures.retryAfter } : undefined
        response.writeHead(failures.status, headers).end(`failing on purpose: ${failures.status}`)
        return
      }
      const [, service, check] = route
      const outcome = check(request, raw)
      if (outcome.status >= 400) refused.push({ path, status: outcome.status })
      else if (outcome.body !== undefined)
        posts.push({ service, path, headers: request.headers, raw, body: outcome.body })
      response
        .writeHead(outcome.status, { 'content-type': 'text/plain' })
        .end(outcome.status < 400 ? 'ok' : 'refused')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    posts,
    refused,
    failNext: (status, count = 1, retryAfter) => {
      failures = { status, count, ...(retryAfter ? { retryAfter } : {}) }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
