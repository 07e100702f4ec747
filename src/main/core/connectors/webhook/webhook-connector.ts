import { ConnectorError } from '../connector-error'
import { networkCause } from '../network-cause'
import { policyFetch } from '../redirect-policy'

/** A webhook receiver that has not answered by then is reported; an alert must not hold a run's end. */
const timeoutMs = 15_000

/**
 * Where errors say the request went: the origin only. Chat services put their token in the webhook's
 * path (Slack, Teams, Mattermost), so the path never reaches the history.
 */
export function webhookOrigin(url: string): string {
  return new URL(url).origin
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
  const origin = webhookOrigin(url)
  let response: Response
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Renkei' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    if (error instanceof ConnectorError) throw error
    const cause = networkCause(error)
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    throw new ConnectorError(
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
  const answer = await response.text().catch(() => '')
  if (response.ok) return { status: response.status }
  const auth = response.status === 401 || response.status === 403
  throw new ConnectorError(
    auth ? 'auth' : response.status >= 500 ? 'transient' : 'permanent',
    {
      ja: `Webhook ${origin} が HTTP ${response.status} を返しました。${auth ? 'URL に含まれる認証情報（トークン）を確認してください。' : 'URL と受け側の設定を確認してください。'}`,
      en: `The webhook ${origin} answered HTTP ${response.status}. ${auth ? 'Check the token or credentials in the URL.' : 'Check the URL and the receiver.'}`,
    },
    answer,
    response.status,
  )
}
