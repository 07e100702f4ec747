import { randomBytes } from 'node:crypto'
import type { HistoryCount, HistoryCursor, HistoryFilter, HistoryPage } from '../../../shared/api'
import type { HistoryEntry, NewHistoryEntry } from '../../../shared/model/history'
import type { Db } from '../store/database'
import { buildWhere } from './history-query'

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

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    /** Told after each committed append (single or batch) so UIs can refresh. */
    private readonly onAppended: (latest: HistoryEntry, count: number) => void = () => {},
  ) {
    const sql = `INTO history (uid, ts, site, direction, category, level, message, message_en, detail)
      VALUES (@uid, @ts, @site, @direction, @category, @level, @message, @message_en, @detail)`
    this.insert = db.prepare(`INSERT ${sql}`)
    this.insertIgnore = db.prepare(`INSERT OR IGNORE ${sql}`)
  }

  private row(entry: NewHistoryEntry): Omit<HistoryRow, 'id'> {
    return {
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
    const id = Number(this.insert.run(row).lastInsertRowid)
    const appended = toEntry({ ...row, id })
    this.onAppended(appended, 1)
    return appended
  }

  /** One transaction for the lot; entries whose uid is already present are skipped (re-imports). */
  appendMany(entries: Iterable<NewHistoryEntry>): { inserted: number; skipped: number } {
    const result = this.db.transaction(() => {
      let inserted = 0
      let skipped = 0
      for (const entry of entries) {
        if (this.insertIgnore.run(this.row(entry)).changes) inserted++
        else skipped++
      }
      return { inserted, skipped }
    })()
    if (result.inserted > 10_000) this.optimize()
    const latest = result.inserted ? this.search({}, 1).entries[0] : undefined
    if (latest) this.onAppended(latest, result.inserted)
    return result
  }

  search(filter: HistoryFilter, limit: number, cursor?: HistoryCursor): HistoryPage {
    const where = buildWhere(filter, cursor)
    const rows = this.db
      .prepare(`SELECT ${columns} FROM history ${where.sql} ORDER BY ts DESC, id DESC LIMIT @limit`)
      .all({ ...where.params, limit: limit + 1 }) as HistoryRow[]
    const page = rows.slice(0, limit).map(toEntry)
    const last = page[page.length - 1]
    return { entries: page, nextCursor: rows.length > limit && last ? { ts: last.ts, id: last.id } : null }
  }

  /** Counts up to `cap` + 1 so the answer stays fast on millions of entries. */
  countCapped(filter: HistoryFilter, cap: number): HistoryCount {
    const where = buildWhere(filter)
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM history ${where.sql} LIMIT @cap)`)
      .get({ ...where.params, cap: cap + 1 }) as { n: number }
    return row.n > cap ? { count: cap + 1, atLeast: true } : { count: row.n, atLeast: false }
  }

  countAll(filter: HistoryFilter = {}): number {
    const where = buildWhere(filter)
    return (
      this.db.prepare(`SELECT count(*) AS n FROM history ${where.sql}`).get(where.params) as { n: number }
    ).n
  }

  /** Newest first, streamed from SQLite so exports never hold more than one row at a time. */
  *iterate(filter: HistoryFilter, limit = -1): Generator<HistoryEntry> {
    const where = buildWhere(filter)
    const statement = this.db.prepare(
      `SELECT ${columns} FROM history ${where.sql} ORDER BY ts DESC, id DESC LIMIT @limit`,
    )
    for (const row of statement.iterate({ ...where.params, limit })) yield toEntry(row as HistoryRow)
  }

  /** Refreshes the query planner's statistics after bulk changes (imports, pruning); cheap when nothing changed. */
  optimize(): void {
    this.db.pragma('optimize')
  }

  /** Deletes at most `batchSize` entries older than `cutoff`; returns how many went. */
  deleteOlderThan(cutoff: number, batchSize: number): number {
    return this.db
      .prepare('DELETE FROM history WHERE id IN (SELECT id FROM history WHERE ts < ? LIMIT ?)')
      .run(cutoff, batchSize).changes
  }
}
