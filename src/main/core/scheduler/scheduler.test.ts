import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/model/errors'
import type { JobStatus } from '../../../shared/model/jobs'
import type { Db } from '../store/database'
import type { JobRunResult, RunTrigger } from './job'
import { MAX_TIMER_MS, Scheduler } from './scheduler'
import { settle, TestClock } from './test-clock'
import { ControlledJob, dailyAt, debounce, every, jobRow, MINUTE, tempDb, type TempDb } from './test-support'

/** 2025-01-06 08:00 in Tokyo. */
const T0 = Date.UTC(2025, 0, 5, 23, 0)

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Harness {
  readonly clock: TestClock
  readonly scheduler: Scheduler
  readonly db: Db
  readonly finished: Array<{ job: JobStatus; result: JobRunResult; trigger: RunTrigger }>
  readonly changes: Array<readonly JobStatus[]>
}

function harness(random: () => number = () => 0): Harness {
  const store: TempDb = tempDb()
  const clock = new TestClock(T0)
  const finished: Harness['finished'] = []
  const changes: Harness['changes'] = []
  const scheduler = new Scheduler({
    db: store.db,
    clock,
    random,
    onChange: (jobs) => changes.push(jobs),
    onRunFinished: (job, result, trigger) => finished.push({ job, result, trigger }),
  })
  cleanups.push(
    () => store.cleanup(),
    () => scheduler.stop(),
  )
  return { clock, scheduler, db: store.db, finished, changes }
}

const nextRunOf = (scheduler: Scheduler, id: string): number | null =>
  scheduler.list().find((job) => job.id === id)!.nextRunAt

describe('registration', () => {
  it('rejects a duplicate id and a malformed daily time', () => {
    const { scheduler } = harness()
    scheduler.register(new ControlledJob('a', every(5)))
    expect(() => scheduler.register(new ControlledJob('a', every(10)))).toThrow(/already registered/)
    expect(() => scheduler.register(new ControlledJob('b', dailyAt('7:30')))).toThrow(/Job "b".*HH:MM/)
    expect(scheduler.list().map((job) => job.id)).toEqual(['a'])
  })

  it('lists jobs in registration order with their schedule and no result yet', () => {
    const { scheduler } = harness()
    scheduler.register(new ControlledJob('second', debounce(1, 2)))
    scheduler.register(new ControlledJob('first', every(5)))
    const [second, first] = scheduler.list()
    expect([second!.id, first!.id]).toEqual(['second', 'first'])
    expect(second).toMatchObject({ paused: false, running: false, nextRunAt: null, lastOutcome: null })
    expect(first!.schedule).toEqual(every(5))
  })

  it('answers an unknown id with a not-found ApiError', () => {
    const { scheduler } = harness()
    expect(() => scheduler.runNow('ghost')).toThrow(ApiError)
    expect(() => scheduler.pause('ghost')).toThrow(/No job "ghost"/)
  })
})

describe('interval jobs', () => {
  it('first runs one period plus jitter after registration, then counts from each start', async () => {
    const { clock, scheduler, finished } = harness(() => 0.5)
    const job = new ControlledJob('sync', every(10, 60))
    scheduler.register(job)
    scheduler.start()
    const first = T0 + 10 * MINUTE + 30_000
    expect(nextRunOf(scheduler, 'sync')).toBe(first)
    await clock.advance(first - T0 - 1)
    expect(job.starts).toBe(0)
    await clock.advance(1)
    expect(job.triggers).toEqual(['schedule'])
    expect(nextRunOf(scheduler, 'sync')).toBe(first + 10 * MINUTE + 30_000)
    expect(finished[0]).toMatchObject({ trigger: 'schedule', result: { outcome: 'ok' } })
    expect(finished[0]!.job).toMatchObject({ id: 'sync', running: false, lastStartedAt: first })
  })

  it('keeps jitter within [0, jitterSeconds) for the injected random()', () => {
    const low = harness(() => 0)
    low.scheduler.register(new ControlledJob('j', every(5, 20)))
    expect(nextRunOf(low.scheduler, 'j')).toBe(T0 + 5 * MINUTE)
    const high = harness(() => 0.999999)
    high.scheduler.register(new ControlledJob('j', every(5, 20)))
    expect(nextRunOf(high.scheduler, 'j')).toBe(T0 + 5 * MINUTE + 19_999)
  })

  it('never arms a timer further ahead than the 60 s cap', async () => {
    const { clock, scheduler } = harness()
    scheduler.register(new ControlledJob('slow', every(120)))
    scheduler.start()
    expect(clock.pendingDelays).toEqual([MAX_TIMER_MS])
    await clock.advance(5 * MINUTE)
    expect(clock.pendingTimers).toBe(1)
    expect(Math.max(...clock.pendingDelays)).toBeLessThanOrEqual(MAX_TIMER_MS)
  })
})

describe('daily jobs', () => {
  it('runs at the next local HH:MM and then the same time the next day', async () => {
    const { clock, scheduler } = harness()
    const job = new ControlledJob('report', dailyAt('09:00'))
    scheduler.register(job)
    scheduler.start()
    const nineToday = Date.UTC(2025, 0, 6, 0, 0) // 09:00 in Tokyo
    expect(nextRunOf(scheduler, 'report')).toBe(nineToday)
    await clock.advance(nineToday - T0 - 1)
    expect(job.starts).toBe(0)
    await clock.advance(1)
    expect(job.triggers).toEqual(['schedule'])
    expect(nextRunOf(scheduler, 'report')).toBe(nineToday + 24 * 60 * MINUTE)
    await clock.advance(23 * 60 * MINUTE)
    expect(job.starts).toBe(1)
  })
})

describe('debounced jobs', () => {
  it('does nothing until triggered, then runs the delay after the last trigger', async () => {
    const { clock, scheduler, db } = harness()
    const job = new ControlledJob('push', debounce(2, 10))
    scheduler.register(job)
    scheduler.start()
    await clock.advance(60 * MINUTE)
    expect(job.starts).toBe(0)
    scheduler.trigger('push')
    await clock.advance(MINUTE)
    scheduler.trigger('push')
    expect(nextRunOf(scheduler, 'push')).toBe(clock.now() + 2 * MINUTE)
    expect(jobRow(db, 'push')).toMatchObject({ first_trigger_at: T0 + 60 * MINUTE })
    await clock.advance(2 * MINUTE - 1)
    expect(job.starts).toBe(0)
    await clock.advance(1)
    expect(job.triggers).toEqual(['schedule'])
    expect(nextRunOf(scheduler, 'push')).toBeNull()
    expect(jobRow(db, 'push')).toMatchObject({ first_trigger_at: null, next_run_at: null })
  })

  it('runs no later than the max delay after the first trigger, however often it is retriggered', async () => {
    const { clock, scheduler } = harness()
    const job = new ControlledJob('push', debounce(2, 5))
    scheduler.register(job)
    scheduler.start()
    const first = clock.now()
    for (let minute = 0; minute < 5; minute++) {
      scheduler.trigger('push')
      await clock.advance(MINUTE)
    }
    expect(job.contexts.length).toBe(1)
    expect(job.contexts[0]!.trigger).toBe('schedule')
    expect(scheduler.list()[0]!.lastStartedAt).toBe(first + 5 * MINUTE)
  })

  it('queues one more run for triggers that arrive during a run', async () => {
    const { clock, scheduler } = harness()
    const job = new ControlledJob('push', debounce(1, 3))
    job.blocking = true
    scheduler.register(job)
    scheduler.start()
    scheduler.trigger('push')
    await clock.advance(MINUTE)
    expect(job.starts).toBe(1)
    scheduler.trigger('push')
    scheduler.trigger('push')
    await clock.advance(5 * MINUTE)
    expect(job.starts).toBe(1)
    job.release()
    await clock.advance(0)
    expect(job.starts).toBe(2)
    job.release()
    await clock.advance(10 * MINUTE)
    expect(job.starts).toBe(2)
    expect(nextRunOf(scheduler, 'push')).toBeNull()
  })

  it('refuses trigger() on a job that is not debounced', () => {
    const { scheduler } = harness()
    scheduler.register(new ControlledJob('sync', every(5)))
    expect(() => scheduler.trigger('sync')).toThrow(/not a debounced job/)
  })
})

describe('no overlap', () => {
  it('runNow on a running job starts nothing and does not return its id', async () => {
    const { scheduler } = harness()
    const job = new ControlledJob('sync', every(5))
    job.blocking = true
    scheduler.register(job)
    expect(scheduler.runNow('sync')).toEqual(['sync'])
    expect(scheduler.runNow('sync')).toEqual([])
    expect(scheduler.runNow()).toEqual([])
    expect(job.starts).toBe(1)
    expect(scheduler.list()[0]!.running).toBe(true)
    job.release()
    await settle()
    expect(scheduler.list()[0]!.running).toBe(false)
    expect(scheduler.runNow()).toEqual(['sync'])
  })

  it('a run that outlasts several periods is followed by exactly one more run', async () => {
    const { clock, scheduler } = harness()
    const job = new ControlledJob('sync', every(5))
    job.blocking = true
    scheduler.register(job)
    scheduler.start()
    await clock.advance(5 * MINUTE)
    expect(job.starts).toBe(1)
    await clock.advance(20 * MINUTE)
    expect(job.starts).toBe(1)
    job.release()
    await clock.advance(0)
    expect(job.triggers).toEqual(['schedule', 'schedule'])
    job.release()
    await clock.advance(MINUTE)
    expect(job.starts).toBe(2)
  })
})

describe('results', () => {
  it('records a throwing run as an error with its message', async () => {
    const { clock, scheduler, finished, db } = harness()
    const job = new ControlledJob('sync', every(5))
    job.result = new Error('server said 503')
    scheduler.register(job)
    expect(scheduler.runNow('sync')).toEqual(['sync'])
    await clock.advance(0)
    expect(finished).toHaveLength(1)
    expect(finished[0]).toMatchObject({
      trigger: 'manual',
      result: { outcome: 'error', message: { ja: 'server said 503', en: 'server said 503' } },
    })
    expect(scheduler.list()[0]).toMatchObject({
      lastOutcome: 'error',
      lastMessage: { ja: 'server said 503', en: 'server said 503' },
    })
    expect(jobRow(db, 'sync')).toMatchObject({
      last_outcome: 'error',
      last_message: JSON.stringify({ ja: 'server said 503', en: 'server said 503' }),
    })
  })

  it('tells onChange when a run starts and when it ends', async () => {
    const { clock, scheduler, changes } = harness()
    const job = new ControlledJob('sync', every(5))
    job.blocking = true
    scheduler.register(job)
    changes.length = 0
    scheduler.runNow('sync')
    expect(changes.at(-1)![0]!.running).toBe(true)
    job.release({ outcome: 'warning', message: { ja: '2 skipped', en: '2 skipped' } })
    await clock.advance(0)
    expect(changes.at(-1)![0]).toMatchObject({
      running: false,
      lastOutcome: 'warning',
      lastMessage: { ja: '2 skipped', en: '2 skipped' },
    })
  })
})
