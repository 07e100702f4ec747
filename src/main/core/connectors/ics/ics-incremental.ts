/**
 * A feed parsed again every few minutes mostly says what it said last time. Events whose own lines (and
 * the lines of the time zones they name) are byte-identical to the last parse reuse that item; only new
 * or edited events go through ICAL.parse, in a small calendar of their own. Anything unusual — a changed
 * calendar header, an event without a readable UID, a problem in the edited events — falls back to the
 * whole parse, so errors, problems and their line numbers are always those of `parseCalendar`.
 */
import type { CalendarItem, ParsedCalendar } from '../../engines/calendar/calendar-connectors'
import { parseCalendar } from './ics-parser'
import { prepareFeedText, sourceBlocks, type SourceBlock } from './ics-source-text'

export type ParsedItems = Pick<ParsedCalendar, 'items' | 'problems'>

interface EventGroup {
  readonly uid: string
  readonly key: string
  readonly texts: string[]
}

/** Lines unfolded, so a folded UID or TZID parameter reads whole. */
const unfold = (text: string): string => text.replace(/\r?\n[ \t]/g, '')

function propertyValue(block: string, name: string): string | null {
  const match = new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*?)\\r?$`, 'im').exec(unfold(block))
  return match ? (match[1] ?? '').trim() : null
}

function zoneTexts(zones: readonly SourceBlock[]): Map<string, string> | null {
  const byTzid = new Map<string, string>()
  for (const zone of zones) {
    const tzid = propertyValue(zone.text, 'TZID')
    if (tzid === null) return null
    byTzid.set(tzid, zone.text)
  }
  return byTzid
}

/** VEVENT blocks by UID in order of first appearance, each keyed by its lines and its zones' lines. */
function groupBlocks(
  events: readonly SourceBlock[],
  zones: ReadonlyMap<string, string>,
): EventGroup[] | null {
  const byUid = new Map<string, string[]>()
  for (const event of events) {
    const uid = propertyValue(event.text, 'UID')
    if (!uid) return null
    const texts = byUid.get(uid) ?? []
    texts.push(event.text)
    byUid.set(uid, texts)
  }
  return [...byUid].map(([uid, texts]) => {
    const joined = texts.join('')
    const tzids = new Set([...unfold(joined).matchAll(/;TZID=("?)([^;:"\r\n]+)\1/gi)].map((m) => m[2]!))
    const zoneLines = [...tzids].map((tzid) => zones.get(tzid) ?? `missing:${tzid}`)
    return { uid, key: `${joined}\u0000${zoneLines.join('')}`, texts }
  })
}

/** One per pair: remembers the last parse's items by their source lines. */
export class IncrementalCalendarParser {
  private header: string | null = null
  private items = new Map<string, CalendarItem>()

  parse(text: string): ParsedItems {
    const body = prepareFeedText(text)
    const blocks = sourceBlocks(body, ['VTIMEZONE', 'VEVENT'])
    const zoneBlocks = blocks.get('VTIMEZONE') ?? []
    const eventBlocks = blocks.get('VEVENT') ?? []
    const firstOffset = Math.min(...[...zoneBlocks, ...eventBlocks].map((block) => block.offset), body.length)
    const header = body.slice(0, firstOffset)
    const zones = zoneTexts(zoneBlocks)
    const groups = zones && groupBlocks(eventBlocks, zones)
    const reusable = groups !== null && header === this.header
    const fresh = reusable ? groups.filter((group) => !this.items.has(group.key)) : null
    const freshItems = fresh ? this.parseFresh(header, zoneBlocks, fresh) : null
    if (freshItems) {
      this.remember(header, groups, null)
      return { items: groups!.map((group) => this.items.get(group.key)!), problems: [] }
    }
    const whole = parseCalendar(body)
    this.remember(header, groups, whole.items)
    return whole
  }

  /** The edited events on their own; null when they need the whole feed to be reported correctly. */
  private parseFresh(
    header: string,
    zones: readonly SourceBlock[],
    fresh: readonly EventGroup[],
  ): Map<string, CalendarItem> | null {
    const byKey = new Map<string, CalendarItem>()
    if (fresh.length === 0) return byKey
    const text = [
      header.replace(/\r?\n$/, ''),
      ...zones.map((z) => z.text),
      ...fresh.flatMap((g) => g.texts),
      'END:VCALENDAR',
      '',
    ].join('\r\n')
    let parsed: ParsedCalendar
    try {
      parsed = parseCalendar(text)
    } catch {
      return null
    }
    if (parsed.problems.length > 0 || parsed.items.length !== fresh.length) return null
    const byUid = new Map(parsed.items.map((item) => [item.uid, item]))
    for (const group of fresh) {
      const item = byUid.get(group.uid)
      if (!item) return null
      byKey.set(group.key, item)
    }
    for (const [key, item] of byKey) this.items.set(key, item)
    return byKey
  }

  /** Keeps exactly this parse's items, so memory follows the feed and not its history. */
  private remember(
    header: string,
    groups: readonly EventGroup[] | null,
    fullItems: readonly CalendarItem[] | null,
  ): void {
    this.header = header
    const previous = this.items
    this.items = new Map()
    if (!groups) return
    const byUid = fullItems ? new Map(fullItems.map((item) => [item.uid, item])) : null
    for (const group of groups) {
      const item = byUid ? byUid.get(group.uid) : previous.get(group.key)
      if (item) this.items.set(group.key, item)
    }
  }
}
