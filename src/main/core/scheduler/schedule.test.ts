import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { nextDailyAt, nextDebounceAt, nextIntervalAt, reconcileNextRunAt, validateSchedule } from './schedule'
import { dailyAt, debounce, every, HOUR, MINUTE } from './test-support'

/** Tokyo wall time as epoch ms (UTC+9, no DST), so expectations do not depend on the code under test. */
const jst = (day: number, hour: number, minute = 0): number => Date.UTC(2025, 0, day, hour - 9, minute)

describe('validateSchedule', () => {
  it('rejects malformed daily times with a message naming the job', () => {
    for (const at of ['9:00', '24:00', '12:60', '', '12:00:00', ' 12:00']) {
      expect(() => validateSchedule('nightly', dailyAt(at))).toThrow(
        /Job "nightly": daily time must be HH:MM/,
      )
    }
  })

  it('accepts the whole day range', () => {
    expect(() => validateSchedule('a', dailyAt('00:00'))).not.toThrow()
    expect(() => validateSchedule('a', dailyAt('23:59'))).not.toThrow()
  })

  it('rejects non-positive intervals, negative jitter and a max delay below the delay', () => {
    expect(() => validateSchedule('a', every(0))).toThrow(/positive/)
    expect(() => validateSchedule('a', every(5, -1))).toThrow(/jitterSeconds/)
    expect(() => validateSchedule('a', debounce(10, 5))).toThrow(/maxDelayMinutes/)
  })
})

describe('nextDailyAt (machine time zone Asia/Tokyo)', () => {
  it('runs in Tokyo, as the vitest config promises', () => {
    expect(new Date(jst(6, 9)).getTimezoneOffset()).toBe(-540)
  })

  it('picks today when the time is still ahead, tomorrow once it has passed', () => {
    expect(nextDailyAt('09:00', jst(6, 8, 59))).toBe(jst(6, 9))
    expect(nextDailyAt('09:00', jst(6, 9, 1))).toBe(jst(7, 9))
  })

  it('is strictly after now: a run starting exactly on time is scheduled for tomorrow', () => {
    expect(nextDailyAt('09:00', jst(6, 9))).toBe(jst(7, 9))
  })

  it('crosses midnight and month ends in local time', () => {
    expect(nextDailyAt('00:15', jst(31, 23, 30))).toBe(Date.UTC(2025, 1, 1, 0 - 9, 15))
  })

  it('keeps the wall-clock time across a DST change (checked in a New York child process)', () => {
    // TZ is read once per process, so another zone needs another process; tsx loads the TS source as is.
    const source = JSON.stringify(fileURLToPath(new URL('./schedule.ts', import.meta.url)))
    const script = `console.log(require(${source}).nextDailyAt('09:00', Date.UTC(2025, 2, 8, 15, 0)))`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    })
    expect(child.stderr).toBe('')
    // 2025-03-09 09:00 EDT (UTC-4): 22 h after 10:00 EST the day before, not 24.
    expect(Number(child.stdout.trim())).toBe(Date.UTC(2025, 2, 9, 13, 0))
  })
})

describe('nextIntervalAt', () => {
  const schedule = every(15, 30) as Extract<ReturnType<typeof every>, { kind: 'interval' }>

  it('adds the period plus random() times the jitter, rounded down to whole ms', () => {
    expect(nextIntervalAt(schedule, 1_000, () => 0)).toBe(1_000 + 15 * MINUTE)
    expect(nextIntervalAt(schedule, 1_000, () => 0.5)).toBe(1_000 + 15 * MINUTE + 15_000)
    expect(nextIntervalAt(schedule, 1_000, () => 0.9999999)).toBe(1_000 + 15 * MINUTE + 29_999)
  })
})

describe('nextDebounceAt', () => {
  const schedule = debounce(2, 5) as Extract<ReturnType<typeof debounce>, { kind: 'debounce' }>

  it('waits the delay after the latest trigger', () => {
    expect(nextDebounceAt(schedule, 10 * MINUTE, 9 * MINUTE)).toBe(12 * MINUTE)
  })

  it('never waits past the max delay after the first trigger', () => {
    expect(nextDebounceAt(schedule, 14 * MINUTE, 10 * MINUTE)).toBe(15 * MINUTE)
  })
})

describe('reconcileNextRunAt', () => {
  const now = jst(6, 12)

  it('leaves overdue and plausible values alone', () => {
    expect(reconcileNextRunAt(every(5), now - HOUR, now, () => 0)).toBe(now - HOUR)
    expect(reconcileNextRunAt(every(5), now + MINUTE, now, () => 0)).toBe(now + MINUTE)
    expect(reconcileNextRunAt(debounce(1, 3), null, now, () => 0)).toBeNull()
  })

  it('pulls an interval run back when the clock went backwards', () => {
    expect(reconcileNextRunAt(every(5, 10), now + 2 * HOUR, now, () => 0)).toBe(now + 5 * MINUTE)
  })

  it('recomputes a future daily run, picking up an edited time of day', () => {
    expect(reconcileNextRunAt(dailyAt('09:00'), jst(6, 18), now, () => 0)).toBe(jst(7, 9))
  })

  it('caps a pending debounce run at the max delay from now', () => {
    expect(reconcileNextRunAt(debounce(1, 3), now + HOUR, now, () => 0)).toBe(now + 3 * MINUTE)
  })
})
