import { createHmac } from 'node:crypto'
import { postBody } from './webhook-connector'

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the receiver recomputes it over the raw body. */
export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`
}

/**
 * POSTs a JSON document signed with a shared secret (headers `X-Renkei-Timestamp`, seconds, and
 * `X-Renkei-Signature`) and `Idempotency-Key`, so a receiver can refuse forgeries and replays and drop a
 * repeat sent after a crash between send and record.
 */
export async function postSignedJson(
  url: string,
  document: unknown,
  signing: { readonly secret: string; readonly timestampSeconds: number; readonly idempotencyKey: string },
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<{ readonly status: number; readonly answer: string }> {
  const body = JSON.stringify(document)
  return postBody(
    url,
    {
      body,
      contentType: 'application/json; charset=utf-8',
      headers: {
        'X-Renkei-Timestamp': String(signing.timestampSeconds),
        'X-Renkei-Signature': webhookSignature(signing.secret, signing.timestampSeconds, body),
        'Idempotency-Key': signing.idempotencyKey,
      },
      ...(signal ? { signal } : {}),
    },
    fetchImpl,
  )
}
