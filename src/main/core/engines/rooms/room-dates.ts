import type { CalendarDate } from '../../../../shared/model/rooms'

/** Whether Intl knows the zone; an unknown zone must be refused rather than silently read as UTC. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/** The calendar date at `now` in a time zone: "today" for a person there, whatever the machine's zone. */
export function calendarDateIn(now: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** Calendar arithmetic on dates alone (no clock time, so no daylight-saving shift can move a day). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** The seed's "2で割った値(小数点以下切り上げ)". */
export function halfRoundedUp(days: number): number {
  return Math.ceil(days / 2)
}
