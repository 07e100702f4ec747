/**
 * Whether ical.js's expansion of a recurrence rule can be believed. ical.js 2.2.1 gets some rules wrong
 * (FREQ=YEARLY;BYDAY=20MO comes out as three Mondays in a row): an end computed from a wrong expansion can
 * lie in the past and drop a series that still runs. Rules of the kinds it gets wrong, and any expansion
 * that fails a cheap check against the rule, leave the end unknown, so the series is copied whole.
 */
import type ICAL from 'ical.js'

const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']

/** jCal gives one value as itself and several as an array. */
function listOf(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/** Parts whose expansion is not trusted at all, whatever the check below would say. */
export function isExpansionTrusted(rule: Record<string, unknown>): boolean {
  if (['bysetpos', 'byweekno', 'byyearday'].some((part) => rule[part] !== undefined)) return false
  const ordinal = listOf(rule['byday']).some((day) => /^[+-]?\d/.test(day))
  return !(rule['freq'] === 'YEARLY' && ordinal)
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** BYDAY entry (e.g. "MO", "1FR", "-2MO") against a date; ordinals count within the month. */
function fitsWeekday(entry: string, year: number, month: number, day: number): boolean {
  const [, ordinalText, code] = /^([+-]?\d+)?([A-Z]{2})$/.exec(entry) ?? []
  if (weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] !== code) return false
  if (ordinalText === undefined) return true
  const ordinal = Number(ordinalText)
  const nth = ordinal > 0 ? Math.ceil(day / 7) : -Math.ceil((daysInMonth(year, month) - day + 1) / 7)
  return nth === ordinal
}

function includesNumber(values: readonly string[], value: number, negative?: number): boolean {
  return values.length === 0 || values.some((v) => Number(v) === value || Number(v) === negative)
}

/** One occurrence against the rule's own limits: a wrong expansion seldom passes all of them. */
export function fitsRule(rule: Record<string, unknown>, start: ICAL.Time, time: ICAL.Time): boolean {
  const { year, month, day, hour, minute } = time
  const interval = Number(rule['interval'] ?? 1)
  const months = (year - start.year) * 12 + (month - start.month)
  if (rule['freq'] === 'YEARLY' && (year - start.year) % interval !== 0) return false
  if (rule['freq'] === 'MONTHLY' && months % interval !== 0) return false
  const byDay = listOf(rule['byday'])
  return (
    includesNumber(listOf(rule['bymonth']), month) &&
    includesNumber(listOf(rule['bymonthday']), day, day - daysInMonth(year, month) - 1) &&
    includesNumber(listOf(rule['byhour']), hour) &&
    includesNumber(listOf(rule['byminute']), minute) &&
    (byDay.length === 0 || byDay.some((entry) => fitsWeekday(entry, year, month, day)))
  )
}
