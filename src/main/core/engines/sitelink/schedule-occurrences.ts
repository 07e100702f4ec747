/**
 * One calendar item (a UID: a series with its RECURRENCE-ID overrides) → the occurrences a link carries.
 * The item comes from the calendar connectors' own parser (`parseCalendar`); here ical.js only iterates
 * the rule, and times go through the feed's own VTIMEZONEs (`ZoneBook`), as calendar sync reads them.
 */
import ICAL from 'ical.js'
import type { LinkScheduleItem } from '../../../../shared/model/sitelink'
import { eventSpan, type EventSpan } from '../../connectors/ics/ics-event-span'
import {
  findProperties,
  findProperty,
  propertyValues,
  textValue,
  tzidOf,
  type JCalComponent,
} from '../../connectors/ics/ics-jcal'
import { fitsRule } from '../../connectors/ics/ics-rule-trust'
import { addSeconds, dayMs, parseWallTime, type WallTime } from '../../connectors/ics/ics-wall-time'
import { ZoneBook } from '../../connectors/ics/ics-zone-book'
import type { CalendarItem } from '../calendar/calendar-connectors'
import type { ScheduleWindow } from './schedule-window'

/** A runaway rule (FREQ=SECONDLY, a daily series from 1900) stops here instead of spinning. */
const maxIterations = 200_000

/** RFC 5545 CLASS, and Apple's X-CALENDARSERVER-ACCESS, which Calendar Server writes for private events. */
const privateMarkers: readonly [string, readonly string[]][] = [
  ['class', ['PRIVATE', 'CONFIDENTIAL']],
  ['x-calendarserver-access', ['PRIVATE', 'CONFIDENTIAL', 'RESTRICTED']],
]

/** Whether an event asks to be kept private: it then travels busy-only. */
export function isPrivate(event: JCalComponent): boolean {
  return privateMarkers.some(([name, values]) =>
    values.includes((textValue(event, name) ?? '').trim().toUpperCase()),
  )
}

const isCancelled = (event: JCalComponent): boolean =>
  textValue(event, 'status')?.toUpperCase() === 'CANCELLED'

interface Occurrence {
  readonly start: WallTime
  readonly tzid: string | null
  readonly startMs: number
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The recurrence id in an id: the date of an all-day occurrence, else its instant in UTC. */
function recurrenceText(occurrence: Occurrence): string {
  const { start } = occurrence
  if (start.dateOnly) return `${pad(start.year, 4)}${pad(start.month)}${pad(start.day)}`
  const utc = new Date(occurrence.startMs)
  return `${pad(utc.getUTCFullYear(), 4)}${pad(utc.getUTCMonth() + 1)}${pad(utc.getUTCDate())}T${pad(utc.getUTCHours())}${pad(utc.getUTCMinutes())}${pad(utc.getUTCSeconds())}Z`
}

/** All-day times travel as UTC midnight of their date: the partner's zone may not be ours. */
function dayValue(time: WallTime): number {
  return Date.UTC(time.year, time.month - 1, time.day)
}

/** Instants of a date / date-time list property (EXDATE, RDATE), with their wall times. */
function listedTimes(event: JCalComponent, name: string, zones: ZoneBook): Occurrence[] {
  const times: Occurrence[] = []
  for (const property of findProperties(event, name)) {
    for (const value of propertyValues(property)) {
      const start = parseWallTime(Array.isArray(value) ? value[0] : value)
      if (!start) continue
      const tzid = start.utc || start.dateOnly ? null : tzidOf(property)
      times.push({ start, tzid, startMs: zones.instant(start, tzid) })
    }
  }
  return times
}

function recurrenceIdOf(event: JCalComponent, zones: ZoneBook): Occurrence | null {
  const property = findProperty(event, 'recurrence-id')
  const start = property ? parseWallTime(property[3]) : null
  if (!property || !start) return null
  const tzid = start.utc || start.dateOnly ? null : tzidOf(property)
  return { start, tzid, startMs: zones.instant(start, tzid) }
}

/** Where the rule's UNTIL falls (ms); a date UNTIL includes that whole day. */
function untilMs(rule: Record<string, unknown>, span: EventSpan, zones: ZoneBook): number {
  const until = parseWallTime(rule['until'])
  if (!until) return Number.POSITIVE_INFINITY
  return zones.instant(until, until.utc ? null : span.tzid) + (until.dateOnly ? dayMs : 0)
}

/** The rule's occurrences before the horizon, each checked against the rule (ical.js errs on some). */
function ruleOccurrences(rule: Record<string, unknown>, span: EventSpan, zones: ZoneBook, horizon: number) {
  const { until: _until, ...data } = structuredClone(rule)
  const end = Math.min(horizon, untilMs(rule, span, zones) + 1)
  const { year, month, day, hour, minute, second, dateOnly } = span.start
  const first = ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: dateOnly })
  const iterator = ICAL.Recur.fromData(data).iterator(first)
  const found: Occurrence[] = []
  let previous: ICAL.Time | null = null
  for (let n = 0; n < maxIterations; n++) {
    const next: ICAL.Time | null = iterator.next()
    if (!next || (previous !== null && next.compare(previous) <= 0)) break
    previous = next.clone()
    const wall = parseWallTime(next.toString())
    if (!wall) break
    const start = { ...wall, utc: span.start.utc, dateOnly }
    const startMs = zones.instant(start, span.tzid)
    if (startMs >= end) break
    if (n === 0 || fitsRule(data, first, next)) found.push({ start, tzid: span.tzid, startMs })
  }
  return found
}

/** The series' occurrences (rules and RDATEs, less EXDATEs), before the horizon, in any order. */
function seriesOccurrences(master: JCalComponent, span: EventSpan, zones: ZoneBook, horizon: number) {
  const byInstant = new Map<number, Occurrence>()
  const rules = findProperties(master, 'rrule')
  if (rules.length === 0)
    byInstant.set(span.startMs, { start: span.start, tzid: span.tzid, startMs: span.startMs })
  for (const rule of rules) {
    if (rule[3] === null || typeof rule[3] !== 'object') continue
    for (const o of ruleOccurrences(rule[3] as Record<string, unknown>, span, zones, horizon)) {
      byInstant.set(o.startMs, o)
    }
  }
  for (const o of listedTimes(master, 'rdate', zones)) if (o.startMs < horizon) byInstant.set(o.startMs, o)
  for (const o of listedTimes(master, 'exdate', zones)) byInstant.delete(o.startMs)
  return byInstant
}

interface Shaped {
  readonly id: string
  readonly span: { readonly start: WallTime; readonly startMs: number; readonly endMs: number }
  readonly event: JCalComponent
  readonly busyOnly: boolean
}

function toItem(employeeKey: string, shaped: Shaped): LinkScheduleItem {
  const { span, event, busyOnly } = shaped
  const allDay = span.start.dateOnly
  const lengthMs = span.endMs - span.startMs
  const start = allDay ? dayValue(span.start) : span.startMs
  // An all-day event lasts whole days; its length counted in ms may be a DST hour off.
  const end = allDay ? start + Math.max(1, Math.round(lengthMs / dayMs)) * dayMs : span.endMs
  const text = (name: string): string | null => (busyOnly ? null : textValue(event, name))
  return {
    id: shaped.id,
    employeeKey,
    start,
    end,
    allDay,
    busyOnly,
    summary: text('summary'),
    location: text('location'),
    description: text('description'),
  }
}

/**
 * ZoneBooks by their VTIMEZONEs, shared by the items of one read: building ical.js's zone and its offsets
 * again for every event was most of the work (a calendar's events nearly all use the same zone).
 */
export type ZoneBooks = Map<string, ZoneBook>

function splitComponents(ics: string, books: ZoneBooks): { zones: ZoneBook; events: JCalComponent[] } {
  const calendar = ICAL.parse(ics) as unknown as JCalComponent
  const components = calendar[2]
  const vtimezones = components.filter((c) => c[0] === 'vtimezone')
  const key = JSON.stringify(vtimezones)
  let zones = books.get(key)
  if (!zones) {
    zones = new ZoneBook(vtimezones.map((component) => ({ component, text: '' })))
    books.set(key, zones)
  }
  return { zones, events: components.filter((c) => c[0] === 'vevent') }
}

/**
 * The occurrences of one item that end after the window starts; for a series, only those starting before
 * the horizon. Cancelled occurrences (STATUS:CANCELLED, EXDATE) are left out. An occurrence is busy-only
 * when the series or its override is private: nothing of its text is kept.
 */
export function occurrencesOf(
  item: CalendarItem,
  employeeKey: string,
  window: ScheduleWindow,
  books: ZoneBooks = new Map(),
): LinkScheduleItem[] {
  if (item.cancelled || (item.lastEnd !== null && item.lastEnd <= window.start)) return []
  const { zones, events } = splitComponents(item.ics, books)
  const master = events.find((event) => !findProperty(event, 'recurrence-id')) ?? null
  const masterSpan = master ? eventSpan(master, zones) : null
  const masterPrivate = master !== null && isPrivate(master)
  const shaped: Shaped[] = []
  const overrides = new Map<number, { event: JCalComponent; rid: Occurrence }>()
  for (const event of events) {
    const rid = event === master ? null : recurrenceIdOf(event, zones)
    if (rid) overrides.set(rid.startMs, { event, rid })
  }
  if (master && masterSpan && item.recurring) {
    const lengthSeconds = (masterSpan.endMs - masterSpan.startMs) / 1000
    for (const occurrence of seriesOccurrences(master, masterSpan, zones, window.horizon).values()) {
      const id = `${item.uid}/${recurrenceText(occurrence)}`
      if (overrides.has(occurrence.startMs)) continue
      const endWall = addSeconds(occurrence.start, lengthSeconds)
      const endMs = occurrence.start.dateOnly
        ? zones.instant(endWall, null)
        : occurrence.startMs + lengthSeconds * 1000
      shaped.push({ id, span: { ...occurrence, endMs }, event: master, busyOnly: masterPrivate })
    }
  } else if (master && masterSpan) {
    shaped.push({ id: item.uid, span: masterSpan, event: master, busyOnly: masterPrivate })
  }
  for (const { event, rid } of overrides.values()) {
    const span = eventSpan(event, zones)
    if (!span || isCancelled(event) || (master !== null && rid.startMs >= window.horizon)) continue
    const busyOnly = masterPrivate || isPrivate(event)
    shaped.push({ id: `${item.uid}/${recurrenceText(rid)}`, span, event, busyOnly })
  }
  return shaped.filter((s) => s.span.endMs > window.start).map((s) => toItem(employeeKey, s))
}
