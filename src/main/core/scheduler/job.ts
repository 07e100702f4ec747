import type { JobOutcome, Schedule } from '../../../shared/model/jobs'
import type { Localized } from '../../../shared/model/localized'

/** Why a run started: shown in history so an administrator can tell a catch-up after sleep from a click. */
export type RunTrigger = 'schedule' | 'manual' | 'catch-up'

export interface JobContext {
  /** Aborted when the scheduler stops (app quit): long work should give up promptly. */
  readonly signal: AbortSignal
  readonly trigger: RunTrigger
}

export interface JobRunResult {
  readonly outcome: JobOutcome
  /** Shown on the Dashboard and written to the history in the admin's language. */
  readonly message: Localized
}

/**
 * One unit of scheduled work. Engines hand these to the scheduler instead of holding timers,
 * so overlap, pausing, catch-up and shutdown are handled once, here.
 */
export interface JobDefinition {
  /** Stable across releases: persisted state (pause, next run, last result) is keyed by it. */
  readonly id: string
  readonly title: Localized
  readonly schedule: Schedule
  /**
   * The job writes to systems outside Renkei (a directory target in production): an admin's "run now"
   * must go through a preview and a confirmation, so "send now" for all leaves it out. Its own schedule,
   * which the admin switched on, still runs it.
   */
  readonly needsConfirmation?: boolean
  run(ctx: JobContext): Promise<JobRunResult>
}
