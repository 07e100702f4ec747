/**
 * Every way fetching a feed can fail, as the ConnectorError the engine acts on: the kind decides whether
 * the next run retries (transient, quota) or the admin must change something (auth, permanent).
 */
import { ConnectorError } from '../connector-error'
import { networkCause } from '../network-cause'
import type { Redactor } from '../redaction'
import { feedMessages } from './ics-feed-messages'

const answerChars = 300
const tlsCode =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|HOSTNAME_MISMATCH)/
const timeoutCodes = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

export interface Deadline {
  readonly timeoutMs: number
  /** Our own timeout fired (the abort error then says nothing useful). */
  readonly passed: boolean
}

/** A failure before an HTTP answer arrived (or while its body was streaming). */
export function networkFailure(error: unknown, url: string, deadline: Deadline, redact: Redactor) {
  const { code, message } = deadline.passed
    ? { code: 'ETIMEDOUT', message: `no answer within ${deadline.timeoutMs} ms` }
    : networkCause(error)
  const answer = redact(`GET ${url} → ${code ?? 'error'}: ${message}`)
  if (code !== null && timeoutCodes.has(code)) {
    const seconds = Math.round(deadline.timeoutMs / 100) / 10
    return new ConnectorError('transient', feedMessages.timedOut(url, seconds), answer)
  }
  if (code !== null && tlsCode.test(code)) {
    return new ConnectorError('permanent', feedMessages.certificate(url, code), answer)
  }
  if (code === 'ECONNREFUSED') return new ConnectorError('transient', feedMessages.refused(url), answer)
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ConnectorError('transient', feedMessages.hostUnknown(url), answer)
  }
  return new ConnectorError('transient', feedMessages.unreachable(url, code ?? message), answer)
}

export interface HttpRefusal {
  readonly status: number
  readonly statusText: string
  readonly retryAfter: string | null
  /** The start of the body the server sent with the error. */
  readonly body: string
}

/** An HTTP answer other than 2xx / 304. */
export function httpFailure(
  refusal: HttpRefusal,
  url: string,
  auth: 'none' | 'basic' | 'bearer',
  redact: Redactor,
): ConnectorError {
  const { status } = refusal
  const body = refusal.body.trim().slice(0, answerChars)
  const answer = redact(`GET ${url} → HTTP ${status} ${refusal.statusText}${body ? `: ${body}` : ''}`)
  const fail = (kind: ConnectorError['kind'], message: ReturnType<typeof feedMessages.rejected>) =>
    new ConnectorError(kind, message, answer, status)
  if (status === 401 || status === 403) {
    return fail(
      'auth',
      auth === 'none'
        ? feedMessages.loginNeeded(url, status)
        : feedMessages.credentialsRefused(url, status, auth),
    )
  }
  if (status === 404 || status === 410) return fail('permanent', feedMessages.notFound(url, status))
  if (status === 429) return fail('quota', feedMessages.slowDown(url, refusal.retryAfter))
  if (status >= 500 || status === 408) return fail('transient', feedMessages.serverFailing(url, status))
  return fail('permanent', feedMessages.rejected(url, status))
}
