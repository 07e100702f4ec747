import { describe, expect, it } from 'vitest'
import { toIanaZone } from './ics-time-zones'

describe('toIanaZone', () => {
  it('passes IANA names through and maps Windows names and Outlook labels', () => {
    expect(toIanaZone('Asia/Tokyo')).toBe('Asia/Tokyo')
    expect(toIanaZone('Europe/Berlin')).toBe('Europe/Berlin')
    expect(toIanaZone('Tokyo Standard Time')).toBe('Asia/Tokyo')
    expect(toIanaZone('Korea Standard Time')).toBe('Asia/Seoul')
    expect(toIanaZone('Pacific Standard Time')).toBe('America/Los_Angeles')
    expect(toIanaZone('W. Europe Standard Time')).toBe('Europe/Berlin')
    expect(toIanaZone('(UTC+09:00) Osaka, Sapporo, Tokyo')).toBe('Asia/Tokyo')
    expect(toIanaZone('UTC')).toBe('UTC')
  })

  it('strips vendor prefixes and gives up on names it cannot tell', () => {
    expect(toIanaZone('/mozilla.org/20070129_1/Asia/Tokyo')).toBe('Asia/Tokyo')
    expect(toIanaZone('/citadel.org/20190914_1/America/New_York')).toBe('America/New_York')
    expect(toIanaZone('Tokyo')).toBeNull()
    expect(toIanaZone('Custom Zone 1')).toBeNull()
    expect(toIanaZone('')).toBeNull()
  })
})
