import { ConnectorError } from '../connector-error'
import { networkCause } from '../network-cause'
import { policyFetch } from '../redirect-policy'

/** A webhook receiver that has not answered by then is reported; an alert must not hold a run's end. */
const timeoutMs = 15_000
/** A Retry-After longer than this is not waited for as such: the queue's own backoff takes over. */
const maxRetryAfterMs = 24 * 3_600_000

/**
 * Where errors say the request went: the origin only. Chat services put their token in the webhook's
 * path (Slack, Teams, Mattermost), so the path never reaches the history.
 */
export function webhookOrigin(url: string): string {
  return new URL(url).origin
}

/** One POST: the body as sent (already serialized) and its headers besides content type and user agent. */
export interface WebhookRequest {
  readonly body: string
  readonly contentType: string
  readonly headers?: Readonly<Record<string, string>>
  /** Cancels the request (the queue's shutdown); the 15-second limit applies as well. */
  readonly signal?: AbortSignal
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`; null if absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null
  const text = value.trim()
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), maxRetryAfterMs) : null
}

function unreachable(origin: string, error: unknown): ConnectorError {
  const cause = networkCause(error)
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
  return new ConnectorError(
    'transient',
    timedOut
      ? {
          ja: `Webhook ${origin} から ${timeoutMs / 1000} 秒以内に応答がありませんでした。`,
          en: `The webhook ${origin} did not answer within ${timeoutMs / 1000} seconds.`,
        }
      : {
          ja: `Webhook ${origin} に接続できませんでした（${cause.code ?? cause.message}）。URL と、受け側が動いているかを確認してください。`,
          en: `Could not reach the webhook ${origin} (${cause.code ?? cause.message}). Check the URL and that the receiver is running.`,
        },
    cause.message,
  )
}

/** A non-2xx answer: 5xx and 429 are worth another try (after Retry-After when given), 401/403 are credentials. */
function refusal(origin: string, response: Response, answer: string): ConnectorError {
  const status = response.status
  const auth = status === 401 || status === 403
  const again = status >= 500 || status === 429
  const wait = again ? retryAfterMs(response.headers.get('retry-after'), Date.now()) : null
  return new ConnectorError(
    auth ? 'auth' : again ? 'transient' : 'permanent',
    {
      ja: `Webhook ${origin} が HTTP ${status} を返しました。${auth ? 'URL に含まれる認証情報（トークン）を確認してください。' : status === 429 ? '送信が多すぎるため、後でもう一度送ります。' : 'URL と受け側の設定を確認してください。'}`,
      en: `The webhook ${origin} answered HTTP ${status}. ${auth ? 'Check the token or credentials in the URL.' : status === 429 ? 'Too many requests: it will be sent again later.' : 'Check the URL and the receiver.'}`,
    },
    answer,
    status,
    wait,
  )
}

/**
 * POSTs one body to a webhook URL (redirects under the shared policy). Any 2xx is success and resolves
 * with the receiver's answer; anything else is a `ConnectorError` in plain language with that answer.
 */
export async function postBody(
  url: string,
  request: WebhookRequest,
  fetchImpl: typeof fetch = policyFetch,
): Promise<{ readonly status: number; readonly answer: string }> {
  const origin = webhookOrigin(url)
  const timeout = AbortSignal.timeout(timeoutMs)
  let response: Response
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-type': request.contentType, 'user-agent': 'Renkei' },
      body: request.body,
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
    })
  } catch (error) {
    if (error instanceof ConnectorError) throw error
    throw unreachable(origin, error)
  }
  const answer = await response.text().catch(() => '')
  if (response.ok) return { status: response.status, answer }
  throw refusal(origin, response, answer)
}

/**
 * POSTs one JSON document to a webhook URL (redirects under the shared policy). Any 2xx is success;
 * anything else is a `ConnectorError` in plain language with the receiver's answer for support.
 */
export async function postJson(
  url: string,
  body: unknown,
  fetchImpl: typeof fetch = policyFetch,
): Promise<{ readonly status: number }> {
  const { status } = await postBody(
    url,
    { body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' },
    fetchImpl,
  )
  return { status }
}
