/**
 * The signed groupware webhook: `X-Renkei-Timestamp: <unix seconds>` and
 * `X-Renkei-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` (the scheme Stripe and Slack
 * use, so any language's standard library can sign). The timestamp inside the signed text keeps an old
 * request from being replayed once it leaves the window; inside it, the event id makes a repeat harmless.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { noticeReplayWindowMs } from '../../../../shared/model/notices'
import type { InboundRefusalCode } from './inbound-refusals'

export function signatureOf(secret: string, timestamp: string, body: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')
}

/** Constant-time equality of two strings (length is not secret: every valid signature has the same). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** null when the request is signed with `secret` inside the replay window; otherwise why not. */
export function verifySignature(
  headers: { readonly timestamp: string | undefined; readonly signature: string | undefined },
  body: Buffer,
  secret: string,
  now: number,
): InboundRefusalCode | null {
  const { timestamp, signature } = headers
  const given = /^v1=([0-9a-f]{64})$/i.exec(signature?.trim() ?? '')?.[1]
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || given === undefined) return 'unsigned'
  if (Math.abs(now - Number(timestamp) * 1000) > noticeReplayWindowMs) return 'stale'
  return sameSecret(given.toLowerCase(), signatureOf(secret, timestamp, body)) ? null : 'bad-signature'
}
