/**
 * What the incremental parser keeps across restarts, so a process that just started skips unchanged events
 * too: per event group, the hash of its lines (and its zones' lines) → the parsed item without its text,
 * which is rebuilt from the feed's own lines when asked for. Rows are content-addressed, so a row can never
 * describe other lines than the ones it is found by: the memory is a hint, valid whenever it was written.
 */
import { hash } from 'node:crypto'
import type { CalendarItem } from '../../engines/calendar/calendar-connectors'
import { itemText, zonedProperties } from './ics-item-text'

/** Bump when parsing changes what an item holds: items remembered by an older parser are then ignored. */
const parserVersion = 'ics-items-2'

export interface RememberedParse {
  readonly generation: string
  /** Key hash → encoded item. */
  readonly items: ReadonlyMap<string, string>
}

export interface ParseMemoryChange {
  readonly generation: string
  /** Forget everything else first (the generation changed). */
  readonly reset: boolean
  readonly added: ReadonlyMap<string, string>
  readonly removed: readonly string[]
}

/** One pair's remembered parse (kept in SQLite by `engines/calendar/calendar-parse-memory.ts`). */
export interface ParseMemory {
  load(): RememberedParse | null
  /** One transaction. */
  save(change: ParseMemoryChange): void
}

/** Items depend on the parser, on this computer's zone (floating times) and on the calendar's header. */
export function generationOf(header: string): string {
  // The runtime reads the zone once at start as well; building a DateTimeFormat costs milliseconds.
  processZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone
  return hash('sha1', `${parserVersion}\u0000${processZone}\u0000${header}`, 'base64')
}

let processZone: string | undefined

export function keyHashOf(key: string): string {
  return hash('sha1', key, 'base64')
}

type Encoded = [
  fingerprint: string,
  summary: string,
  start: string,
  end: string | null,
  allDay: 0 | 1,
  timeZone: string | null,
  recurring: 0 | 1,
  firstStart: number,
  lastEnd: number | null,
  lastModified: number | null,
  cancelled: 0 | 1,
  calscale: string | null,
]

/** The item without its UID (part of the lines) and its text (rebuilt from the lines). */
export function encodeItem(item: CalendarItem, calscale: string | null): string {
  const { time } = item
  const encoded: Encoded = [
    item.fingerprint,
    item.summary,
    time.start,
    time.end,
    time.allDay ? 1 : 0,
    time.timeZone,
    item.recurring ? 1 : 0,
    item.firstStart,
    item.lastEnd,
    item.lastModified,
    item.cancelled ? 1 : 0,
    calscale,
  ]
  return JSON.stringify(encoded)
}

const isOverride = (text: string): boolean => /^RECURRENCE-ID[;:]/im.test(text)
const zoneReference = new RegExp(
  `^(?:${[...zonedProperties].join('|')})[^:\\r\\n]*?;TZID=("?)([^;:"\\r\\n]+)\\1`,
  'gim',
)

function readEncoded(encoded: string): Encoded | null {
  try {
    const fields: unknown = JSON.parse(encoded)
    return Array.isArray(fields) && fields.length === 12 && typeof fields[0] === 'string'
      ? (fields as Encoded)
      : null
  } catch {
    return null
  }
}

/**
 * The item again, from its encoded fields and the feed's lines: the master first, then the overrides
 * (as the parser orders them), with the VTIMEZONEs they name in order of first use. Null for a row that
 * cannot be read (the event is then simply parsed again).
 */
export function decodeItem(
  uid: string,
  encoded: string,
  texts: readonly string[],
  zones: ReadonlyMap<string, string>,
): CalendarItem | null {
  const fields = readEncoded(encoded)
  if (fields === null) return null
  const [
    fingerprint,
    summary,
    start,
    end,
    allDay,
    timeZone,
    recurring,
    firstStart,
    lastEnd,
    lastModified,
    cancelled,
    calscale,
  ] = fields
  let text: (() => string) | null = null
  // A getter in the literal (own and enumerable, like parsed items' text) is much cheaper than
  // defineProperty on 10,000 items. Ordering and zone lookup wait for the first read: a run writes few events.
  return {
    uid,
    fingerprint,
    summary,
    time: { start, end, allDay: allDay === 1, timeZone },
    recurring: recurring === 1,
    firstStart,
    lastEnd,
    lastModified,
    cancelled: cancelled === 1,
    get ics(): string {
      text ??= textOf(texts, zones, calscale)
      return text()
    },
  }
}

function textOf(
  texts: readonly string[],
  zones: ReadonlyMap<string, string>,
  calscale: string | null,
): () => string {
  const ordered = [...texts.filter((t) => !isOverride(t)), ...texts.filter(isOverride)]
  const tzids = new Set([...ordered.join('\r\n').matchAll(zoneReference)].map((m) => m[2]!))
  return itemText(
    [...tzids].flatMap((tzid) => zones.get(tzid) ?? []),
    ordered,
    calscale,
  )
}
