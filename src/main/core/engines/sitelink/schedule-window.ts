/**
 * Which schedules a link carries (seed 002 データ連携): everything from the first day of the previous month
 * (a relink resends from there too), and recurring series up to a horizon 370 days after the operation
 * date that then moves forward 7 days at a time — never daily, so a partner sees a series grow in steps.
 */
import { syncWindow } from '../calendar/sync-window'

/** Seed: 繰り返しスケジュールは操作日から370日分. */
export const horizonDays = 370
/** Seed: 370日以降のスケジュールは7日ごとに追加取得. */
export const horizonStepDays = 7

export interface ScheduleWindow {
  /** Local midnight of the first day of the previous month (ms). */
  readonly start: number
  /** Occurrences of recurring series that start at or after this instant are not carried (ms). */
  readonly horizon: number
}

function addDays(ms: number, days: number): number {
  const date = new Date(ms)
  // Calendar days, not 24-hour steps: local midnight stays local midnight across a DST change.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime()
}

/**
 * The window at `now`. `previousHorizon` is the horizon the caller kept from its last send (null: the
 * first send, or a relink, which starts a fresh 370 days): it moves only in whole 7-day steps, once the
 * operation date has moved a whole step, and never back (a clock set back keeps what was sent).
 */
export function scheduleWindow(now: number, previousHorizon: number | null): ScheduleWindow {
  const { start, end: fresh } = syncWindow(now, 1, horizonDays)
  if (previousHorizon === null) return { start, horizon: fresh }
  let horizon = previousHorizon
  for (
    let next = addDays(horizon, horizonStepDays);
    next <= fresh;
    next = addDays(horizon, horizonStepDays)
  ) {
    horizon = next
  }
  return { start, horizon }
}
