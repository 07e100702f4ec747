import { ApiError } from '../../../shared/model/errors'
import type { JobStatus } from '../../../shared/model/jobs'
import type { Clock, TimerHandle } from '../clock'
import type { Db } from '../store/database'
import type { JobDefinition, JobRunResult, RunTrigger } from './job'
import { JobRepository, type PersistedJob } from './job-repository'
import { checkedResult, errorMessage } from './job-result'
import { nextDailyAt, nextDebounceAt, nextIntervalAt, reconcileNextRunAt, validateSchedule } from './schedule'

/** Longest single wait: a wall-clock jump or a wake from sleep is noticed within this even without wake(). */
export const MAX_TIMER_MS = 60_000
/** A due run noticed later than this was missed (sleep, clock jump), so it is reported as a catch-up. */
const LATE_MS = MAX_TIMER_MS

export interface SchedulerDeps {
  readonly db: Db
  readonly clock: Clock
  /** Default Math.random; used for jitter. */
  readonly random?: () => number
  /** Any state change: run started/finished, paused, next run moved. */
  readonly onChange?: (jobs: readonly JobStatus[]) => void
  readonly onRunFinished?: (job: JobStatus, result: JobRunResult, trigger: RunTrigger) => void
}

interface ActiveRun {
  readonly controller: AbortController
  done: Promise<void>
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

interface JobState extends Mutable<PersistedJob> {
  def: JobDefinition
  run: ActiveRun | null
  /** Debounce: a trigger arrived during the current run, so the pending run must survive the run's end. */
  retriggered: boolean
}

/** How a pass over the jobs was prompted; decides the trigger reported for runs it starts. */
type Reason = 'timer' | 'catch-up' | 'after-run'

const neverRun: PersistedJob = {
  paused: false,
  nextRunAt: null,
  firstTriggerAt: null,
  lastStartedAt: null,
  lastFinishedAt: null,
  lastOutcome: null,
  lastMessage: null,
}

/**
 * Owns every timer in the core. One clock timer at a time, armed for the earliest due job (at most
 * MAX_TIMER_MS ahead); every state change is written to SQLite first, so a restart or a wake from sleep
 * catches up on what was missed instead of forgetting it.
 */
export class Scheduler {
  private readonly jobs = new Map<string, JobState>()
  private readonly repo: JobRepository
  private readonly clock: Clock
  private readonly random: () => number
  private phase: 'idle' | 'started' | 'stopped' = 'idle'
  private timer: TimerHandle | null = null
  private pausedAll: boolean

  constructor(private readonly deps: SchedulerDeps) {
    this.repo = new JobRepository(deps.db)
    this.clock = deps.clock
    this.random = deps.random ?? Math.random
    this.pausedAll = this.repo.loadAllPaused()
  }

  get allPaused(): boolean {
    return this.pausedAll
  }

  /** Restores the job's persisted state now, so list() is right even before start(). */
  register(def: JobDefinition): void {
    if (!def.id) throw new Error('A job needs a non-empty id')
    if (this.jobs.has(def.id)) throw new Error(`Job "${def.id}" is already registered`)
    validateSchedule(def.id, def.schedule)
    const now = this.clock.now()
    const job: JobState = { def, ...(this.repo.load(def.id) ?? neverRun), run: null, retriggered: false }
    if (job.nextRunAt === null) job.nextRunAt = this.firstNextRunAt(job, now)
    this.reconcile(job, now)
    this.jobs.set(def.id, job)
    this.save(job)
    if (this.phase === 'started') this.refresh('catch-up')
    this.changed()
  }

  /** An admin changed when the job runs (e.g. the directory's HH:MM): the next run follows the new schedule. */
  reschedule(id: string, schedule: JobDefinition['schedule']): void {
    const job = this.get(id)
    validateSchedule(id, schedule)
    if (JSON.stringify(job.def.schedule) === JSON.stringify(schedule)) return
    job.def = { ...job.def, schedule }
    job.nextRunAt = this.firstNextRunAt(job, this.clock.now())
    this.save(job)
    if (this.phase === 'started') this.refresh('catch-up')
    this.changed()
  }

  /** Runs whatever came due while the app was not running (once each, as 'catch-up'), then arms the timer. */
  start(): void {
    if (this.phase === 'stopped') throw new Error('A stopped scheduler cannot be started again')
    if (this.phase === 'started') return
    this.phase = 'started'
    if (this.refresh('catch-up')) this.changed()
  }

  /** Clears the timer, aborts running jobs and waits for them to settle; nothing starts afterwards. */
  async stop(): Promise<void> {
    this.phase = 'stopped'
    this.disarm()
    const runs = [...this.jobs.values()].flatMap((job) => (job.run ? [job.run] : []))
    for (const run of runs) run.controller.abort(new Error('The scheduler is stopping'))
    await Promise.allSettled(runs.map((run) => run.done))
  }

  list(): JobStatus[] {
    return [...this.jobs.values()].map((job) => this.status(this.withLaterResult(job)))
  }

  /** A run recorded by another process (the CLI) since this one's last run is shown as the last result. */
  private withLaterResult(job: JobState): JobState {
    const stored = this.repo.load(job.def.id)
    if (stored?.lastFinishedAt != null && stored.lastFinishedAt > (job.lastFinishedAt ?? -Infinity)) {
      job.lastFinishedAt = stored.lastFinishedAt
      job.lastOutcome = stored.lastOutcome
      job.lastMessage = stored.lastMessage
    }
    return job
  }

  /**
   * Without an id: every job that may run unseen (jobs that need a confirmation are left out). Paused
   * jobs run too (an administrator asked); running ones are skipped.
   */
  runNow(id?: string): string[] {
    const targets =
      id === undefined ? [...this.jobs.values()].filter((job) => !job.def.needsConfirmation) : [this.get(id)]
    if (this.phase === 'stopped') return []
    const now = this.clock.now()
    const started: string[] = []
    for (const job of targets) {
      if (job.run) continue
      this.launch(job, 'manual', now)
      started.push(job.def.id)
    }
    if (started.length > 0) {
      this.arm()
      this.changed()
    }
    return started
  }

  /**
   * A run of the job's work that someone started outside the scheduler (its screen, the CLI): it is
   * shown as running and its result is recorded like a scheduled run's, so the jobs table and the
   * history never miss a run. The next scheduled run stays where it was. `work`'s own errors pass through.
   */
  async track<T>(id: string, work: () => Promise<T>, toResult: (value: T) => JobRunResult): Promise<T> {
    const job = this.get(id)
    // A scheduled run of the same job already owns the running flag; this one only records its result.
    const owns = job.run === null && this.phase !== 'stopped'
    let settle = (): void => {}
    if (owns) {
      job.run = { controller: new AbortController(), done: new Promise((resolve) => (settle = resolve)) }
      job.lastStartedAt = this.clock.now()
      this.save(job)
      this.changed()
    }
    try {
      const value = await work()
      this.record(job, owns, checkedResult(toResult(value)))
      return value
    } catch (error) {
      this.record(job, owns, { outcome: 'error', message: errorMessage(error) })
      throw error
    } finally {
      settle()
    }
  }

  private record(job: JobState, owns: boolean, result: JobRunResult): void {
    if (owns) return this.finish(job, result, 'manual')
    job.lastFinishedAt = this.clock.now()
    job.lastOutcome = result.outcome
    job.lastMessage = result.message
    this.save(job)
    const status = this.status(job)
    this.notify(() => this.deps.onRunFinished?.(status, result, 'manual'))
    this.changed()
  }

  /** Without an id: the global flag, which leaves each job's own flag as it was. */
  pause(id?: string): void {
    if (id === undefined) {
      this.pausedAll = true
      this.repo.saveAllPaused(true)
    } else {
      const job = this.get(id)
      job.paused = true
      this.save(job)
    }
    this.arm()
    this.changed()
  }

  /** Without an id: everything. Overdue jobs run at once as catch-ups. */
  resume(id?: string): void {
    const target = id === undefined ? undefined : this.get(id)
    this.deps.db.transaction(() => {
      if (this.pausedAll && target) {
        // Resuming one job while all are paused: keep the others paused one by one, so the click does
        // what it says instead of being hidden behind the global flag.
        for (const other of this.jobs.values()) if (other !== target) this.setPaused(other, true)
      }
      this.pausedAll = false
      this.repo.saveAllPaused(false)
      for (const job of target ? [target] : this.jobs.values()) this.setPaused(job, false)
    })()
    this.refresh('catch-up')
    this.changed()
  }

  /** A change happened that a debounced job should act on. Triggers during its run queue one more run. */
  trigger(id: string): void {
    const job = this.get(id)
    const schedule = job.def.schedule
    if (schedule.kind !== 'debounce') throw new Error(`Job "${id}" is not a debounced job`)
    if (this.phase === 'stopped') return
    const now = this.clock.now()
    if (job.run && !job.retriggered) {
      // The running pass may already have read the data this trigger is about: start a new burst.
      job.retriggered = true
      job.firstTriggerAt = now
    } else {
      job.firstTriggerAt ??= now
    }
    job.nextRunAt = nextDebounceAt(schedule, now, job.firstTriggerAt)
    this.save(job)
    this.arm()
    this.changed()
  }

  /** The machine woke or the clock jumped: act on clock.now() at once instead of at the next timer. */
  wake(): void {
    if (this.phase !== 'started') return
    if (this.refresh('catch-up')) this.changed()
  }

  private firstNextRunAt(job: JobState, now: number): number | null {
    const schedule = job.def.schedule
    if (schedule.kind === 'interval') return nextIntervalAt(schedule, now, this.random)
    if (schedule.kind === 'daily') return nextDailyAt(schedule.at, now)
    return null
  }

  /** Starts every due job, then re-arms. Returns whether any state changed (for a single onChange). */
  private refresh(reason: Reason): boolean {
    if (this.phase !== 'started') return false
    const now = this.clock.now()
    let changed = false
    for (const job of this.jobs.values()) {
      if (this.reconcile(job, now)) {
        this.save(job)
        changed = true
      }
      if (job.run || this.isPaused(job) || job.nextRunAt === null || job.nextRunAt > now) continue
      const late = reason === 'timer' && now - job.nextRunAt > LATE_MS
      this.launch(job, reason === 'catch-up' || late ? 'catch-up' : 'schedule', now)
      changed = true
    }
    this.arm()
    return changed
  }

  /** One timer for the earliest due job; running and paused jobs wait for their run's end or resume(). */
  private arm(): void {
    this.disarm()
    if (this.phase !== 'started') return
    let earliest = Infinity
    for (const job of this.jobs.values()) {
      if (job.run || this.isPaused(job) || job.nextRunAt === null) continue
      earliest = Math.min(earliest, job.nextRunAt)
    }
    if (earliest === Infinity) return
    const delay = Math.min(Math.max(earliest - this.clock.now(), 0), MAX_TIMER_MS)
    this.timer = this.clock.setTimer(() => {
      this.timer = null
      if (this.refresh('timer')) this.changed()
    }, delay)
  }

  private disarm(): void {
    if (this.timer === null) return
    this.clock.clearTimer(this.timer)
    this.timer = null
  }

  /** Marks the job running before its code is entered, so nothing can start it twice. */
  private launch(job: JobState, trigger: RunTrigger, now: number): void {
    const run: ActiveRun = { controller: new AbortController(), done: Promise.resolve() }
    job.run = run
    job.retriggered = false
    job.lastStartedAt = now
    const schedule = job.def.schedule
    // Counted from the start, so a slow run does not push every later run back.
    if (schedule.kind === 'interval') job.nextRunAt = nextIntervalAt(schedule, now, this.random)
    if (schedule.kind === 'daily') job.nextRunAt = nextDailyAt(schedule.at, now)
    this.save(job)
    run.done = this.execute(job, run, trigger).catch((error: unknown) => {
      job.run = null
      console.error(`Scheduler: recording the result of job "${job.def.id}" failed`, error)
    })
  }

  private async execute(job: JobState, run: ActiveRun, trigger: RunTrigger): Promise<void> {
    let result: JobRunResult
    try {
      result = checkedResult(await job.def.run({ signal: run.controller.signal, trigger }))
    } catch (error) {
      result = { outcome: 'error', message: errorMessage(error) }
    }
    this.finish(job, result, trigger)
  }

  private finish(job: JobState, result: JobRunResult, trigger: RunTrigger): void {
    job.run = null
    job.lastFinishedAt = this.clock.now()
    job.lastOutcome = result.outcome
    job.lastMessage = result.message
    if (job.def.schedule.kind === 'debounce' && !job.retriggered) {
      job.nextRunAt = null
      job.firstTriggerAt = null
    }
    job.retriggered = false
    this.save(job)
    const status = this.status(job)
    this.notify(() => this.deps.onRunFinished?.(status, result, trigger))
    // Checked after the run's await: a stopping scheduler records the result but starts nothing more.
    if (this.phase === 'started') this.refresh('after-run')
    this.changed()
  }

  /** Pulls a next run back after a backwards clock jump or an edited schedule. */
  private reconcile(job: JobState, now: number): boolean {
    const next = reconcileNextRunAt(job.def.schedule, job.nextRunAt, now, this.random)
    const first = job.firstTriggerAt !== null && job.firstTriggerAt > now ? now : job.firstTriggerAt
    if (next === job.nextRunAt && first === job.firstTriggerAt) return false
    job.nextRunAt = next
    job.firstTriggerAt = first
    return true
  }

  private setPaused(job: JobState, paused: boolean): void {
    if (job.paused === paused) return
    job.paused = paused
    this.save(job)
  }

  private isPaused(job: JobState): boolean {
    return job.paused || this.pausedAll
  }

  private get(id: string): JobState {
    const job = this.jobs.get(id)
    if (!job) {
      throw new ApiError('not-found', { ja: `ジョブ「${id}」が見つかりません。`, en: `No job "${id}".` })
    }
    return job
  }

  private save(job: JobState): void {
    this.repo.save(job.def.id, job)
  }

  private status(job: JobState): JobStatus {
    return {
      id: job.def.id,
      title: job.def.title,
      schedule: job.def.schedule,
      needsConfirmation: job.def.needsConfirmation ?? false,
      paused: this.isPaused(job),
      running: job.run !== null,
      nextRunAt: job.nextRunAt,
      lastStartedAt: job.lastStartedAt,
      lastFinishedAt: job.lastFinishedAt,
      lastOutcome: job.lastOutcome,
      lastMessage: job.lastMessage,
    }
  }

  private changed(): void {
    const onChange = this.deps.onChange
    if (onChange) this.notify(() => onChange(this.list()))
  }

  /** A listener's bug must not leave the scheduler half-updated, so it is reported and contained. */
  private notify(listener: () => void): void {
    try {
      listener()
    } catch (error) {
      console.error('Scheduler: a listener failed', error)
    }
  }
}
