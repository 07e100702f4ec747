/**
 * When an event happens: its stated time (EventTimeRange) and, for the sync window, the instants of its
 * first start and last end. A series is never expanded; only COUNT needs the rule iterated, and only that far.
 */
import ICAL from 'ical.js'
import type { EventTimeRange } from '../../../../shared/model/calendar'
import { findProperties, findProperty, propertyValues, tzidOf, type JCalComponent } from './ics-jcal'
import { addSeconds, dayMs, formatWallTime, parseWallTime, type WallTime } from './ics-wall-time'
import { fitsRule, isExpansionTrusted } from './ics-rule-trust'
import type { ZoneBook } from './ics-zone-book'

export interface EventSpan {
  readonly range: EventTimeRange
  readonly startMs: number
  /** DTEND, else start + DURATION, else the end of the day (all-day) or the start itself. */
  readonly endMs: number
  readonly start: WallTime
  readonly tzid: string | null
}

/** Beyond this many occurrences a COUNT series is treated as open-ended rather than iterated. */
const maxCountedOccurrences = 100_000

function durationSeconds(value: unknown): number | null {
  if (typeof value !== 'string') return null
  try {
    const seconds = ICAL.Duration.fromString(value).toSeconds()
    return seconds >= 0 ? seconds : null
  } catch {
    return null
  }
}

interface StatedEnd {
  readonly time: WallTime
  /** ISO text as EventTimeRange wants it. */
  readonly text: string
  readonly tzid: string | null
}

/** DTEND as written, else start + DURATION (nominal), else null. */
function statedEnd(event: JCalComponent, start: WallTime, startTzid: string | null): StatedEnd | null {
  const dtend = findProperty(event, 'dtend')
  const time = dtend ? parseWallTime(dtend[3]) : null
  if (dtend && time) {
    return { time, text: String(dtend[3]), tzid: time.utc || time.dateOnly ? null : tzidOf(dtend) }
  }
  const seconds = durationSeconds(findProperty(event, 'duration')?.[3])
  if (seconds === null) return null
  const moved = addSeconds(start, seconds)
  return { time: moved, text: formatWallTime(moved), tzid: startTzid }
}

/** Null when DTSTART is missing or unreadable: the caller reports the event. */
export function eventSpan(event: JCalComponent, zones: ZoneBook): EventSpan | null {
  const dtstart = findProperty(event, 'dtstart')
  const start = dtstart ? parseWallTime(dtstart[3]) : null
  if (!dtstart || !start) return null
  const tzid = start.utc || start.dateOnly ? null : tzidOf(dtstart)
  const startMs = zones.instant(start, tzid)
  const end = statedEnd(event, start, tzid)
  const endMs = end ? zones.instant(end.time, end.tzid) : start.dateOnly ? startMs + dayMs : startMs
  // jCal already writes times the way EventTimeRange wants them.
  const range = { start: String(dtstart[3]), end: end?.text ?? null, allDay: start.dateOnly, timeZone: tzid }
  return { range, startMs, endMs: Math.max(endMs, startMs), start, tzid }
}

export function isRecurring(event: JCalComponent): boolean {
  return event[1].some((property) => property[0] === 'rrule' || property[0] === 'rdate')
}

const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']
const simpleRuleParts = new Set(['freq', 'count', 'interval', 'wkst'])

/** Days between occurrences of a plain DAILY or WEEKLY rule (BYDAY at most DTSTART's own weekday), else null. */
function evenStepDays(rule: Record<string, unknown>, start: WallTime): number | null {
  const interval = rule['interval'] === undefined ? 1 : Number(rule['interval'])
  const parts = Object.keys(rule).filter((part) => !simpleRuleParts.has(part))
  if (!Number.isInteger(interval) || interval < 1) return null
  if (rule['freq'] === 'DAILY' && parts.length === 0) return interval
  const weekday = weekdays[new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay()]
  const ownWeekday = parts.length === 1 && rule['byday'] === weekday
  return rule['freq'] === 'WEEKLY' && (parts.length === 0 || ownWeekday) ? 7 * interval : null
}

/**
 * The start of the COUNT-th occurrence (ms), or null when the rule cannot be followed that far or its
 * expansion is not to be trusted (ics-rule-trust.ts): an unknown end copies the series whole.
 */
function countedLastStart(rule: Record<string, unknown>, count: number, span: EventSpan, zones: ZoneBook) {
  if (count > maxCountedOccurrences) return null
  // The common case needs no iteration: ical.js's iterator costs ~0.4 ms a series to set up.
  const step = evenStepDays(rule, span.start)
  if (step !== null) return zones.instant(addSeconds(span.start, (count - 1) * step * 86_400), span.tzid)
  if (!isExpansionTrusted(rule)) return null
  try {
    const last = lastOccurrence(rule, count, span.start)
    const wall = last === null ? null : parseWallTime(last.toString())
    return wall ? zones.instant({ ...wall, utc: span.start.utc }, span.tzid) : null
  } catch {
    return null
  }
}

/** ical.js's COUNT-th occurrence, each checked against the rule; null when one fails or the rule runs dry. */
function lastOccurrence(rule: Record<string, unknown>, count: number, start: WallTime): ICAL.Time | null {
  // A copy: ical.js may sort the BY* lists in place, and the jCal is written out as it came.
  const { until: _until, ...data } = structuredClone(rule)
  const { year, month, day, hour, minute, second, dateOnly } = start
  const first = ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: dateOnly })
  const iterator = ICAL.Recur.fromData(data).iterator(first)
  let last: ICAL.Time | null = null
  for (let n = 0; n < count; n++) {
    const next: ICAL.Time | null = iterator.next()
    if (!next || (last !== null && next.compare(last) <= 0)) return null
    // DTSTART is the first occurrence even when it does not fit the rule (RFC 5545 §3.8.5.3).
    if (n > 0 && !fitsRule(data, first, next)) return null
    // The iterator hands back the same object each time.
    last = next.clone()
  }
  return last
}

/** The end of a rule's last occurrence; null when the rule never ends. */
function ruleLastEnd(rule: unknown, span: EventSpan, zones: ZoneBook): number | null {
  if (rule === null || typeof rule !== 'object') return null
  const data = rule as Record<string, unknown>
  const length = span.endMs - span.startMs
  const until = parseWallTime(data['until'])
  if (until) {
    // A date UNTIL includes that whole day.
    const untilMs = zones.instant(until, span.tzid) + (until.dateOnly ? dayMs : 0)
    return untilMs + length
  }
  const count = Number(data['count'])
  if (Number.isInteger(count) && count > 0) {
    const lastStart = countedLastStart(data, count, span, zones)
    return lastStart === null ? null : lastStart + length
  }
  return null
}

/** RDATEs may lie beyond the rule (or stand without one): a PERIOD counts until its end. */
function rdateLastEnd(event: JCalComponent, span: EventSpan, zones: ZoneBook): number {
  let last = span.endMs
  const length = span.endMs - span.startMs
  for (const property of findProperties(event, 'rdate')) {
    const tzid = tzidOf(property)
    for (const value of propertyValues(property)) {
      const [startText, periodEnd] = Array.isArray(value) ? value : [value, null]
      const start = parseWallTime(startText)
      if (!start) continue
      const startMs = zones.instant(start, tzid)
      const endWall = parseWallTime(periodEnd)
      const seconds = endWall ? null : durationSeconds(periodEnd)
      const endMs = endWall
        ? zones.instant(endWall, tzid)
        : startMs + (seconds === null ? length : seconds * 1000)
      last = Math.max(last, endMs)
    }
  }
  return last
}

/** When the master's last occurrence ends (ms); null for an open-ended series. */
export function seriesLastEnd(master: JCalComponent, span: EventSpan, zones: ZoneBook): number | null {
  let last = rdateLastEnd(master, span, zones)
  for (const rule of findProperties(master, 'rrule')) {
    const end = ruleLastEnd(rule[3], span, zones)
    if (end === null) return null
    last = Math.max(last, end)
  }
  return last
}
