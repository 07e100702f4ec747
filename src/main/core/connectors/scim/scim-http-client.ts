/**
 * SCIM over HTTP(S): JSON bodies, the bearer token, timeouts, retries and the translation of every failure
 * into a ConnectorError an administrator can act on. Requests go through the network layer's dispatcher
 * (proxy, trusted CAs) with undici's request rather than fetch, because only a dispatcher lets
 * `verifyCertificate: false` reach the TLS socket (rejectUnauthorized).
 */
import type { IncomingHttpHeaders } from 'node:http'
import { request } from 'undici'
import type { Localized } from '../../../../shared/model/localized'
import { directNetwork, type NetworkLayer } from '../../network/network-layer'
import { ConnectorError } from '../connector-error'
import { networkCause } from '../network-cause'
import { serverAnswerForRecord } from '../redaction'
import { BodyBuffers } from './scim-body-buffers'
import { decodeBody, parseJsonBody } from './scim-json'
import { scimMessages } from './scim-messages'
import { backoffMs, retryAfterMs } from './scim-retry-policy'

export interface ScimHttpSettings {
  readonly baseUrl: string
  readonly verifyCertificate: boolean
  readonly timeoutSeconds: number
}

export interface ScimRetryOptions {
  /** Injected so tests can check the waits without waiting. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Retries after the first attempt, for 429, 5xx and network errors. */
  readonly maxRetries?: number
  /** The network layer (proxy, trusted CAs); default: direct, Node's CA store. */
  readonly network?: NetworkLayer
}

export interface ScimCall {
  readonly body?: unknown
  /** Statuses handed back to the caller instead of thrown (404 on DELETE, 409 on POST). */
  readonly accept?: readonly number[]
  readonly signal?: AbortSignal
  readonly maxRetries?: number
  /** What a 404 means on this path, when it is not "no SCIM service at this URL". */
  readonly notFound?: Localized
}

export interface ScimResponse {
  readonly status: number
  /** Parsed JSON, or null for an empty answer (204). */
  readonly body: unknown
  /** Method, path, status and body for support; never contains the token. */
  readonly answer: string
}

type Exchange =
  | {
      readonly kind: 'answer'
      readonly status: number
      readonly headers: IncomingHttpHeaders
      /**
       * The body as received, in a reused buffer (scim-body-buffers.ts) valid until send() answers: a listing
       * page is parsed from it without one large string (scim-json.ts).
       */
      readonly bytes: Buffer
    }
  | {
      readonly kind: 'failure'
      readonly error: NodeJS.ErrnoException
      /** The network layer's plain-words reading (certificate or proxy refused): final, not retried. */
      readonly explained: ConnectorError | null
    }

interface Verdict {
  readonly error: ConnectorError
  /** Wait before the next attempt; null: do not retry. */
  readonly waitMs: number | null
}

const tlsErrorCode =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO$)/
const maxAnswerChars = 1000
/** Decoded for support text: 1,000 characters take at most 4,000 bytes (past any leading blanks). */
const answerHeadBytes = 8 * 1024

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The SCIM error `detail` (RFC 7644 §3.12), else the start of whatever the server sent. */
export function scimDetail(body: unknown, text: string, status: number): string {
  const error = (body ?? {}) as { detail?: unknown; scimType?: unknown }
  const detail = typeof error.detail === 'string' && error.detail !== '' ? error.detail : null
  const scimType = typeof error.scimType === 'string' && error.scimType !== '' ? error.scimType : null
  if (detail !== null) return scimType === null ? detail : `${scimType}: ${detail}`
  return text.trim().slice(0, 200) || `HTTP ${status}`
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The start of an answer's body, trimmed, for support text (never the whole of a large page). */
const answerHead = (bytes: Buffer): string => decodeBody(bytes, answerHeadBytes).trim()

export class ScimHttpClient {
  private readonly baseUrl: string
  private readonly network: NetworkLayer
  private readonly sleep: (ms: number) => Promise<void>
  private readonly maxRetries: number
  private readonly bodies = new BodyBuffers()
  /** While the server asks this client to wait (429 Retry-After), requests sent meanwhile wait too. */
  private pause: Promise<void> | null = null

  constructor(
    private readonly settings: ScimHttpSettings,
    private readonly token: string,
    options: ScimRetryOptions = {},
  ) {
    this.baseUrl = settings.baseUrl.replace(/\/+$/, '')
    this.network = options.network ?? directNetwork()
    this.sleep = options.sleep ?? realSleep
    this.maxRetries = options.maxRetries ?? 5
  }

  /** Sends one SCIM request, retrying what may pass later; resolves with a 2xx or an accepted status. */
  async send(method: string, path: string, call: ScimCall = {}): Promise<ScimResponse> {
    const maxRetries = call.maxRetries ?? this.maxRetries
    await this.pause
    for (let retry = 0; ; retry++) {
      const exchange = await this.exchange(method, path, call)
      let verdict: Verdict
      try {
        call.signal?.throwIfAborted()
        if (exchange.kind === 'answer') {
          const ok = exchange.status >= 200 && exchange.status < 300
          if (ok || call.accept?.includes(exchange.status)) return this.response(method, path, exchange, ok)
        }
        verdict = this.judge(method, path, exchange, call, retry)
      } finally {
        // Read into strings and objects by now: the buffer can take the next answer.
        if (exchange.kind === 'answer') this.bodies.release(exchange.bytes)
      }
      if (verdict.waitMs === null || retry >= maxRetries) throw verdict.error
      await this.wait(verdict.error, verdict.waitMs)
      call.signal?.throwIfAborted()
    }
  }

  private async wait(error: ConnectorError, ms: number): Promise<void> {
    if (error.kind !== 'quota') return this.sleep(ms)
    const pause = this.sleep(ms)
    this.pause = pause
    await pause
    if (this.pause === pause) this.pause = null
  }

  private response(method: string, path: string, exchange: Exchange & { kind: 'answer' }, ok: boolean) {
    const answer = this.describe(method, path, exchange)
    const blank = answerHead(exchange.bytes) === '' && decodeBody(exchange.bytes).trim() === ''
    if (blank) return { status: exchange.status, body: null, answer }
    const body = parseJsonBody(exchange.bytes)
    if (body === undefined && ok)
      throw new ConnectorError('permanent', scimMessages.notScim(this.baseUrl), answer)
    return { status: exchange.status, body: body ?? null, answer }
  }

  /** Decides what a failed exchange means and whether another attempt can help. */
  private judge(method: string, path: string, exchange: Exchange, call: ScimCall, retry: number): Verdict {
    const url = this.baseUrl
    const answer = this.describe(method, path, exchange)
    if (exchange.kind === 'failure') {
      if (exchange.explained) return { error: exchange.explained, waitMs: null }
      const reason = exchange.error.code ?? exchange.error.message
      if (tlsErrorCode.test(exchange.error.code ?? '')) {
        return { error: new ConnectorError('permanent', scimMessages.tls(url, reason), answer), waitMs: null }
      }
      return {
        error: new ConnectorError('transient', scimMessages.unreachable(url, reason), answer),
        waitMs: backoffMs(retry),
      }
    }
    const { status } = exchange
    const fail = (
      kind: ConnectorError['kind'],
      message: Localized,
      waitMs: number | null = null,
    ): Verdict => ({
      error: new ConnectorError(kind, message, answer),
      waitMs,
    })
    if (status === 429) {
      const header = exchange.headers['retry-after']
      return fail('quota', scimMessages.slowDown(url, retry), retryAfterMs(header, Date.now()))
    }
    if (status >= 500)
      return fail('transient', scimMessages.serverFailing(url, status, retry), backoffMs(retry))
    if (status === 401 || status === 403) return fail('auth', scimMessages.tokenRefused(url, status))
    if (status === 404) return fail('permanent', call.notFound ?? scimMessages.noService(url))
    const text = decodeBody(exchange.bytes)
    const detail = this.redact(scimDetail(parseJson(text), text, status))
    return fail('permanent', scimMessages.rejected(status, detail))
  }

  /** One request and its whole answer; network failures are returned, not thrown. */
  private async exchange(method: string, path: string, call: ScimCall): Promise<Exchange> {
    const url = new URL(this.baseUrl + path)
    const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body), 'utf8')
    const headers: Record<string, string> = {
      Accept: 'application/scim+json, application/json',
      Authorization: `Bearer ${this.token}`,
      ...(payload ? { 'Content-Type': 'application/scim+json; charset=utf-8' } : {}),
    }
    const timeoutMs = this.settings.timeoutSeconds * 1000
    const routed = await this.network.dispatcher(url, { verifyCertificate: this.settings.verifyCertificate })
    try {
      const res = await request(url, {
        method: method as 'GET',
        headers,
        body: payload ?? null,
        dispatcher: routed.dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        ...(call.signal ? { signal: call.signal } : {}),
      })
      const bytes = await this.bodies.read(res.body, Number(res.headers['content-length']) || 0)
      return { kind: 'answer', status: res.statusCode, headers: res.headers as IncomingHttpHeaders, bytes }
    } catch (error) {
      const explained = await this.network.explain(error, url, routed)
      return {
        kind: 'failure',
        error: errnoOf(error, timeoutMs),
        explained: explained instanceof ConnectorError ? explained : null,
      }
    }
  }

  private describe(method: string, path: string, exchange: Exchange): string {
    const head = exchange.kind === 'answer' ? answerHead(exchange.bytes) : ''
    const what =
      exchange.kind === 'failure'
        ? `${exchange.error.code ?? 'error'}: ${exchange.error.message}`
        : `HTTP ${exchange.status}${head ? ` ${head.slice(0, maxAnswerChars)}` : ''}`
    // Also shown by a connection check (not only through ConnectorError): the same gate.
    return serverAnswerForRecord(this.redact(`${method} ${path} → ${what}`))
  }

  /** Servers sometimes echo request headers in errors: the token must never reach a log or the UI. */
  private redact(text: string): string {
    return this.token === '' ? text : text.split(this.token).join('***')
  }
}

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'])

/** undici's error as the system error under it (ECONNREFUSED, a TLS code…); its timeouts read as ETIMEDOUT. */
function errnoOf(error: unknown, timeoutMs: number): NodeJS.ErrnoException {
  const cause = networkCause(error)
  const timedOut = cause.code !== null && timeoutCodes.has(cause.code)
  const errno: NodeJS.ErrnoException = new Error(
    timedOut ? `no answer within ${timeoutMs / 1000} s` : cause.message,
  )
  if (cause.code !== null) errno.code = timedOut ? 'ETIMEDOUT' : cause.code
  return errno
}
