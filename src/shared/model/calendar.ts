import type { CalendarSettings } from './calendar-config'
import type { JobOutcome } from './jobs'
import type { Localized } from './localized'

/**
 * Seed 001 ②: syncing = permitted and in step; stopped = permitted but not syncing now (auto-stopped
 * after errors, repeated auth failures, an unresolved conflict, or stopped by the admin);
 * disabled = not permitted.
 */
export const calendarPairStates = ['syncing', 'stopped', 'disabled'] as const
export type CalendarPairState = (typeof calendarPairStates)[number]

export const stopReasons = ['errors', 'auth', 'conflict', 'admin'] as const
export type StopReason = (typeof stopReasons)[number]

export interface CalendarPairStatus {
  readonly id: string
  readonly number: number
  readonly name: string
  readonly employeeKey: string
  readonly state: CalendarPairState
  readonly stopReason: StopReason | null
  readonly stoppedAt: number | null
  readonly direction: 'one-way' | 'two-way'
  /** Where from / where to, without credentials (host + path). */
  readonly sourceLabel: string
  readonly targetLabel: string
  /** Events (series count once) Renkei keeps in step for this user. */
  readonly eventCount: number
  /** Events the server refused, set aside until they change. */
  readonly setAside: number
  readonly errorsInWindow: number
  /** Failed runs in a row (0 after a good one): a syncing user with a streak shows "errors" in amber. */
  readonly errorStreak: number
  readonly running: boolean
  readonly lastRunAt: number | null
  readonly lastOutcome: JobOutcome | null
  readonly lastMessage: Localized | null
  /** OAuth pairs: whether a refresh token is stored. Null for password pairs. */
  readonly authorized: boolean | null
  /** Only in the answer to `calendar.pairs.save`: what Renkei did beyond saving (credentials moved out of a URL). */
  readonly notice?: Localized
}

export interface CalendarStatus {
  readonly pairs: readonly CalendarPairStatus[]
  readonly counts: Readonly<Record<CalendarPairState, number>>
  readonly nextRunAt: number | null
  readonly settings: CalendarSettings
}

/** A time as the event states it: local wall time (with its zone), a UTC instant, or a date (all-day). */
export interface EventTimeRange {
  /** ISO text: 2026-12-01T09:00:00 (floating or zoned), 2026-12-01T00:00:00Z (UTC) or 2026-12-01 (all-day). */
  readonly start: string
  readonly end: string | null
  readonly allDay: boolean
  /** The TZID of zoned times, null for UTC, floating and all-day. */
  readonly timeZone: string | null
}

export type CalendarChangeAction = 'created' | 'updated' | 'deleted'

/**
 * One change Renkei made (the notice relay turns these into messages like seed 000's
 * 「下記の内容で予定を変更しました」). Emitted on the event stream and written to the history.
 */
export interface CalendarChange {
  readonly pairId: string
  /** Whose calendar (the pair's user name). */
  readonly user: string
  readonly action: CalendarChangeAction
  /** The side that was written. */
  readonly side: 'source' | 'target'
  readonly uid: string
  readonly summary: string
  readonly recurring: boolean
  /** The calendar that was written, without credentials. */
  readonly where: string
  readonly when: number
  /** Who made the change: always Renkei, on behalf of the pair's user. */
  readonly by: string
  readonly oldTime: EventTimeRange | null
  readonly newTime: EventTimeRange | null
}

export type CalendarRunOutcome = 'ok' | 'warning' | 'error'

export interface CalendarRunSummary {
  readonly pairId: string
  readonly outcome: CalendarRunOutcome
  /** True when the source had not changed (conditional GET / sync-token) and nothing was written. */
  readonly unchanged: boolean
  readonly created: number
  readonly updated: number
  readonly deleted: number
  readonly setAside: number
  readonly conflicts: number
  readonly errors: number
  readonly eventCount: number
  readonly durationMs: number
  readonly message: Localized
}

export const calendarCheckSteps = [
  'source-reachable',
  'source-credentials',
  'target-reachable',
  'target-credentials',
  'calendar-exists',
  'calendar-writable',
  'time-zone',
  'clock-skew',
] as const
export type CalendarCheckStepId = (typeof calendarCheckSteps)[number]

export interface CalendarCheckStep {
  readonly id: CalendarCheckStepId
  /** null: not checked because an earlier step failed or it does not apply. */
  readonly ok: boolean | null
  readonly message: Localized
  /** What to change when the step failed. */
  readonly fix: Localized | null
  readonly serverAnswer: string | null
}

export interface CalendarCheckResult {
  readonly pairId: string
  readonly ok: boolean
  readonly steps: readonly CalendarCheckStep[]
}

export interface OAuthStart {
  /** Open this in the browser; Renkei listens on the loopback redirect until it returns (10 minutes). */
  readonly authorizeUrl: string
  readonly redirectUri: string
}

export interface CalendarStopped {
  readonly pair: CalendarPairStatus
  readonly message: Localized
}
