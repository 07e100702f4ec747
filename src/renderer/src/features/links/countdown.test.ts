import { describe, expect, it } from 'vitest'
import { remainingText } from './countdown'

const hour = 3_600_000

describe('request countdown', () => {
  it('shows a fresh request as 24 hours', () => {
    expect(remainingText(24 * hour, 0)).toBe('24:00:00')
  })

  it('rounds a part second up, so the last second is still shown', () => {
    expect(remainingText(24 * hour, 1)).toBe('24:00:00')
    expect(remainingText(24 * hour, 1000)).toBe('23:59:59')
    expect(remainingText(1000, 999)).toBe('00:00:01')
  })

  it('is gone once the request has expired', () => {
    expect(remainingText(1000, 1000)).toBeNull()
    expect(remainingText(1000, 5000)).toBeNull()
  })
})
