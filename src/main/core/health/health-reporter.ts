import type { EngineHealth, HealthEngineId, HealthState } from '../../../shared/model/health'
import type { JobOutcome } from '../../../shared/model/jobs'
import type { Localized } from '../../../shared/model/localized'

/**
 * The port every engine implements to appear in the health model. Reporters read what the engine
 * already records (its run state, its error rows, its job); they keep no bookkeeping of their own.
 */
export interface HealthReporter {
  readonly engine: HealthEngineId
  report(now: number): EngineHealth
}

/** What an engine remembers about its recent runs, beside the last result it already kept. */
export interface RunStreak {
  /** Failed runs in a row, up to and including the last one. */
  readonly errorStreak: number
  readonly lastSuccessAt: number | null
  readonly lastFailureAt: number | null
  readonly lastFailure: Localized | null
}

export const noRuns: RunStreak = {
  errorStreak: 0,
  lastSuccessAt: null,
  lastFailureAt: null,
  lastFailure: null,
}

/**
 * After a run: a failure lengthens the streak and is remembered with its reason; anything else ends it.
 * Returns only the streak's own fields (callers spread it into a larger state record).
 */
export function advanceStreak(
  previous: RunStreak,
  outcome: JobOutcome,
  message: Localized,
  at: number,
): RunStreak {
  const { errorStreak, lastSuccessAt, lastFailureAt, lastFailure } = previous
  if (outcome === 'error') {
    return { errorStreak: errorStreak + 1, lastSuccessAt, lastFailureAt: at, lastFailure: message }
  }
  return { errorStreak: 0, lastSuccessAt: at, lastFailureAt, lastFailure }
}

export interface StateFacts {
  /** Set up (a source, a permitted user): otherwise nothing is expected of it. */
  readonly configured: boolean
  /** Stopped automatically or by the admin, or its job is paused. */
  readonly stopped: boolean
  readonly lastOutcome: JobOutcome | null
  /** An automatic stop follows repeated errors (calendar users): until then a failure is a warning. */
  readonly autoStops: boolean
}

/** One rule for every engine, so a failing thing can never look green on any screen. */
export function healthState(facts: StateFacts): HealthState {
  if (!facts.configured) return 'disabled'
  if (facts.stopped) return 'stopped'
  if (facts.lastOutcome === null) return 'never-run'
  if (facts.lastOutcome === 'error') return facts.autoStops ? 'warning' : 'failing'
  return facts.lastOutcome === 'warning' ? 'warning' : 'ok'
}
