import type { Localized } from './localized'

/**
 * How a thing is doing, worst first in `healthSeverity`:
 * - failing: its last run failed and nothing will stop it automatically (the admin must act);
 * - stopped: it does not run (stopped automatically or by the admin, or its job is paused);
 * - warning: it still runs but its last run had errors (an error streak below an automatic stop) or warnings;
 * - never-run: configured but no run has ended yet;
 * - ok: its last run succeeded;
 * - disabled: not configured or not permitted, so nothing is expected of it.
 */
export const healthStates = ['failing', 'stopped', 'warning', 'never-run', 'ok', 'disabled'] as const
export type HealthState = (typeof healthStates)[number]

/** Lower is worse: lists sort on it so what needs attention comes first. */
export const healthSeverity: Readonly<Record<HealthState, number>> = {
  failing: 0,
  stopped: 1,
  warning: 2,
  'never-run': 3,
  ok: 4,
  disabled: 5,
}

/** The engines that report health now, and those still to come (shown as "not available yet"). */
export const healthEngines = ['directory', 'calendar', 'site-link', 'notice-relay', 'rooms'] as const
export type HealthEngineId = (typeof healthEngines)[number]
export const plannedHealthEngines = [] as const
export type PlannedHealthEngineId = (typeof plannedHealthEngines)[number]

/** One engine, link or user as the health model sees it. */
export interface HealthSubject {
  readonly engine: HealthEngineId
  /** Stable within the engine: the engine id itself, or e.g. a calendar pair id. */
  readonly id: string
  readonly kind: 'engine' | 'user' | 'link'
  /** A person's or link's own name; engines are named by the UI from `engine`. */
  readonly name: string | null
  readonly state: HealthState
  /** Failed runs in a row, up to and including the last one (0 after a success). */
  readonly errorStreak: number
  readonly lastSuccessAt: number | null
  readonly lastFailureAt: number | null
  readonly lastFailure: Localized | null
  readonly errors24h: number
  readonly nextRunAt: number | null
  /** Why it is stopped or disabled, when the engine knows. */
  readonly note: Localized | null
}

export interface EngineHealth {
  readonly engine: HealthSubject
  /** Per link or user; empty for an engine without parts (directory). */
  readonly subjects: readonly HealthSubject[]
}

/** One day of the 7-day chart (the machine's local days, oldest first). */
export interface HealthDay {
  /** YYYY-MM-DD, local time. */
  readonly day: string
  /** Job runs that ended that day (scheduled or started by hand). */
  readonly runs: number
  /** History entries at level error that day (the same count the history screen finds). */
  readonly errors: number
}

export interface HealthOverview {
  readonly computedAt: number
  readonly engines: readonly EngineHealth[]
  /** Everything failing, stopped or warning, engines and users alike, worst first. */
  readonly attention: readonly HealthSubject[]
  readonly series: readonly HealthDay[]
  readonly planned: readonly PlannedHealthEngineId[]
}
