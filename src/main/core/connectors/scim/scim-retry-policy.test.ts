import { describe, expect, it } from 'vitest'
import { backoffMs, defaultRetryAfterMs, maxRetryAfterMs, retryAfterMs } from './scim-retry-policy'

describe('retryAfterMs', () => {
  const now = Date.parse('2026-04-01T09:00:00Z')

  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2', now)).toBe(2000)
    expect(retryAfterMs('Wed, 01 Apr 2026 09:00:45 GMT', now)).toBe(45_000)
  })

  it('waits 30 s without a usable header and never longer than 5 min or less than 0', () => {
    expect(retryAfterMs(undefined, now)).toBe(defaultRetryAfterMs)
    expect(retryAfterMs('soon', now)).toBe(defaultRetryAfterMs)
    expect(retryAfterMs('86400', now)).toBe(maxRetryAfterMs)
    expect(retryAfterMs('Wed, 01 Apr 2026 08:00:00 GMT', now)).toBe(0)
  })
})

describe('backoffMs', () => {
  it('doubles from 1 s with ±20 % jitter and stops at 60 s', () => {
    expect([0, 1, 2].map((n) => backoffMs(n, () => 0.5))).toEqual([1000, 2000, 4000])
    expect(backoffMs(0, () => 0)).toBe(800)
    expect(backoffMs(0, () => 1)).toBe(1200)
    expect(backoffMs(10, () => 1)).toBe(60_000)
  })
})
