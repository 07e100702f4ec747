import type { JobOutcome } from '../../../shared/model/jobs'
import type { Localized } from '../../../shared/model/localized'
import type { Db } from '../store/database'

/** What survives a restart for one job: enough to restore pause state, the last result and the next run. */
export interface PersistedJob {
  readonly paused: boolean
  readonly nextRunAt: number | null
  /** Debounce only: when the pending burst of triggers began (for the max-delay cap). */
  readonly firstTriggerAt: number | null
  readonly lastStartedAt: number | null
  readonly lastFinishedAt: number | null
  readonly lastOutcome: JobOutcome | null
  readonly lastMessage: Localized | null
}

interface JobRow {
  readonly paused: number
  readonly next_run_at: number | null
  readonly first_trigger_at: number | null
  readonly last_started_at: number | null
  readonly last_finished_at: number | null
  readonly last_outcome: string | null
  readonly last_message: string | null
}

/** Stored as JSON {ja, en}; anything else (hand-edited, older) is shown as it is in both languages. */
function parseMessage(stored: string | null): Localized | null {
  if (stored === null) return null
  try {
    const value = JSON.parse(stored) as Partial<Localized>
    if (typeof value.ja === 'string' && typeof value.en === 'string') return { ja: value.ja, en: value.en }
  } catch {
    // not JSON: fall through
  }
  return { ja: stored, en: stored }
}

/**
 * Another process (the CLI beside a running app) may have recorded a later run of the same job: an
 * older result held in memory never overwrites it.
 */
const newer = 'last_finished_at IS NULL OR coalesce(excluded.last_finished_at, 0) >= last_finished_at'

const ALL_PAUSED_KEY = 'scheduler.allPaused'
const outcomes: readonly string[] = ['ok', 'warning', 'error'] satisfies readonly JobOutcome[]

/**
 * The scheduler's rows in `jobs` and its flag in `settings`. Statements are prepared once; every write
 * is a single-row upsert, so each change is durable on its own without a surrounding transaction.
 */
export class JobRepository {
  private readonly selectJob
  private readonly upsertJob
  private readonly selectSetting
  private readonly upsertSetting

  constructor(db: Db) {
    this.selectJob = db.prepare<[string], JobRow>(
      `SELECT paused, next_run_at, first_trigger_at, last_started_at, last_finished_at, last_outcome, last_message
       FROM jobs WHERE id = ?`,
    )
    this.upsertJob = db.prepare(
      `INSERT INTO jobs (id, paused, next_run_at, first_trigger_at, last_started_at, last_finished_at,
                         last_outcome, last_message)
       VALUES (@id, @paused, @nextRunAt, @firstTriggerAt, @lastStartedAt, @lastFinishedAt, @lastOutcome, @lastMessage)
       ON CONFLICT (id) DO UPDATE SET
         paused = excluded.paused, next_run_at = excluded.next_run_at,
         first_trigger_at = excluded.first_trigger_at, last_started_at = excluded.last_started_at,
         last_finished_at = iif(${newer}, excluded.last_finished_at, last_finished_at),
         last_outcome = iif(${newer}, excluded.last_outcome, last_outcome),
         last_message = iif(${newer}, excluded.last_message, last_message)`,
    )
    this.selectSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    this.upsertSetting = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
  }

  load(id: string): PersistedJob | undefined {
    const row = this.selectJob.get(id)
    if (!row) return undefined
    return {
      paused: row.paused !== 0,
      nextRunAt: row.next_run_at,
      firstTriggerAt: row.first_trigger_at,
      lastStartedAt: row.last_started_at,
      lastFinishedAt: row.last_finished_at,
      // A value written by a newer release is shown as "unknown" rather than trusted.
      lastOutcome:
        row.last_outcome !== null && outcomes.includes(row.last_outcome)
          ? (row.last_outcome as JobOutcome)
          : null,
      lastMessage: parseMessage(row.last_message),
    }
  }

  save(id: string, job: PersistedJob): void {
    this.upsertJob.run({
      id,
      paused: job.paused ? 1 : 0,
      nextRunAt: job.nextRunAt,
      firstTriggerAt: job.firstTriggerAt,
      lastStartedAt: job.lastStartedAt,
      lastFinishedAt: job.lastFinishedAt,
      lastOutcome: job.lastOutcome,
      lastMessage: job.lastMessage === null ? null : JSON.stringify(job.lastMessage),
    })
  }

  loadAllPaused(): boolean {
    return this.selectSetting.get(ALL_PAUSED_KEY)?.value === 'true'
  }

  saveAllPaused(paused: boolean): void {
    this.upsertSetting.run(ALL_PAUSED_KEY, paused ? 'true' : 'false')
  }
}
