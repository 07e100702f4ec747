import type { Localized } from './localized'

/** How often a job runs. All times are in the machine's time zone. */
export type Schedule =
  | { readonly kind: 'interval'; readonly minutes: number; readonly jitterSeconds: number }
  | { readonly kind: 'daily'; readonly at: string }
  | { readonly kind: 'debounce'; readonly delayMinutes: number; readonly maxDelayMinutes: number }
  /** Runs only when asked ("run now"): a job whose schedule the admin switched off. */
  | { readonly kind: 'manual' }

export type JobOutcome = 'ok' | 'warning' | 'error'

export interface JobStatus {
  readonly id: string
  readonly title: Localized
  readonly schedule: Schedule
  /** "Run now" needs the admin to look at a preview and confirm it; "send now" for all leaves it out. */
  readonly needsConfirmation: boolean
  readonly paused: boolean
  readonly running: boolean
  /** Null for a debounced job with nothing pending. */
  readonly nextRunAt: number | null
  readonly lastStartedAt: number | null
  readonly lastFinishedAt: number | null
  readonly lastOutcome: JobOutcome | null
  readonly lastMessage: Localized | null
}
