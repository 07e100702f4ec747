import { describe, expect, it } from 'vitest'
import { parseAge, retentionCutoff } from './history-pruner'

// vitest.config.ts pins TZ=Asia/Tokyo.
describe('retention cutoff', () => {
  it('goes back calendar months, so one year spans a leap day correctly', () => {
    const now = Date.parse('2028-03-01T10:00:00+09:00')
    expect(new Date(retentionCutoff(now, 12)).toISOString()).toBe('2027-03-01T01:00:00.000Z')
    expect(now - retentionCutoff(now, 12)).toBe(366 * 86_400_000)
  })

  it('parses 1y, 18m and 90d and rejects anything else', () => {
    const now = Date.parse('2026-11-23T00:00:00+09:00')
    expect(parseAge('1y', now)).toBe(Date.parse('2025-11-23T00:00:00+09:00'))
    expect(parseAge('18m', now)).toBe(Date.parse('2025-05-23T00:00:00+09:00'))
    expect(parseAge('90d', now)).toBe(now - 90 * 86_400_000)
    expect(() => parseAge('1 year', now)).toThrow(/1y, 18m, 90d/)
  })
})
