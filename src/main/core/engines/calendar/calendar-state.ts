import type { EventTimeRange } from '../../../../shared/model/calendar'
import type { JobOutcome } from '../../../../shared/model/jobs'
import type { Localized } from '../../../../shared/model/localized'
import type { ConnectorErrorKind } from '../../connectors/connector-error'
import { noRuns, type RunStreak } from '../../health/health-reporter'
import type { Db } from '../../store/database'
import type { FeedValidators } from './calendar-connectors'

/** What one pair remembers between runs (the streak feeds the health model). */
export interface PairSyncState extends RunStreak {
  readonly feed: FeedValidators | null
  readonly sourceToken: string | null
  readonly targetToken: string | null
  /** The sync window's first day when the last complete run planned (a new day can bring events in). */
  readonly windowKey: string | null
  /** The last run wrote everything it planned: an unchanged source then needs no work. */
  readonly complete: boolean
  readonly lastRunAt: number | null
  readonly lastOutcome: JobOutcome | null
  readonly lastMessage: Localized | null
  /** Start of the current streak of credential failures (cleared by any accepted request). */
  readonly authFailingSince: number | null
}

const initialState: PairSyncState = {
  feed: null,
  sourceToken: null,
  targetToken: null,
  windowKey: null,
  complete: false,
  lastRunAt: null,
  lastOutcome: null,
  lastMessage: null,
  authFailingSince: null,
  ...noRuns,
}

/** One row of the UID mapping. `origin` holds the original; the other side's object is Renkei's copy. */
export interface ItemMapping {
  readonly uid: string
  readonly origin: 'source' | 'target'
  readonly sourceHref: string | null
  readonly sourceEtag: string | null
  readonly targetHref: string | null
  readonly targetEtag: string | null
  /** The meaning both sides held after the last write (null while set aside before a first write). */
  readonly fingerprint: string | null
  /** Fingerprint of a version the server refused; skipped until the event changes. */
  readonly setAside: string | null
  /** Two-way: Renkei's copy was deleted by a person; the original is kept and not copied again until it changes. */
  readonly detached: boolean
  readonly summary: string
  readonly time: EventTimeRange | null
}

type Side = ItemMapping['origin']

export const hrefOf = (m: ItemMapping, side: Side): string | null =>
  side === 'source' ? m.sourceHref : m.targetHref
export const etagOf = (m: ItemMapping, side: Side): string | null =>
  side === 'source' ? m.sourceEtag : m.targetEtag

/** What the mapping last saw on one side: href → ETag of every object it knows there. */
export function knownObjects(
  mapping: ReadonlyMap<string, ItemMapping>,
  side: Side,
): Map<string, string | null> {
  const known = new Map<string, string | null>()
  for (const m of mapping.values()) {
    const href = hrefOf(m, side)
    if (href !== null) known.set(href, etagOf(m, side))
  }
  return known
}

interface ItemRow {
  uid: string
  origin: 'source' | 'target'
  source_href: string | null
  source_etag: string | null
  target_href: string | null
  target_etag: string | null
  fingerprint: string | null
  set_aside: string | null
  detached: number
  summary: string
  time: string | null
}

function toMapping(row: ItemRow): ItemMapping {
  return {
    uid: row.uid,
    origin: row.origin,
    sourceHref: row.source_href,
    sourceEtag: row.source_etag,
    targetHref: row.target_href,
    targetEtag: row.target_etag,
    fingerprint: row.fingerprint,
    setAside: row.set_aside,
    detached: row.detached === 1,
    summary: row.summary,
    time: row.time === null ? null : (JSON.parse(row.time) as EventTimeRange),
  }
}

/** Per-pair sync state, the UID mapping and the error log, each write committed on its own (crash-safe). */
export class CalendarStateRepository {
  constructor(private readonly db: Db) {}

  state(pairId: string): PairSyncState {
    const value = this.db
      .prepare('SELECT value FROM calendar_pair_state WHERE pair_id = ?')
      .pluck()
      .get(pairId) as string | undefined
    return value === undefined ? initialState : { ...initialState, ...(JSON.parse(value) as PairSyncState) }
  }

  updateState(pairId: string, patch: Partial<PairSyncState>): PairSyncState {
    const next = { ...this.state(pairId), ...patch }
    this.db
      .prepare(
        'INSERT INTO calendar_pair_state (pair_id, value) VALUES (?, ?) ON CONFLICT(pair_id) DO UPDATE SET value = excluded.value',
      )
      .run(pairId, JSON.stringify(next))
    return next
  }

  /** Forget what the last run knew so the next one re-reads both sides in full (mapping kept). */
  resetSyncPoint(pairId: string): void {
    this.updateState(pairId, { feed: null, sourceToken: null, targetToken: null, complete: false })
  }

  items(pairId: string): Map<string, ItemMapping> {
    const rows = this.db
      .prepare(
        `SELECT uid, origin, source_href, source_etag, target_href, target_etag, fingerprint, set_aside, detached,
                summary, time FROM calendar_items WHERE pair_id = ?`,
      )
      .all(pairId) as ItemRow[]
    return new Map(rows.map((row) => [row.uid, toMapping(row)]))
  }

  putItem(pairId: string, item: ItemMapping): void {
    this.db
      .prepare(
        `INSERT INTO calendar_items (pair_id, uid, origin, source_href, source_etag, target_href, target_etag,
           fingerprint, set_aside, detached, summary, time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(pair_id, uid) DO UPDATE SET origin = excluded.origin, source_href = excluded.source_href,
           source_etag = excluded.source_etag, target_href = excluded.target_href, target_etag = excluded.target_etag,
           fingerprint = excluded.fingerprint, set_aside = excluded.set_aside, detached = excluded.detached,
           summary = excluded.summary, time = excluded.time`,
      )
      .run(
        pairId,
        item.uid,
        item.origin,
        item.sourceHref,
        item.sourceEtag,
        item.targetHref,
        item.targetEtag,
        item.fingerprint,
        item.setAside,
        item.detached ? 1 : 0,
        item.summary,
        item.time === null ? null : JSON.stringify(item.time),
      )
  }

  /** The pair points at other calendars now: what was known about the old ones no longer applies. */
  forgetItems(pairId: string): void {
    this.db.prepare('DELETE FROM calendar_items WHERE pair_id = ?').run(pairId)
  }

  removeItem(pairId: string, uid: string): void {
    this.db.prepare('DELETE FROM calendar_items WHERE pair_id = ? AND uid = ?').run(pairId, uid)
  }

  counts(pairId: string): { synced: number; setAside: number } {
    const row = this.db
      .prepare(
        `SELECT SUM(set_aside IS NULL AND detached = 0) AS synced, SUM(set_aside IS NOT NULL) AS setAside
         FROM calendar_items WHERE pair_id = ?`,
      )
      .get(pairId) as { synced: number | null; setAside: number | null }
    return { synced: row.synced ?? 0, setAside: row.setAside ?? 0 }
  }

  recordError(pairId: string, ts: number, kind: ConnectorErrorKind | 'internal'): void {
    this.db.prepare('INSERT INTO calendar_errors (pair_id, ts, kind) VALUES (?, ?, ?)').run(pairId, ts, kind)
  }

  errorsSince(pairId: string, since: number): number {
    return this.db
      .prepare('SELECT COUNT(*) FROM calendar_errors WHERE pair_id = ? AND ts >= ?')
      .pluck()
      .get(pairId, since) as number
  }

  /** Resume starts the count afresh; old rows are also dropped once outside any window (a week). */
  clearErrors(pairId: string): void {
    this.db.prepare('DELETE FROM calendar_errors WHERE pair_id = ?').run(pairId)
  }

  pruneErrors(before: number): void {
    this.db.prepare('DELETE FROM calendar_errors WHERE ts < ?').run(before)
  }
}
