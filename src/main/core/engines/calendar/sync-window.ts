import type { CalendarItem } from './calendar-connectors'

export interface SyncWindow {
  /** Local midnight of the first day of the month `pastMonths` back (ms). */
  readonly start: number
  /** Local midnight `futureDays` days after today (ms). */
  readonly end: number
  /** First and last day (YYYY-MM-DD/YYYY-MM-DD): a new value means events may have entered or left the window. */
  readonly key: string
}

function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Seed 002's rule: from the first day of the previous month to 370 days ahead (both configurable). */
export function syncWindow(now: number, pastMonths: number, futureDays: number): SyncWindow {
  const today = new Date(now)
  const start = new Date(today.getFullYear(), today.getMonth() - pastMonths, 1)
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate() + futureDays)
  return { start: start.getTime(), end: end.getTime(), key: `${isoDay(start)}/${isoDay(end)}` }
}

/**
 * Whether an item belongs in the target. Recurring series travel whole whenever any part of them can
 * fall inside the window (never expanded); single events only when they overlap it.
 */
export function inWindow(item: CalendarItem, window: SyncWindow): boolean {
  if (item.firstStart >= window.end) return false
  const lastEnd = item.lastEnd ?? Number.POSITIVE_INFINITY
  return lastEnd > window.start || item.firstStart >= window.start
}
