/** How long to wait before trying a SCIM request again: the server's Retry-After, or backoff with jitter. */

/** Without a Retry-After header a 429 waits this long: most services reset their window within 30 s. */
export const defaultRetryAfterMs = 30_000
/** A Retry-After beyond this is clamped: a sync run must not hang for hours on one header. */
export const maxRetryAfterMs = 5 * 60_000
/** Backoff doubles from 1 s and stops growing here. */
export const maxBackoffMs = 60_000

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), clamped to 0..5 min. */
export function retryAfterMs(header: string | undefined, now: number): number {
  const value = header?.trim() ?? ''
  let ms = defaultRetryAfterMs
  if (/^\d+$/.test(value)) ms = Number(value) * 1000
  else if (value !== '' && !Number.isNaN(Date.parse(value))) ms = Date.parse(value) - now
  return Math.min(Math.max(ms, 0), maxRetryAfterMs)
}

/**
 * Wait before retry number `retry` (0-based) after a 5xx or a network error: 1 s, 2 s, 4 s ... up to 60 s,
 * each ±20 % so that many clients hit by the same outage do not come back in step.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(maxBackoffMs, 1000 * 2 ** retry)
  return Math.min(maxBackoffMs, Math.round(base * (0.8 + 0.4 * random())))
}
