/**
 * Every CalDAV failure as a ConnectorError an administrator can act on. What a status means depends on the
 * request: a 404 on the collection is a wrong calendar ID, on an update it means "deleted meanwhile".
 */
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError, type ConnectorErrorKind } from '../connector-error'
import { networkCause } from '../network-cause'
import { caldavMessages as m } from './caldav-messages'

/** collection: PROPFIND/REPORT on the calendar; the others: one object's PUT or DELETE. */
export type CalDavRequestKind = 'collection' | 'create' | 'update' | 'remove'

export interface CalDavRequest {
  readonly kind: CalDavRequestKind
  readonly method: string
  /** The request URL (the collection's or the object's). */
  readonly url: string
  /** The configured collection, named in messages about the calendar as a whole. */
  readonly collection: string
  readonly authKind: 'basic' | 'bearer'
  /** Removes every secret from a text before it reaches an error. */
  readonly redact: (text: string) => string
}

export interface HttpFailure {
  readonly status: number
  readonly body: string
  readonly retryAfter: string | null
}

const serverAnswerChars = 300
const objectRefusals = new Set([400, 413, 415, 422])
const tlsErrorCode =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|HOSTNAME_MISMATCH)/

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null
  if (/^\d+$/.test(header.trim())) return Number(header.trim())
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** The server's words in a message: tags stripped, one line, short. */
function detail(body: string, status: number): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text === '' ? `HTTP ${status}` : text.slice(0, 120)
}

function host(url: string): string {
  return new URL(url).host
}

/** WebDAV precondition elements (CalDAV no-uid-conflict) name the real reason for a 403/409. */
function uidTaken(body: string): boolean {
  return /no-uid-conflict/i.test(body)
}

export function httpError(request: CalDavRequest, failure: HttpFailure): ConnectorError {
  const { status, body } = failure
  const answer = request.redact(
    `${request.method} ${request.url} → HTTP ${status}${body.trim() ? ` ${body.trim().slice(0, serverAnswerChars)}` : ''}`,
  )
  const fail = (kind: ConnectorErrorKind, message: Localized): ConnectorError =>
    new ConnectorError(kind, message, answer, status)
  const writing = request.kind !== 'collection'
  const why = request.redact(detail(body, status))

  if (status === 401) {
    const server = host(request.collection)
    return fail(
      'auth',
      request.authKind === 'basic' ? m.passwordRefused(server) : m.authorizationExpired(server),
    )
  }
  if (status === 412 && writing) {
    return fail(
      'conflict',
      request.kind === 'create' ? m.createdMeanwhile(request.url) : m.changedMeanwhile(request.url),
    )
  }
  if (status === 404 && request.kind === 'update') return fail('conflict', m.changedMeanwhile(request.url))
  if ((status === 403 || status === 409) && writing && uidTaken(body))
    return fail('permanent', m.uidTaken(status))
  if (status === 403)
    return fail('permanent', writing ? m.noWriteAccess(request.collection) : m.noAccess(request.collection))
  // On a PUT, 404/409 mean the collection itself is gone (RFC 4918 §9.7.1: missing parent → 409).
  if (status === 404 || status === 410 || (status === 409 && writing)) {
    return fail('permanent', m.wrongCalendar(request.collection, status))
  }
  if (objectRefusals.has(status) && (request.kind === 'create' || request.kind === 'update')) {
    return fail('permanent', m.eventRefused(status, why))
  }
  if (status === 429) {
    return fail(
      'quota',
      m.slowDown(host(request.collection), retryAfterSeconds(failure.retryAfter, Date.now())),
    )
  }
  if (status === 507) return fail('quota', m.storageFull(host(request.collection)))
  if (status >= 500 || status === 408 || status === 423) {
    return fail('transient', m.serverError(host(request.collection), status))
  }
  return fail('permanent', m.rejected(request.url, status, why))
}

/** A request that got no HTTP answer: refused, unresolvable, timed out, or a TLS failure. */
export function networkError(request: CalDavRequest, error: unknown, timeoutMs: number): ConnectorError {
  const server = host(request.collection)
  const { code, message } = networkCause(error)
  const reason = request.redact(code ?? message)
  const answer = request.redact(`${request.method} ${request.url} → ${code ?? 'error'}: ${message}`)
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ConnectorError('transient', m.timedOut(server, Math.round(timeoutMs / 1000)), answer)
  }
  if (code !== null && tlsErrorCode.test(code)) {
    return new ConnectorError('permanent', m.certificate(server, reason), answer)
  }
  return new ConnectorError('transient', m.unreachable(server, reason), answer)
}
