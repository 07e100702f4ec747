import { hostname } from 'node:os'
import type { DirectoryRunSummary } from '../../../../shared/model/directory'
import { advanceStreak, noRuns, type RunStreak } from '../../health/health-reporter'
import type { Db } from '../../store/database'

/** A lock older than this without a heartbeat belongs to a run that died (kill -9, power cut). */
export const staleLockMs = 2 * 60 * 1000

interface RunLock {
  readonly owner: string
  readonly heartbeatAt: number
  readonly host?: string
  readonly pid?: number
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Live: a recent heartbeat from a process that still exists (a killed CLI run frees the lock at once). */
function isLive(lock: RunLock | null, now: number): lock is RunLock {
  if (!lock || now - lock.heartbeatAt >= staleLockMs) return false
  return lock.host !== hostname() || lock.pid === undefined || processAlive(lock.pid)
}

/**
 * The directory engine's own rows: the run lock (which is also the "import in progress" flag other
 * engines and other processes read), the last run, and when missing users were first suspended.
 */
export class DirectoryStateRepository {
  constructor(private readonly db: Db) {}

  private read<T>(name: string): T | null {
    const value = this.db.prepare('SELECT value FROM directory_state WHERE name = ?').pluck().get(name) as
      string | undefined
    return value === undefined ? null : (JSON.parse(value) as T)
  }

  private write(name: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO directory_state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
      )
      .run(name, JSON.stringify(value))
  }

  /** Takes the lock unless a live run (in this or another process) holds it: a run killed with -9 does not. */
  tryLock(owner: string, now: number): boolean {
    return this.db
      .transaction(() => {
        const lock = this.read<RunLock>('run-lock')
        if (lock && lock.owner !== owner && isLive(lock, now)) return false
        this.write('run-lock', this.lock(owner, now))
        return true
      })
      .immediate()
  }

  heartbeat(owner: string, now: number): void {
    const lock = this.read<RunLock>('run-lock')
    if (lock?.owner === owner) this.write('run-lock', this.lock(owner, now))
  }

  private lock(owner: string, now: number): RunLock {
    return { owner, heartbeatAt: now, host: hostname(), pid: process.pid }
  }

  unlock(owner: string): void {
    const lock = this.read<RunLock>('run-lock')
    if (lock?.owner === owner) this.db.prepare(`DELETE FROM directory_state WHERE name = 'run-lock'`).run()
  }

  inProgress(now: number): boolean {
    return isLive(this.read<RunLock>('run-lock'), now)
  }

  lastRun(): DirectoryRunSummary | null {
    return this.read<DirectoryRunSummary>('last-run')
  }

  /** The last run, and the streak of failed runs with the last success and failure (health model). */
  saveLastRun(summary: DirectoryRunSummary): void {
    const failed = summary.outcome === 'error' || summary.outcome === 'blocked'
    const outcome = failed ? 'error' : summary.outcome === 'warning' ? 'warning' : 'ok'
    this.db.transaction(() => {
      this.write('last-run', summary)
      this.write('run-streak', advanceStreak(this.runStreak(), outcome, summary.message, summary.finishedAt))
    })()
  }

  runStreak(): RunStreak {
    return this.read<RunStreak>('run-streak') ?? noRuns
  }

  suspendedSince(): Map<string, number> {
    const rows = this.db.prepare('SELECT user_key, since FROM directory_suspensions').raw().all() as [
      string,
      number,
    ][]
    return new Map(rows)
  }

  /** Keeps the first date: a user suspended again on a later run still counts from the first day. */
  markSuspended(key: string, since: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO directory_suspensions (user_key, since) VALUES (?, ?)')
      .run(key, since)
  }

  clearSuspended(key: string): void {
    this.db.prepare('DELETE FROM directory_suspensions WHERE user_key = ?').run(key)
  }
}
