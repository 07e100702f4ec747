import { describe, expect, it } from 'vitest'
import { retryAfterMs } from './webhook-connector'

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T00:00:00Z')
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('120', now)).toBe(120_000)
    expect(retryAfterMs('Mon, 23 Nov 2026 00:01:00 GMT', now)).toBe(60_000)
  })
  it('gives null for nothing or nonsense, and never waits negative or for days', () => {
    expect(retryAfterMs(null, now)).toBeNull()
    expect(retryAfterMs('soon', now)).toBeNull()
    expect(retryAfterMs('Sun, 22 Nov 2026 00:00:00 GMT', now)).toBe(0)
    expect(retryAfterMs('9999999', now)).toBe(24 * 3_600_000)
  })
})
