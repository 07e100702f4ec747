/** Pause/resume, restart catch-up, wake after a clock jump and shutdown: the state that outlives a process. */
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../store/database'
import { Scheduler } from './scheduler'
import { settle, TestClock } from './test-clock'
import { ControlledJob, debounce, every, HOUR, jobRow, MINUTE, tempDb, type TempDb } from './test-support'

const T0 = Date.UTC(2025, 0, 5, 23, 0)

let store: TempDb
const schedulers: Scheduler[] = []
afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop()
  store?.cleanup()
})

/** A scheduler on the shared temp store; `db` lets a test play a restarted process on a new connection. */
function boot(clock: TestClock, db: Db = store.db): Scheduler {
  const scheduler = new Scheduler({ db, clock, random: () => 0 })
  schedulers.push(scheduler)
  return scheduler
}

function fresh(): { clock: TestClock; scheduler: Scheduler } {
  store = tempDb()
  const clock = new TestClock(T0)
  return { clock, scheduler: boot(clock) }
}

const settingValue = (db: Db): unknown =>
  (
    db.prepare("SELECT value FROM settings WHERE key = 'scheduler.allPaused'").get() as
      { value: string } | undefined
  )?.value

describe('pause and resume', () => {
  it('a paused job does not run when due but keeps showing its next run, and runNow still runs it', async () => {
    const { clock, scheduler } = fresh()
    const job = new ControlledJob('sync', every(5))
    scheduler.register(job)
    scheduler.start()
    scheduler.pause('sync')
    await clock.advance(30 * MINUTE)
    expect(job.starts).toBe(0)
    expect(scheduler.list()[0]).toMatchObject({ paused: true, nextRunAt: T0 + 5 * MINUTE })
    expect(scheduler.runNow('sync')).toEqual(['sync'])
    await settle()
    expect(job.triggers).toEqual(['manual'])
  })

  it('persists a job pause across a restart; resuming an overdue job runs it once as a catch-up', async () => {
    const { clock, scheduler } = fresh()
    scheduler.register(new ControlledJob('sync', every(5)))
    scheduler.register(new ControlledJob('other', every(60)))
    scheduler.pause('sync')
    expect(jobRow(store.db, 'sync')).toMatchObject({ paused: 1 })
    await scheduler.stop()

    const later = new TestClock(clock.now() + HOUR)
    const restarted = boot(later, store.reopen())
    const job = new ControlledJob('sync', every(5))
    restarted.register(job)
    restarted.register(new ControlledJob('other', every(60)))
    restarted.start()
    expect(restarted.list().map((j) => j.paused)).toEqual([true, false])
    await later.advance(MINUTE)
    expect(job.starts).toBe(0)
    restarted.resume('sync')
    await settle()
    expect(job.triggers).toEqual(['catch-up'])
    expect(jobRow(store.db, 'sync')).toMatchObject({ paused: 0 })
  })

  it('pause all is a persisted flag that stops every job until resume()', async () => {
    const { clock, scheduler } = fresh()
    const a = new ControlledJob('a', every(5))
    const b = new ControlledJob('b', every(10))
    scheduler.register(a)
    scheduler.register(b)
    scheduler.start()
    scheduler.pause()
    expect(settingValue(store.db)).toBe('true')
    await clock.advance(30 * MINUTE)
    expect(a.starts + b.starts).toBe(0)
    await scheduler.stop()

    const restarted = boot(clock, store.reopen())
    expect(restarted.allPaused).toBe(true)
    const a2 = new ControlledJob('a', every(5))
    const b2 = new ControlledJob('b', every(10))
    restarted.register(a2)
    restarted.register(b2)
    restarted.start()
    expect(restarted.list().every((job) => job.paused)).toBe(true)
    await clock.advance(MINUTE)
    expect(a2.starts + b2.starts).toBe(0)
    restarted.resume()
    await settle()
    expect(restarted.allPaused).toBe(false)
    expect(settingValue(store.db)).toBe('false')
    expect([a2.triggers, b2.triggers]).toEqual([['catch-up'], ['catch-up']])
  })

  it('resuming one job while all are paused leaves the others paused', () => {
    const { scheduler } = fresh()
    scheduler.register(new ControlledJob('a', every(5)))
    scheduler.register(new ControlledJob('b', every(5)))
    scheduler.pause()
    scheduler.resume('a')
    expect(scheduler.allPaused).toBe(false)
    expect(scheduler.list().map((job) => [job.id, job.paused])).toEqual([
      ['a', false],
      ['b', true],
    ])
  })
})

describe('restart', () => {
  it('a next run that passed while the app was closed runs once as a catch-up, not once per period', async () => {
    const { scheduler } = fresh()
    scheduler.register(new ControlledJob('sync', every(5)))
    scheduler.start()
    await scheduler.stop()

    const later = new TestClock(T0 + 3 * HOUR)
    const restarted = boot(later, store.reopen())
    const job = new ControlledJob('sync', every(5))
    restarted.register(job)
    restarted.start()
    await settle()
    expect(job.triggers).toEqual(['catch-up'])
    await later.advance(5 * MINUTE - 1)
    expect(job.starts).toBe(1)
    await later.advance(1)
    expect(job.triggers).toEqual(['catch-up', 'schedule'])
  })

  it('keeps a persisted next run that is still ahead instead of restarting the period', () => {
    const { scheduler } = fresh()
    scheduler.register(new ControlledJob('sync', every(5)))
    const restarted = boot(new TestClock(T0 + 2 * MINUTE), store.reopen())
    restarted.register(new ControlledJob('sync', every(5)))
    expect(restarted.list()[0]!.nextRunAt).toBe(T0 + 5 * MINUTE)
  })

  it('restores the last result, and a pending debounce runs as a catch-up', async () => {
    const { scheduler } = fresh()
    const first = new ControlledJob('push', debounce(2, 10))
    first.result = { outcome: 'warning', message: { ja: '1 conflict', en: '1 conflict' } }
    scheduler.register(first)
    scheduler.runNow('push')
    await settle()
    scheduler.trigger('push')
    await scheduler.stop()

    const later = new TestClock(T0 + HOUR)
    const restarted = boot(later, store.reopen())
    const job = new ControlledJob('push', debounce(2, 10))
    restarted.register(job)
    expect(restarted.list()[0]).toMatchObject({
      lastOutcome: 'warning',
      lastMessage: { ja: '1 conflict', en: '1 conflict' },
      lastStartedAt: T0,
    })
    restarted.start()
    await settle()
    expect(job.triggers).toEqual(['catch-up'])
    expect(jobRow(store.db, 'push')).toMatchObject({ next_run_at: null, first_trigger_at: null })
  })
})

describe('sleep and clock jumps', () => {
  it('wake() after the wall clock jumped runs overdue jobs at once as catch-ups', async () => {
    const { clock, scheduler } = fresh()
    const job = new ControlledJob('sync', every(30))
    scheduler.register(job)
    scheduler.start()
    clock.jump(2 * HOUR)
    scheduler.wake()
    await settle()
    expect(job.triggers).toEqual(['catch-up'])
    expect(scheduler.list()[0]!.nextRunAt).toBe(clock.now() + 30 * MINUTE)
  })

  it('notices a sleep within the 60 s timer cap even without wake()', async () => {
    const { clock, scheduler } = fresh()
    const job = new ControlledJob('sync', every(30))
    scheduler.register(job)
    scheduler.start()
    clock.jump(2 * HOUR)
    await clock.advance(MINUTE)
    expect(job.triggers).toEqual(['catch-up'])
  })

  it('pulls the next run back when the wall clock jumps backwards', async () => {
    const { clock, scheduler } = fresh()
    const job = new ControlledJob('sync', every(30))
    scheduler.register(job)
    scheduler.start()
    clock.jump(-24 * HOUR)
    await clock.advance(MINUTE)
    expect(scheduler.list()[0]!.nextRunAt).toBe(clock.now() + 30 * MINUTE)
    await clock.advance(30 * MINUTE)
    expect(job.starts).toBe(1)
  })
})

describe('stop', () => {
  it('aborts running jobs, waits for them, leaves no timer and starts nothing afterwards', async () => {
    const { clock, scheduler } = fresh()
    const job = new ControlledJob('sync', every(5))
    const push = new ControlledJob('push', debounce(1, 2))
    job.blocking = true
    scheduler.register(job)
    scheduler.register(push)
    scheduler.start()
    await clock.advance(5 * MINUTE)
    expect(job.starts).toBe(1)
    await scheduler.stop()
    expect(job.contexts[0]!.signal.aborted).toBe(true)
    expect(scheduler.list()[0]).toMatchObject({
      running: false,
      lastOutcome: 'error',
      lastMessage: { ja: 'aborted', en: 'aborted' },
    })
    expect(clock.pendingTimers).toBe(0)
    expect(scheduler.runNow()).toEqual([])
    scheduler.trigger('push')
    scheduler.wake()
    await clock.advance(HOUR)
    expect(job.starts).toBe(1)
    expect(push.starts).toBe(0)
    expect(scheduler.list()[1]!.nextRunAt).toBeNull()
    scheduler.pause('sync')
    scheduler.resume()
    expect(clock.pendingTimers).toBe(0)
    expect(() => scheduler.start()).toThrow(/cannot be started again/)
  })

  it('does not resolve before a job that ignores the abort signal has finished', async () => {
    const { scheduler } = fresh()
    const job = new ControlledJob('sync', every(5))
    let release: () => void = () => {}
    job.run = () =>
      new Promise((resolve) => {
        release = () => resolve({ outcome: 'ok', message: { ja: 'late', en: 'late' } })
      })
    scheduler.register(job)
    scheduler.runNow('sync')
    let stopped = false
    const stopping = scheduler.stop().then(() => (stopped = true))
    await settle()
    expect(stopped).toBe(false)
    release()
    await stopping
    expect(scheduler.list()[0]).toMatchObject({ lastMessage: { ja: 'late', en: 'late' } })
  })

  it('runNow works without start() (one-shot CLI) and arms no timer', async () => {
    const { clock, scheduler } = fresh()
    const job = new ControlledJob('sync', every(5))
    scheduler.register(job)
    scheduler.register(new ControlledJob('idle', every(5)))
    expect(scheduler.runNow('sync')).toEqual(['sync'])
    await settle()
    expect(job.triggers).toEqual(['manual'])
    expect(clock.pendingTimers).toBe(0)
  })
})
