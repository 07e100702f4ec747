/**
 * A feed parsed again every few minutes mostly says what it said last time. Events whose own lines (and
 * the lines of the time zones they name) are byte-identical to the last parse reuse that item; only new
 * or edited events go through ICAL.parse, in a small calendar of their own. Anything unusual — a changed
 * calendar header, an event without a readable UID, a problem in the edited events — falls back to the
 * whole parse, so errors, problems and their line numbers are always those of `parseCalendar`. With a
 * `ParseMemory`, what was parsed survives a restart (ics-parse-memory.ts).
 */
import type { CalendarItem, ParsedCalendar } from '../../engines/calendar/calendar-connectors'
import { parseCalendar } from './ics-parser'
import { decodeItem, encodeItem, generationOf, keyHashOf, type ParseMemory } from './ics-parse-memory'
import { prepareFeedText, sourceBlocks, type SourceBlock } from './ics-source-text'

export type ParsedItems = Pick<ParsedCalendar, 'items' | 'problems'>

interface EventGroup {
  readonly uid: string
  /** sha1 of the group's lines and of the lines of the zones it names. */
  readonly key: string
  readonly texts: string[]
}

/** Lines unfolded, so a folded UID or TZID parameter reads whole (feeds mostly arrive unfolded already). */
const unfold = (text: string): string => (/\n[ \t]/.test(text) ? text.replace(/\r?\n[ \t]/g, '') : text)

const propertyPatterns = new Map<string, RegExp>()

function propertyValue(block: string, name: string): string | null {
  let pattern = propertyPatterns.get(name)
  if (!pattern) {
    pattern = new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*?)\\r?$`, 'im')
    propertyPatterns.set(name, pattern)
  }
  const match = pattern.exec(unfold(block))
  return match ? (match[1] ?? '').trim() : null
}

/** Each zone's lines by TZID, as a hash: an event's key holds the hashes of the zones it names. */
function zoneHashes(zones: readonly SourceBlock[]): Map<string, string> | null {
  const byTzid = new Map<string, string>()
  for (const zone of zones) {
    const tzid = propertyValue(zone.text, 'TZID')
    if (tzid === null) return null
    byTzid.set(tzid, keyHashOf(zone.text))
  }
  return byTzid
}

/** VEVENT blocks by UID in order of first appearance, each keyed by the hash of its lines and its zones' lines. */
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
    const tzids = zoneNames(joined)
    const zoneLines = [...tzids].map((tzid) => zones.get(tzid) ?? `missing:${tzid}`)
    return { uid, key: keyHashOf(`${joined}\u0000${zoneLines.join(',')}`), texts }
  })
}

/** TZID parameters named in the lines; most events name none, which a plain search tells fastest. */
function zoneNames(text: string): Set<string> {
  if (!/;tzid=/i.test(text)) return new Set()
  return new Set([...unfold(text).matchAll(/;TZID=("?)([^;:"\r\n]+)\1/gi)].map((m) => m[2]!))
}

interface FeedLayout {
  readonly header: string
  readonly zoneBlocks: readonly SourceBlock[]
  /** TZID → the VTIMEZONE's lines. */
  readonly zones: ReadonlyMap<string, string>
  readonly groups: readonly EventGroup[] | null
}

function layoutOf(body: string): FeedLayout {
  const blocks = sourceBlocks(body, ['VTIMEZONE', 'VEVENT'])
  const zoneBlocks = blocks.get('VTIMEZONE') ?? []
  const eventBlocks = blocks.get('VEVENT') ?? []
  const firstOffset = Math.min(...[...zoneBlocks, ...eventBlocks].map((block) => block.offset), body.length)
  const hashes = zoneHashes(zoneBlocks)
  const groups = hashes && groupBlocks(eventBlocks, hashes)
  const zones = new Map(zoneBlocks.map((zone) => [propertyValue(zone.text, 'TZID') ?? '', zone.text]))
  return { header: body.slice(0, firstOffset), zoneBlocks, zones, groups }
}

/** One per pair: remembers the last parse's items by their source lines. */
export class IncrementalCalendarParser {
  private header: string | null = null
  private items = new Map<string, CalendarItem>()
  /** What the memory holds (key hashes) and for which generation; null until first read. */
  private stored: { generation: string; keys: Set<string> } | null = null

  constructor(private readonly memory: ParseMemory | null = null) {}

  parse(text: string): ParsedItems {
    const body = prepareFeedText(text)
    const { header, zoneBlocks, zones, groups } = layoutOf(body)
    if (this.memory && this.stored === null && groups) this.recall(header, zones, groups)
    const reusable = groups !== null && header === this.header
    const fresh = reusable ? groups.filter((group) => !this.items.has(group.key)) : null
    const freshItems = fresh ? this.parseFresh(header, zoneBlocks, fresh) : null
    let result: ParsedItems
    if (freshItems) {
      this.remember(header, groups, null)
      result = { items: groups!.map((group) => this.items.get(group.key)!), problems: [] }
    } else {
      result = parseCalendar(body)
      this.remember(header, groups, result.items)
    }
    if (this.memory && groups) this.store(header, groups, result)
    return result
  }

  /** A fresh process: the items the memory holds for these very lines, when the header is the same. */
  private recall(header: string, zones: ReadonlyMap<string, string>, groups: readonly EventGroup[]): void {
    const remembered = this.memory!.load()
    this.stored = remembered && { generation: remembered.generation, keys: new Set(remembered.items.keys()) }
    if (remembered?.generation !== generationOf(header)) return
    for (const group of groups) {
      const encoded = remembered.items.get(group.key)
      const item = encoded === undefined ? null : decodeItem(group.uid, encoded, group.texts, zones)
      if (item) this.items.set(group.key, item)
      // An unreadable row is written again after this parse.
      else this.stored?.keys.delete(group.key)
    }
    this.header = header
  }

  /** Writes only what changed since the memory was last written; events with problems are not kept. */
  private store(header: string, groups: readonly EventGroup[], result: ParsedItems): void {
    const generation = generationOf(header)
    const reset = this.stored?.generation !== generation
    const known = reset ? new Set<string>() : this.stored!.keys
    const troubled = new Set(result.problems.map((problem) => problem.uid))
    const calscale = /^CALSCALE:(.*?)\r?$/im.exec(header)?.[1]?.trim() ?? null
    const keys = new Set<string>()
    const added = new Map<string, string>()
    for (const group of groups) {
      const item = this.items.get(group.key)
      if (!item || troubled.has(group.uid)) continue
      keys.add(group.key)
      if (!known.has(group.key)) added.set(group.key, encodeItem(item, calscale))
    }
    const removed = [...known].filter((key) => !keys.has(key))
    if (!reset && added.size === 0 && removed.length === 0) return
    this.memory!.save({ generation, reset, added, removed })
    this.stored = { generation, keys }
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
