/** Shared fixtures for the scheduler's tests: a real SQLite file in a temp dir and a job the test drives. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Schedule } from '../../../shared/model/jobs'
import { openDatabase, type Db } from '../store/database'
import type { JobContext, JobDefinition, JobRunResult, RunTrigger } from './job'

export interface TempDb {
  readonly dir: string
  readonly db: Db
  /** A second connection to the same file, as a restarted process would open. */
  reopen(): Db
  cleanup(): void
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-scheduler-'))
  const opened: Db[] = []
  const open = (): Db => {
    const db = openDatabase(dir)
    opened.push(db)
    return db
  }
  return {
    dir,
    db: open(),
    reopen: open,
    cleanup: () => {
      for (const db of opened) if (db.open) db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A job whose runs the test controls: with `blocking` set, each run waits until release() (or until
 * its signal aborts), so overlap and shutdown can be observed mid-run.
 */
export class ControlledJob implements JobDefinition {
  readonly title = { ja: 'テスト', en: 'Test' }
  readonly contexts: JobContext[] = []
  blocking = false
  result: JobRunResult | Error = { outcome: 'ok', message: { ja: 'done', en: 'done' } }
  private readonly waiting: Array<(result: JobRunResult) => void> = []

  constructor(
    readonly id: string,
    readonly schedule: Schedule,
  ) {}

  get starts(): number {
    return this.contexts.length
  }

  get triggers(): RunTrigger[] {
    return this.contexts.map((ctx) => ctx.trigger)
  }

  run(ctx: JobContext): Promise<JobRunResult> {
    this.contexts.push(ctx)
    const result = this.result
    if (!this.blocking) return result instanceof Error ? Promise.reject(result) : Promise.resolve(result)
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      ctx.signal.addEventListener('abort', () =>
        resolve({ outcome: 'error', message: { ja: 'aborted', en: 'aborted' } }),
      )
    })
  }

  /** Ends the oldest blocked run. */
  release(result: JobRunResult = { outcome: 'ok', message: { ja: 'released', en: 'released' } }): void {
    const resolve = this.waiting.shift()
    if (!resolve) throw new Error(`job ${this.id} has no blocked run to release`)
    resolve(result)
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

export const every = (minutes: number, jitterSeconds = 0): Schedule => ({
  kind: 'interval',
  minutes,
  jitterSeconds,
})
export const dailyAt = (at: string): Schedule => ({ kind: 'daily', at })
export const debounce = (delayMinutes: number, maxDelayMinutes: number): Schedule => ({
  kind: 'debounce',
  delayMinutes,
  maxDelayMinutes,
})

/** The raw `jobs` row, to prove a value reached SQLite and not just memory. */
export function jobRow(db: Db, id: string): Record<string, unknown> | undefined {
  return db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Record<string, unknown> | undefined
}
