/**
 * Pure time arithmetic for each schedule kind. No state and no timers, so every rule is testable
 * by passing numbers. All wall-clock times are milliseconds since the epoch.
 */
import type { Schedule } from '../../../shared/model/jobs'

const MINUTE_MS = 60_000
const DAILY_AT = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Throws a message that names the job, so a bad engine config fails at startup, not at 3 a.m. */
export function validateSchedule(jobId: string, schedule: Schedule): void {
  const fail = (why: string): never => {
    throw new Error(`Job "${jobId}": ${why}`)
  }
  switch (schedule.kind) {
    case 'interval':
      if (!(Number.isFinite(schedule.minutes) && schedule.minutes > 0)) {
        fail(`interval minutes must be a positive number (got ${schedule.minutes})`)
      }
      if (!(Number.isFinite(schedule.jitterSeconds) && schedule.jitterSeconds >= 0)) {
        fail(`jitterSeconds must be zero or more (got ${schedule.jitterSeconds})`)
      }
      return
    case 'daily':
      if (!DAILY_AT.test(schedule.at)) fail(`daily time must be HH:MM, 00:00-23:59 (got "${schedule.at}")`)
      return
    case 'debounce':
      if (!(Number.isFinite(schedule.delayMinutes) && schedule.delayMinutes >= 0)) {
        fail(`debounce delayMinutes must be zero or more (got ${schedule.delayMinutes})`)
      }
      if (!(Number.isFinite(schedule.maxDelayMinutes) && schedule.maxDelayMinutes >= schedule.delayMinutes)) {
        fail(`debounce maxDelayMinutes must be at least delayMinutes (got ${schedule.maxDelayMinutes})`)
      }
      return
    case 'manual':
      return
    default:
      fail(`unknown schedule kind "${String((schedule as { kind: unknown }).kind)}"`)
  }
}

/** Start of the next interval run; jitter spreads many installs so they do not hit a server together. */
export function nextIntervalAt(
  schedule: Extract<Schedule, { kind: 'interval' }>,
  from: number,
  random: () => number,
): number {
  return from + schedule.minutes * MINUTE_MS + Math.floor(random() * schedule.jitterSeconds * 1000)
}

/**
 * The next local HH:MM strictly after `now`. Local setters (not adding 24 h) keep the wall-clock time
 * across DST changes; a time skipped by a spring-forward gap lands wherever the platform puts it.
 */
export function nextDailyAt(at: string, now: number): number {
  const match = DAILY_AT.exec(at)
  if (!match) throw new Error(`daily time must be HH:MM (got "${at}")`)
  const hours = Number(match[1])
  const minutes = Number(match[2])
  const candidate = new Date(now)
  candidate.setHours(hours, minutes, 0, 0)
  if (candidate.getTime() <= now) {
    candidate.setDate(candidate.getDate() + 1)
    candidate.setHours(hours, minutes, 0, 0)
  }
  return candidate.getTime()
}

/** "D after the last trigger, but no later than M after the first": bursts of changes make one run. */
export function nextDebounceAt(
  schedule: Extract<Schedule, { kind: 'debounce' }>,
  now: number,
  firstTriggerAt: number,
): number {
  return Math.min(
    now + schedule.delayMinutes * MINUTE_MS,
    firstTriggerAt + schedule.maxDelayMinutes * MINUTE_MS,
  )
}

/**
 * Pulls a future next run back in line with the schedule as seen from `now`. A value beyond what the
 * schedule could produce means the wall clock went backwards or the schedule was edited between releases;
 * left alone, the job would silently not run for that long. Overdue values are returned unchanged.
 */
export function reconcileNextRunAt(
  schedule: Schedule,
  nextRunAt: number | null,
  now: number,
  random: () => number,
): number | null {
  if (nextRunAt === null || nextRunAt <= now) return nextRunAt
  switch (schedule.kind) {
    case 'interval':
      return nextRunAt > nextIntervalAt(schedule, now, () => 1)
        ? nextIntervalAt(schedule, now, random)
        : nextRunAt
    case 'daily':
      // Deterministic, so recomputing is always right (and picks up an edited HH:MM).
      return nextDailyAt(schedule.at, now)
    case 'debounce':
      return Math.min(nextRunAt, now + schedule.maxDelayMinutes * MINUTE_MS)
    case 'manual':
      return null
  }
}
