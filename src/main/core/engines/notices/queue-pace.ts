/** How fast the queue goes: backoff after a transient failure, and each target's rate limit. */

const firstRetryMs = 30_000
const maxRetryMs = 60 * 60_000

/**
 * 30 s × 2^n (n = failures so far), capped at 1 h, ±20 % jitter so messages that failed together do not
 * come back together; a server's Retry-After wins (within 1 s .. 1 h).
 */
export function retryDelayMs(failures: number, retryAfterMs: number | null, random = Math.random): number {
  if (retryAfterMs !== null) return Math.min(maxRetryMs, Math.max(1_000, retryAfterMs))
  const base = Math.min(maxRetryMs, firstRetryMs * 2 ** Math.min(failures, 20))
  return Math.round(base * (0.8 + 0.4 * random()))
}

/**
 * A token bucket one token deep: messages leave at most `perMinute` a minute, evenly spaced, so a
 * receiver's own limit (Slack: about one a second) is never hit in a burst.
 */
export class RateLimit {
  private nextAt = 0

  constructor(private perMinute: number) {}

  /** The target's setting may change between sends. */
  setRate(perMinute: number): void {
    this.perMinute = perMinute
  }

  /** When the next message may leave (≤ now: at once). */
  readyAt(): number {
    return this.nextAt
  }

  take(now: number): void {
    this.nextAt = Math.max(now, this.nextAt) + 60_000 / this.perMinute
  }
}
