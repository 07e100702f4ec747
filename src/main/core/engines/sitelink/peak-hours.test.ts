import { describe, expect, it } from 'vitest'
import { isPeak, peakDecision, tonightAt } from './peak-hours'

const at = (hours: number, minutes: number): number => new Date(2026, 11, 2, hours, minutes).getTime()
const asIs = { confirmPeak: false, sendTonight: false }

describe('peak hours (8:30–9:30, 17:30–18:30 local)', () => {
  it.each([
    [8, 29, false],
    [8, 30, true],
    [9, 29, true],
    [9, 30, false],
    [12, 0, false],
    [17, 29, false],
    [17, 30, true],
    [18, 29, true],
    [18, 30, false],
  ])('%i:%i is peak: %s', (hours, minutes, peak) => {
    expect(isPeak(at(hours, minutes))).toBe(peak)
  })

  it('asks at peak hours and offers tonight at 22:00', () => {
    expect(peakDecision(at(8, 45), asIs)).toEqual({ kind: 'ask', tonightAt: at(22, 0) })
  })

  it('sends now off peak, or at peak once confirmed', () => {
    expect(peakDecision(at(11, 0), asIs)).toEqual({ kind: 'send', at: null })
    expect(peakDecision(at(17, 45), { confirmPeak: true, sendTonight: false })).toEqual({
      kind: 'send',
      at: null,
    })
  })

  it('sends tonight when asked, tomorrow night once 22:00 has passed', () => {
    expect(peakDecision(at(9, 0), { confirmPeak: false, sendTonight: true })).toEqual({
      kind: 'send',
      at: at(22, 0),
    })
    expect(tonightAt(at(22, 0))).toBe(new Date(2026, 11, 3, 22, 0).getTime())
    expect(tonightAt(at(21, 59))).toBe(at(22, 0))
  })
})
