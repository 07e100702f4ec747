/** One UID's events (a master and its RECURRENCE-ID overrides) turned into the CalendarItem the engine syncs. */
import type { CalendarItem } from '../../engines/calendar/calendar-connectors'
import { isRecurring, seriesLastEnd, type EventSpan } from './ics-event-span'
import { fingerprintOf } from './ics-fingerprint'
import { lazyItemText } from './ics-item-text'
import { textValue, type JCalComponent } from './ics-jcal'
import { parseWallTime } from './ics-wall-time'
import type { ZoneBook } from './ics-zone-book'

export interface DatedEvent {
  readonly component: JCalComponent
  /** Its lines as the feed wrote them (CRLF). */
  readonly text: string
  readonly span: EventSpan
}

export interface EventGroup {
  readonly uid: string
  /** Null when the feed holds only overrides (e.g. one invited instance of someone else's series). */
  readonly master: DatedEvent | null
  readonly overrides: readonly DatedEvent[]
}

function isCancelled(event: DatedEvent): boolean {
  return textValue(event.component, 'status')?.toUpperCase() === 'CANCELLED'
}

/** LAST-MODIFIED, else DTSTAMP, of the most recently changed component. */
function lastModified(events: readonly DatedEvent[], zones: ZoneBook): number | null {
  let latest: number | null = null
  for (const { component } of events) {
    const stamp = parseWallTime(textValue(component, 'last-modified') ?? textValue(component, 'dtstamp'))
    if (stamp) latest = Math.max(latest ?? -Infinity, zones.instant(stamp, null))
  }
  return latest
}

export function buildItem(group: EventGroup, zones: ZoneBook, calscale: string | null): CalendarItem {
  const { master, overrides } = group
  const events = master ? [master, ...overrides] : overrides
  const lead = master ?? overrides.reduce((a, b) => (b.span.startMs < a.span.startMs ? b : a))
  const recurring = master !== null && isRecurring(master.component)
  const latestEnd = Math.max(...events.map((event) => event.span.endMs))
  const seriesEnd = master && recurring ? seriesLastEnd(master.component, master.span, zones) : latestEnd
  const item = {
    uid: group.uid,
    fingerprint: fingerprintOf(
      master?.component ?? null,
      overrides.map((override) => override.component),
      zones,
    ),
    summary: textValue(lead.component, 'summary') ?? '',
    time: lead.span.range,
    recurring,
    // An override may move an occurrence before the series starts or after it ends.
    firstStart: Math.min(...events.map((event) => event.span.startMs)),
    lastEnd: seriesEnd === null ? null : Math.max(seriesEnd, latestEnd),
    lastModified: lastModified(events, zones),
    cancelled: master ? isCancelled(master) : overrides.every(isCancelled),
  }
  const components = events.map((event) => event.component)
  const text = lazyItemText(
    components,
    events.map((event) => event.text),
    zones,
    calscale,
  )
  // An own enumerable getter: spreading or serializing the item still yields the text.
  return Object.defineProperty(item, 'ics', { enumerable: true, get: text }) as CalendarItem
}
