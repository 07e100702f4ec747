/** The schedule horizon per link survives a restart and moves only in whole 7-day steps. */
import { afterAll, describe, expect, it } from 'vitest'
import { ScheduleHorizons } from '../../src/main/core/engines/sitelink/schedule-horizons'
import { openDatabase } from '../../src/main/core/store/database'
import { tempDataDir } from '../support/test-core'

const day = 86_400_000
const operation = Date.parse('2026-12-02T12:00:00+09:00')
const dir = tempDataDir('renkei-horizons-')
const opened: ReturnType<typeof openDatabase>[] = []

function open(): ScheduleHorizons {
  const db = openDatabase(dir)
  opened.push(db)
  return new ScheduleHorizons(db)
}

afterAll(() => {
  for (const db of opened) if (db.open) db.close()
})

const tokyoDay = (ms: number): string => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10)

describe('schedule horizons', () => {
  it('keeps each link’s horizon across restarts and steps it 7 days at a time', () => {
    const first = open()
    expect(tokyoDay(first.windowFor('link-b', operation).horizon)).toBe('2027-12-07')
    expect(tokyoDay(first.windowFor('link-c', operation + 3 * day).horizon)).toBe('2027-12-10')
    opened.pop()!.close()
    const again = open()
    // Six days on: the same horizon, although 370 days from then would reach further.
    expect(tokyoDay(again.windowFor('link-b', operation + 6 * day).horizon)).toBe('2027-12-07')
    expect(tokyoDay(again.windowFor('link-b', operation + 9 * day).horizon)).toBe('2027-12-14')
    expect(tokyoDay(again.windowFor('link-c', operation + 9 * day).horizon)).toBe('2027-12-10')
  })

  it('starts a fresh 370 days after a relink', () => {
    const horizons = open()
    horizons.forget('link-b')
    const window = horizons.windowFor('link-b', operation + 9 * day)
    expect(tokyoDay(window.horizon)).toBe('2027-12-16')
    expect(tokyoDay(window.start)).toBe('2026-11-01')
  })
})
