import { describe, expect, it } from 'vitest'
import { directoryConfig } from './directory-config'
import { normaliseDailyTime } from './daily-time'

describe('normaliseDailyTime', () => {
  it('reads H:MM, HH:MM and full-width input as HH:MM', () => {
    expect(normaliseDailyTime('7:30')).toBe('07:30')
    expect(normaliseDailyTime('07:30')).toBe('07:30')
    expect(normaliseDailyTime(' 0:05 ')).toBe('00:05')
    expect(normaliseDailyTime('２３：５９')).toBe('23:59')
  })

  it('refuses what is not a time of day', () => {
    for (const text of ['24:00', '7:60', '7:3', '730', '7.30', '', '07:30:00', '-1:00', '123:00']) {
      expect(normaliseDailyTime(text), text).toBeNull()
    }
  })
})

describe('the directory schedule time', () => {
  it('is stored as HH:MM when typed as H:MM', () => {
    expect(directoryConfig.parse({ at: '7:30' }).at).toBe('07:30')
  })

  it('is refused, saying which forms are accepted, when it is not a time', () => {
    const result = directoryConfig.safeParse({ at: '25:00' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['at'], message: expect.stringMatching(/H:MM/) })
  })
})
