/**
 * Mailman 3's REST API over HTTP: Basic auth (the password comes from the caller, who reads it from the
 * keychain), JSON bodies, a timeout per request, and every failure as a ConnectorError. The password never
 * reaches a URL, a message or a recorded answer: it travels only in the Authorization header.
 */
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../connector-error'
import { networkCause } from '../network-cause'
import { redactorFor, type Redactor } from '../redaction'
import { mailmanMessages } from './mailman-messages'

export interface MailmanSettings {
  /** The REST root, e.g. http://127.0.0.1:8001/3.1 (without a version, /3.1 is added). */
  readonly baseUrl: string
  /** mailman.cfg [webservice] admin_user. */
  readonly adminUser: string
  /** Per request; default 15 s. */
  readonly timeoutMs?: number
}

export interface MailmanCall {
  readonly body?: Record<string, unknown>
  /** Statuses handed back to the caller instead of thrown (404 on a probe, 409 "already subscribed"). */
  readonly accept?: readonly number[]
  /** What a 404 (or Mailman's 400 "No such list") means on this path. */
  readonly notFound?: Localized
}

export interface MailmanResponse {
  readonly status: number
  /** Parsed JSON, or null for an empty answer (201, 204). */
  readonly body: unknown
  /** Mailman's own words (its `description`), redacted; '' on success. */
  readonly detail: string
  /** The Location header of a 201 (the created member or list, in Mailman's own base URL), else null. */
  readonly location: string | null
}

const defaultTimeoutMs = 15_000
const tlsErrorCode =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/

/** Checked before anything is sent: only http(s), no credentials in the URL (they would end up in logs). */
export function restRoot(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new ConnectorError('permanent', mailmanMessages.badBaseUrl('not a URL'))
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConnectorError('permanent', mailmanMessages.badBaseUrl(`scheme ${url.protocol}`))
  if (url.username !== '' || url.password !== '')
    throw new ConnectorError('permanent', mailmanMessages.badBaseUrl('credentials in the URL'))
  const root = `${url.origin}${url.pathname}`.replace(/\/+$/, '')
  return /\/3\.[01]$/.test(root) ? root : `${root}/3.1`
}

/** Mailman answers errors as {"title": "400 Bad Request", "description": "Mailing list exists"}. */
function mailmanDetail(body: unknown, text: string, status: number): string {
  const error = (body ?? {}) as { title?: unknown; description?: unknown }
  if (typeof error.description === 'string' && error.description !== '') return error.description
  if (typeof error.title === 'string' && error.title !== '') return error.title
  return text.trim().slice(0, 200) || `HTTP ${status}`
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export class MailmanHttp {
  readonly root: string
  private readonly redact: Redactor
  private readonly authorization: string
  private readonly timeoutMs: number

  constructor(
    private readonly settings: MailmanSettings,
    password: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.root = restRoot(settings.baseUrl)
    const basic = Buffer.from(`${settings.adminUser}:${password}`).toString('base64')
    this.authorization = `Basic ${basic}`
    this.redact = redactorFor([password, basic])
    this.timeoutMs = settings.timeoutMs ?? defaultTimeoutMs
  }

  /** Path segments are encoded here (an e-mail address or list id is one segment). */
  static path(...segments: string[]): string {
    return '/' + segments.map((segment) => encodeURIComponent(segment)).join('/')
  }

  async send(method: string, path: string, call: MailmanCall = {}): Promise<MailmanResponse> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.timeoutMs)
    let status: number
    let text: string
    let location: string | null
    try {
      const answer = await this.fetchImpl(this.root + path, {
        method,
        headers: {
          authorization: this.authorization,
          accept: 'application/json',
          ...(call.body ? { 'content-type': 'application/json' } : {}),
        },
        body: call.body ? JSON.stringify(call.body) : undefined,
        signal: controller.signal,
        redirect: 'manual',
      })
      status = answer.status
      location = answer.headers.get('location')
      text = await answer.text()
    } catch (error) {
      throw this.networkFailure(method, path, error, controller.signal.aborted)
    } finally {
      clearTimeout(timer)
    }
    const body = text.trim() === '' ? null : parseJson(text)
    const detail = status >= 200 && status < 300 ? '' : this.redact(mailmanDetail(body, text, status))
    if (status >= 200 && status < 300) {
      if (body === undefined)
        throw new ConnectorError(
          'permanent',
          mailmanMessages.notMailman(this.root),
          this.answer(method, path, status, text),
        )
      return { status, body, detail, location }
    }
    // POST /members on a missing list answers 400 "No such list", not 404.
    const listMissing = status === 404 || (status === 400 && detail === 'No such list')
    if (listMissing && call.notFound)
      throw new ConnectorError('permanent', call.notFound, this.answer(method, path, status, text), 404)
    if (call.accept?.includes(status)) return { status, body: body ?? null, detail, location: null }
    throw this.refusal(method, path, status, text, detail)
  }

  private refusal(method: string, path: string, status: number, text: string, detail: string) {
    const answer = this.answer(method, path, status, text)
    const fail = (kind: ConnectorError['kind'], message: Localized) =>
      new ConnectorError(kind, message, answer, status)
    if (status === 401 || status === 403)
      return fail('auth', mailmanMessages.authRefused(this.root, this.settings.adminUser))
    if (status >= 500) return fail('transient', mailmanMessages.serverFailing(this.root, status))
    if (status === 429) return fail('quota', mailmanMessages.serverFailing(this.root, status))
    return fail('permanent', mailmanMessages.refused(status, detail))
  }

  private networkFailure(method: string, path: string, error: unknown, timedOut: boolean): ConnectorError {
    const seconds = this.timeoutMs / 1000
    if (timedOut)
      return new ConnectorError(
        'transient',
        mailmanMessages.timeout(this.root, seconds),
        `${method} ${path} → timeout`,
      )
    const cause = networkCause(error)
    const reason = this.redact(cause.code ?? cause.message)
    const answer = this.redact(`${method} ${path} → ${cause.code ?? 'error'}: ${cause.message}`)
    const kind = tlsErrorCode.test(cause.code ?? '') ? 'permanent' : 'transient'
    return new ConnectorError(kind, mailmanMessages.unreachable(this.root, reason), answer)
  }

  /** Method, path, status and the start of the body, for support; the password is never in it. */
  private answer(method: string, path: string, status: number, text: string): string {
    return this.redact(`${method} ${path} → HTTP ${status} ${text.trim().slice(0, 1000)}`)
  }
}
