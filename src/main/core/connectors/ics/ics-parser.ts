/**
 * An iCalendar feed → the items Renkei syncs. Parsed once with ICAL.parse; then VEVENTs are grouped by
 * UID so a series travels with its overrides and is never expanded. Events that cannot be read become
 * problems; text that is not iCalendar at all throws `permanent`.
 */
import ICAL from 'ical.js'
import type { CalendarParseProblem, ParsedCalendar } from '../../engines/calendar/calendar-connectors'
import { ConnectorError } from '../connector-error'
import { buildItem, type DatedEvent, type EventGroup } from './ics-calendar-item'
import { eventSpan } from './ics-event-span'
import { findProperty, textValue, tzidOf, type JCalComponent } from './ics-jcal'
import { icsMessages } from './ics-messages'
import { lineAt, parseFailure, prepareFeedText, sourceBlocks, type SourceBlock } from './ics-source-text'
import { toIanaZone } from './ics-time-zones'
import { ZoneBook } from './ics-zone-book'

export { toIanaZone }

function calendarsIn(parsed: unknown): JCalComponent[] {
  const roots = Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed
  if (!Array.isArray(roots)) return []
  return roots.filter((root): root is JCalComponent => Array.isArray(root) && root[0] === 'vcalendar')
}

interface ComponentSource {
  readonly text: (index: number) => string
  readonly line: (index: number) => number | null
}

/**
 * The feed's own lines for each component. When the text blocks do not match ical.js's components
 * one to one (a component nested somewhere odd), ical.js renders them instead and lines are unknown.
 */
function componentSource(
  body: string,
  blocks: readonly SourceBlock[],
  components: readonly JCalComponent[],
): ComponentSource {
  if (blocks.length !== components.length) {
    return {
      text: (index) => {
        const component = components[index]
        return component ? ICAL.stringify.component(component, ICAL.design.icalendar) : ''
      },
      line: () => null,
    }
  }
  return {
    text: (index) => blocks[index]?.text ?? '',
    line: (index) => lineAt(body, blocks[index]?.offset ?? 0),
  }
}

interface Grouping {
  readonly groups: EventGroup[]
  readonly problems: CalendarParseProblem[]
}

function problemFor(component: JCalComponent, uid: string | null, line: number | null): CalendarParseProblem {
  const dtstart = findProperty(component, 'dtstart')
  const message =
    uid === null
      ? icsMessages.eventWithoutUid(line)
      : dtstart
        ? icsMessages.unreadableStart(line, uid, String(dtstart[3]))
        : icsMessages.eventWithoutStart(line, uid)
  return { line, uid, message }
}

/** Groups VEVENTs by UID: a master and its overrides become one group; unreadable events become problems. */
function groupEvents(events: readonly JCalComponent[], source: ComponentSource, zones: ZoneBook): Grouping {
  const byUid = new Map<string, { uid: string; master: DatedEvent | null; overrides: DatedEvent[] }>()
  const seen = new Set<string>()
  const problems: CalendarParseProblem[] = []
  events.forEach((component, index) => {
    const uid = textValue(component, 'uid')?.trim() || null
    const span = uid === null ? null : eventSpan(component, zones)
    if (uid === null || span === null) {
      problems.push(problemFor(component, uid, source.line(index)))
      return
    }
    const recurrenceId = findProperty(component, 'recurrence-id')
    const key = `${uid}\n${recurrenceId ? `${tzidOf(recurrenceId) ?? ''}:${String(recurrenceId[3])}` : ''}`
    if (seen.has(key)) {
      const line = source.line(index)
      problems.push({ line, uid, message: icsMessages.duplicateUid(line, uid) })
      return
    }
    seen.add(key)
    const group = byUid.get(uid) ?? { uid, master: null, overrides: [] }
    byUid.set(uid, group)
    const event = { component, text: source.text(index), span }
    if (recurrenceId) group.overrides.push(event)
    else group.master = event
  })
  return { groups: [...byUid.values()], problems }
}

/** X-WR-TIMEZONE, else the TZID most events start in; as an IANA name, null when none can be told. */
function calendarZone(
  calendars: readonly JCalComponent[],
  events: readonly JCalComponent[],
  zones: ZoneBook,
) {
  for (const calendar of calendars) {
    const declared = textValue(calendar, 'x-wr-timezone')
    const zone = declared === null ? null : toIanaZone(declared)
    if (zone !== null) return zone
  }
  const uses = new Map<string, number>()
  for (const event of events) {
    const dtstart = findProperty(event, 'dtstart')
    const tzid = dtstart && dtstart[2] === 'date-time' ? tzidOf(dtstart) : null
    if (tzid !== null) uses.set(tzid, (uses.get(tzid) ?? 0) + 1)
  }
  const [mostUsed] = [...uses.entries()].sort((a, b) => b[1] - a[1])[0] ?? []
  return mostUsed === undefined ? null : zones.ianaName(mostUsed)
}

export function parseCalendar(text: string): ParsedCalendar {
  const body = prepareFeedText(text)
  let parsed: unknown
  try {
    parsed = ICAL.parse(body)
  } catch (error) {
    throw parseFailure(body, error)
  }
  const calendars = calendarsIn(parsed)
  if (calendars.length === 0) throw new ConnectorError('permanent', icsMessages.noEvents())
  const components = calendars.flatMap((calendar) => calendar[2])
  const ofKind = (name: string) => components.filter((component) => component[0] === name)
  const vtimezones = ofKind('vtimezone')
  const events = ofKind('vevent')
  const blocks = sourceBlocks(body, ['VTIMEZONE', 'VEVENT'])
  const zoneSource = componentSource(body, blocks.get('VTIMEZONE') ?? [], vtimezones)
  const zones = new ZoneBook(vtimezones.map((component, i) => ({ component, text: zoneSource.text(i) })))
  const eventSource = componentSource(body, blocks.get('VEVENT') ?? [], events)
  const { groups, problems } = groupEvents(events, eventSource, zones)
  const calscale =
    calendars.map((calendar) => textValue(calendar, 'calscale')).find((v) => v !== null) ?? null
  return {
    items: groups.map((group) => buildItem(group, zones, calscale)),
    problems,
    timeZone: calendarZone(calendars, events, zones),
  }
}
