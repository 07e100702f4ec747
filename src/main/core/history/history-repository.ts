import { randomBytes } from 'node:crypto'
import type {
  HistoryCount,
  HistoryCursor,
  HistoryFacets,
  HistoryFilter,
  HistoryPage,
} from '../../../shared/api'
import type { HistoryEntry, NewHistoryEntry } from '../../../shared/model/history'
import type { Localized } from '../../../shared/model/localized'
import type { Db } from '../store/database'
import { historyFacets, siteMatchFor } from './history-facets'
import { HistoryImports } from './history-imports'
import { HistoryTextIndex } from './history-text-index'
import { buildWhere, likeClause, likePattern, usesTextIndex } from './history-query'

interface HistoryRow {
  id: number
  uid: string
  ts: number
  site: string
  direction: HistoryEntry['direction']
  category: string
  level: HistoryEntry['level']
  message: string
  message_en: string | null
  detail: string | null
}

/**
 * Time first, then randomness (like UUIDv7): new uids land at the end of the unique index instead of
 * at random pages, which keeps inserts fast when the table holds millions of entries.
 */
function timeOrderedUid(ts: number): string {
  return `${Math.max(0, ts).toString(16).padStart(12, '0')}-${randomBytes(10).toString('hex')}`
}

const columns = 'id, uid, ts, site, direction, category, level, message, message_en, detail'

/**
 * Free text first walks the newest entries (matching the other filters) with a LIKE: a common word
 * fills a page from there at once. Text the trigram index can serve walks this many before using it.
 */
const prefetchRows = 10_000
/** 1-2 characters cannot use the index: each page walks at most this many entries (~50 ms) and says where it stopped. */
const shortTextWindowRows = 100_000

function toPage(rows: readonly HistoryRow[], limit: number): HistoryPage {
  const page = rows.slice(0, limit).map(toEntry)
  const last = page[page.length - 1]
  return { entries: page, nextCursor: rows.length > limit && last ? { ts: last.ts, id: last.id } : null }
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    uid: row.uid,
    ts: row.ts,
    site: row.site,
    direction: row.direction,
    category: row.category,
    level: row.level,
    message: row.message,
    messageEn: row.message_en,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
  }
}

/** The sync history table: append, keyset search, capped count, iteration for exports, batched deletes. */
export class HistoryRepository {
  private readonly insert
  private readonly insertIgnore
  /** Written here, in the same transaction as the entry (see migration 007). */
  private readonly textIndex
  private readonly pendingImports
  /** Archive imports in progress: their entries stay hidden until complete. */
  readonly imports: HistoryImports

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    /** Told after each committed append (single or batch) so UIs can refresh. */
    private readonly onAppended: (latest: HistoryEntry, count: number) => void = () => {},
  ) {
    const sql = `INTO history (uid, ts, site, direction, category, level, message, message_en, detail, import_id)
      VALUES (@uid, @ts, @site, @direction, @category, @level, @message, @message_en, @detail, @import_id)`
    this.insert = db.prepare(`INSERT ${sql}`)
    this.insertIgnore = db.prepare(`INSERT OR IGNORE ${sql}`)
    this.textIndex = new HistoryTextIndex(db)
    this.pendingImports = db.prepare('SELECT id FROM history_imports').pluck()
    this.imports = new HistoryImports(db, now)
  }

  /** Imports still writing (or killed before completing): their entries are hidden from every query. */
  private hidden(): number[] {
    return this.pendingImports.all() as number[]
  }

  private where(filter: HistoryFilter, cursor?: HistoryCursor, throughId?: number) {
    const textParts = usesTextIndex(filter.text) ? this.textIndex.partsFor(filter) : []
    const site = siteMatchFor(this.db, filter.site)
    return buildWhere(
      { ...filter, ...(site.name !== undefined ? { site: site.name } : {}) },
      { cursor, hiddenImports: this.hidden(), textParts, throughId, siteMatch: site.match },
    )
  }

  /** The newest id now: a count answers with it so the export that follows writes exactly what was counted. */
  latestId(): number {
    return (this.db.prepare('SELECT max(id) FROM history').pluck().get() as number | null) ?? 0
  }

  private row(
    entry: NewHistoryEntry,
    importId: number | null = null,
  ): Omit<HistoryRow, 'id'> & { import_id: number | null } {
    return {
      import_id: importId,
      uid: entry.uid ?? timeOrderedUid(entry.ts ?? this.now()),
      ts: entry.ts ?? this.now(),
      site: entry.site ?? '',
      direction: entry.direction,
      category: entry.category,
      level: entry.level,
      message: entry.message,
      message_en: entry.messageEn ?? null,
      detail: entry.detail === undefined || entry.detail === null ? null : JSON.stringify(entry.detail),
    }
  }

  append(entry: NewHistoryEntry): HistoryEntry {
    const row = this.row(entry)
    const id = this.db.transaction(() => {
      const inserted = Number(this.insert.run(row).lastInsertRowid)
      this.textIndex.add(inserted, row.ts, row.message, row.message_en)
      return inserted
    })()
    const appended = toEntry({ ...row, id })
    this.onAppended(appended, 1)
    return appended
  }

  /** One transaction for the lot; entries whose uid is already present are skipped (re-imports). */
  appendMany(entries: Iterable<NewHistoryEntry>): { inserted: number; skipped: number } {
    const result = this.insertBatch(entries, null)
    this.announceBulk(result.inserted)
    return result
  }

  /** After many entries became visible at once: fresh planner statistics, and one notice for the UIs. */
  announceBulk(inserted: number): void {
    if (inserted > 10_000) this.optimize()
    const latest = inserted ? this.search({}, 1).entries[0] : undefined
    if (latest) this.onAppended(latest, inserted)
  }

  /** One short transaction of an import's entries, invisible until the import completes. */
  appendImported(
    entries: Iterable<NewHistoryEntry>,
    importId: number,
  ): { inserted: number; skipped: number } {
    return this.insertBatch(entries, importId)
  }

  private insertBatch(entries: Iterable<NewHistoryEntry>, importId: number | null) {
    return this.db.transaction(() => {
      let inserted = 0
      let skipped = 0
      for (const entry of entries) {
        const row = this.row(entry, importId)
        const result = this.insertIgnore.run(row)
        if (!result.changes) {
          skipped++
          continue
        }
        this.textIndex.add(result.lastInsertRowid, row.ts, row.message, row.message_en)
        inserted++
      }
      return { inserted, skipped }
    })()
  }

  search(filter: HistoryFilter, limit: number, cursor?: HistoryCursor): HistoryPage {
    if (filter.text) {
      const indexed = usesTextIndex(filter.text)
      const walked = this.searchNewest(filter, limit, cursor, indexed ? prefetchRows : shortTextWindowRows)
      if (walked.complete || !indexed) return walked.page
    }
    const where = this.where(filter, cursor)
    const rows = this.db
      .prepare(`SELECT ${columns} FROM ${where.from} ${where.sql} ORDER BY ts DESC, id DESC LIMIT @limit`)
      .all({ ...where.params, limit: limit + 1 }) as HistoryRow[]
    return toPage(rows, limit)
  }

  /** The newest `window` entries matching every filter but the text, and where that window ends. */
  private newest(
    filter: HistoryFilter,
    cursor: HistoryCursor | undefined,
    window: number,
    throughId?: number,
  ) {
    const others = this.where({ ...filter, text: undefined }, cursor, throughId)
    const params = { ...others.params, text: likePattern(filter.text ?? ''), window }
    const order = 'ORDER BY ts DESC, id DESC'
    return {
      params,
      matching: `SELECT * FROM (SELECT ${columns} FROM history ${others.sql} ${order} LIMIT @window) WHERE ${likeClause}`,
      end: () =>
        this.db
          .prepare(`SELECT ts, id FROM history ${others.sql} ${order} LIMIT 1 OFFSET @window - 1`)
          .get(params) as HistoryCursor | undefined,
    }
  }

  /**
   * Free text over the newest `window` entries that match the other filters. Complete when it fills a
   * page or the window held every remaining entry; otherwise the page ends where the window ended,
   * so "next" carries on from there (keyset paging stays exact, each page stays bounded).
   */
  private searchNewest(
    filter: HistoryFilter,
    limit: number,
    cursor: HistoryCursor | undefined,
    window: number,
  ): { page: HistoryPage; complete: boolean } {
    const newest = this.newest(filter, cursor, window)
    const rows = this.db
      .prepare(`${newest.matching} ORDER BY ts DESC, id DESC LIMIT @limit`)
      .all({ ...newest.params, limit: limit + 1 }) as HistoryRow[]
    if (rows.length > limit) return { page: toPage(rows, limit), complete: true }
    const windowEnd = newest.end()
    return { page: { entries: rows.map(toEntry), nextCursor: windowEnd ?? null }, complete: !windowEnd }
  }

  /**
   * Counts up to `cap` + 1 so the answer stays fast on millions of entries. Without `throughId`, it
   * counts what is there now and says up to which id (an export given that id writes the same entries).
   */
  countCapped(filter: HistoryFilter, cap: number, throughId = this.latestId()): HistoryCount {
    const capped = (n: number): HistoryCount =>
      n > cap ? { count: cap + 1, atLeast: true, throughId } : { count: n, atLeast: false, throughId }
    // A common word passes the cap among the newest entries at once; the index serves rare ones.
    const walked = filter.text ? this.countNewest(filter, cap, throughId) : undefined
    if (walked !== undefined) return capped(walked)
    const where = this.where(filter, undefined, throughId)
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${where.from} ${where.sql} LIMIT @cap)`)
      .get({ ...where.params, cap: cap + 1 }) as { n: number }
    return capped(row.n)
  }

  /** The count among the newest entries, or undefined when the window did not hold them all. */
  private countNewest(filter: HistoryFilter, cap: number, throughId: number): number | undefined {
    const newest = this.newest(filter, undefined, shortTextWindowRows, throughId)
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM (${newest.matching} LIMIT @cap)`)
      .get({ ...newest.params, cap: cap + 1 }) as { n: number }
    if (row.n > cap) return row.n
    return newest.end() ? undefined : row.n
  }

  countAll(filter: HistoryFilter = {}, throughId?: number): number {
    const where = this.where(filter, undefined, throughId)
    const sql = `SELECT count(*) AS n FROM ${where.from} ${where.sql}`
    return (this.db.prepare(sql).get(where.params) as { n: number }).n
  }

  /** Distinct sites and categories for the filter's pick lists. */
  facets(): HistoryFacets {
    return historyFacets(this.db)
  }

  /** Newest first, streamed from SQLite so exports never hold more than one row at a time. */
  *iterate(filter: HistoryFilter, limit = -1, throughId?: number): Generator<HistoryEntry> {
    const where = this.where(filter, undefined, throughId)
    const statement = this.db.prepare(
      `SELECT ${columns} FROM ${where.from} ${where.sql} ORDER BY ts DESC, id DESC LIMIT @limit`,
    )
    for (const row of statement.iterate({ ...where.params, limit })) yield toEntry(row as HistoryRow)
  }

  /** Turns the automatic WAL checkpoint off until the returned function turns it back on. */
  checkpointManually(): () => void {
    const pages = this.db.pragma('wal_autocheckpoint', { simple: true }) as number
    this.db.pragma('wal_autocheckpoint = 0')
    return () => this.db.pragma(`wal_autocheckpoint = ${pages}`)
  }

  /** Copies committed pages back to the database file without blocking readers or writers. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)')
  }

  /** Refreshes the query planner's statistics after bulk changes (imports, pruning); cheap when nothing changed. */
  optimize(): void {
    this.db.pragma('optimize')
  }

  /**
   * Deletes at most `batchSize` entries older than `cutoff`; returns how many went. `record` runs in
   * the same transaction, so what it writes about the deletion commits with it or not at all.
   */
  deleteOlderThan(cutoff: number, batchSize: number, record?: (removed: number) => void): number {
    const remove = this.db.prepare(
      'DELETE FROM history WHERE id IN (SELECT id FROM history WHERE ts < ? LIMIT ?)',
    )
    return this.db.transaction(() => {
      const removed = remove.run(cutoff, batchSize).changes
      if (removed) record?.(removed)
      return removed
    })()
  }

  /** Drops the text index of every month now wholly older than the cutoff (after pruning it). */
  dropTextIndexOlderThan(cutoff: number): { dropped: number; longestMs: number } {
    return this.textIndex.dropOlderThan(cutoff)
  }

  /** Rewrites a line in place: the prune's audit line keeps what it has deleted so far. */
  rewrite(entry: HistoryEntry, message: Localized, detail: unknown): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE history SET message = ?, message_en = ?, detail = ? WHERE id = ?')
        .run(message.ja, message.en, JSON.stringify(detail), entry.id)
      this.textIndex.add(entry.id, entry.ts, message.ja, message.en)
    })()
  }
}
