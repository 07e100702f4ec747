/**
 * Times as jCal writes them ("2026-12-01T09:00:00", "...Z", "2026-12-01") and their instants. Floating
 * times and dates belong to no zone: they are read in this computer's zone, like a calendar app would.
 */
export interface WallTime {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly dateOnly: boolean
  readonly utc: boolean
}

export const dayMs = 86_400_000

const isoPattern = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z?)?$/

/** Digits at value[from..to) as a number (the pattern has already checked they are digits). */
function digits(value: string, from: number, to: number): number {
  let result = 0
  for (let i = from; i < to; i++) result = result * 10 + value.charCodeAt(i) - 48
  return result
}

/** Null for anything that is not a readable date or date-time (ical.js passes garbage through). */
export function parseWallTime(value: unknown): WallTime | null {
  if (typeof value !== 'string' || !isoPattern.test(value)) return null
  const dateOnly = value.length === 10
  const time: WallTime = {
    year: digits(value, 0, 4),
    month: digits(value, 5, 7),
    day: digits(value, 8, 10),
    hour: dateOnly ? 0 : digits(value, 11, 13),
    minute: dateOnly ? 0 : digits(value, 14, 16),
    second: dateOnly ? 0 : digits(value, 17, 19),
    dateOnly,
    utc: value.length === 20,
  }
  const valid = time.month >= 1 && time.month <= 12 && time.day >= 1 && time.day <= 31
  return valid && time.hour <= 24 && time.minute <= 59 && time.second <= 60 ? time : null
}

/** The wall time read as if it were UTC: for nominal arithmetic and offsets. */
export function wallAsUtcMs(time: WallTime): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)
}

export function localInstant(time: WallTime): number {
  return new Date(time.year, time.month - 1, time.day, time.hour, time.minute, time.second).getTime()
}

/** Nominal arithmetic on the wall clock (a day stays a day across a DST change). */
export function addSeconds(time: WallTime, seconds: number): WallTime {
  const moved = new Date(wallAsUtcMs(time) + seconds * 1000)
  return {
    ...time,
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
    hour: moved.getUTCHours(),
    minute: moved.getUTCMinutes(),
    second: moved.getUTCSeconds(),
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

/** ISO text as EventTimeRange uses it. */
export function formatWallTime(time: WallTime): string {
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`
  if (time.dateOnly) return date
  return `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${time.utc ? 'Z' : ''}`
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(zone, format)
  }
  return format
}

function ianaOffsetMs(zone: string, instant: number): number {
  const parts = formatter(zone).formatToParts(new Date(instant))
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return wall - Math.floor(instant / 1000) * 1000
}

/** The instant of a wall time in an IANA zone (for TZIDs the feed does not define). */
export function ianaInstant(time: WallTime, zone: string): number {
  const wall = wallAsUtcMs(time)
  const guess = wall - ianaOffsetMs(zone, wall)
  return wall - ianaOffsetMs(zone, guess)
}
