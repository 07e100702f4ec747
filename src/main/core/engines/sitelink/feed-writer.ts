/**
 * A partner's schedules as an iCalendar feed (RFC 5545) for the home groupware: one VEVENT per occurrence,
 * written with ical.js and folded on bytes by `foldLine` — 75 octets, never inside a UTF-8 character.
 * ical.js's own folding (2.2.1) lets a continuation line reach 76 octets: 75 after the leading space.
 */
import ICAL from 'ical.js'
import type { Language } from '../../../../shared/model/localized'
import type { LinkScheduleItem } from '../../../../shared/model/sitelink'
import { foldLine } from '../../connectors/ics/ics-bytes'

/** The one text a busy-only event shows: seed 002 連携 of events the partner keeps private. */
export const busyText: Readonly<Record<Language, string>> = { ja: '予定あり', en: 'Busy' }

export interface FeedContent {
  /** X-WR-CALNAME: the partner employee's name (and site), or the partner site's name. */
  readonly name: string
  /** Link id: part of every UID, so two links' events never share one. */
  readonly linkId: string
  readonly items: Iterable<LinkScheduleItem>
  readonly language: Language
  readonly now: number
}

type Line = [string, Record<string, string>, string, string]

const utcTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function timeLine(name: string, ms: number, allDay: boolean): Line {
  return allDay ? [name, {}, 'date', utcDate(ms)] : [name, {}, 'date-time', utcTime(ms)]
}

function eventLines(item: LinkScheduleItem, content: FeedContent): Line[] {
  const lines: Line[] = [
    ['uid', {}, 'text', `${content.linkId}/${item.employeeKey}/${item.id}`],
    ['dtstamp', {}, 'date-time', utcTime(content.now)],
    timeLine('dtstart', item.start, item.allDay),
    timeLine('dtend', item.end, item.allDay),
    ['transp', {}, 'text', 'OPAQUE'],
  ]
  if (item.busyOnly) {
    // Nothing of a private event travels, so nothing else can be written: its time and "busy".
    lines.push(['summary', {}, 'text', busyText[content.language]], ['class', {}, 'text', 'PRIVATE'])
    return lines
  }
  lines.push(['summary', {}, 'text', item.summary ?? ''])
  if (item.location) lines.push(['location', {}, 'text', item.location])
  if (item.description) lines.push(['description', {}, 'text', item.description])
  return lines
}

function render(line: Line): string {
  // noFold: folding is done on bytes below.
  return foldLine(ICAL.stringify.property(line, ICAL.design.icalendar, true))
}

/** The whole feed as CRLF text. */
export function writeFeed(content: FeedContent): string {
  const header: Line[] = [
    ['version', {}, 'text', '2.0'],
    ['prodid', {}, 'text', '-//Renkei//Site Link Feed//JA'],
    ['calscale', {}, 'text', 'GREGORIAN'],
    ['method', {}, 'text', 'PUBLISH'],
    ['x-wr-calname', {}, 'text', content.name],
  ]
  const out = ['BEGIN:VCALENDAR', ...header.map(render)]
  for (const item of content.items) {
    out.push('BEGIN:VEVENT', ...eventLines(item, content).map(render), 'END:VEVENT')
  }
  out.push('END:VCALENDAR', '')
  return out.join('\r\n')
}
