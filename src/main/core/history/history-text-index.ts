import type { Statement } from 'better-sqlite3'
import type { HistoryFilter } from '../../../shared/api'
import type { Db } from '../store/database'

interface Part {
  readonly name: string
  readonly minTs: number
  readonly maxTs: number
}

/** The month (UTC) an entry's index lives in, and that month's span. */
function monthOf(ts: number): Part {
  const d = new Date(ts)
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1
  const name = `history_fts_${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  return { name, minTs: start, maxTs: end }
}

/**
 * Trigram indexes of the messages, one per month of entry time (migration 007). They only propose
 * candidates — no positions (detail=none), and a rewritten or deleted entry keeps its old trigrams
 * until its month is dropped — and the LIKE decides, so a stale candidate costs nothing but a lookup.
 * Entries are indexed here in the writer's transaction: an FTS5 insert inside a trigger runs under a
 * statement savepoint per row, several times slower.
 */
export class HistoryTextIndex {
  private readonly inserts = new Map<string, Statement>()

  constructor(private readonly db: Db) {}

  add(id: number | bigint, ts: number, message: string, messageEn: string | null): void {
    const part = monthOf(ts)
    const values = [id, message, messageEn ?? ''] as const
    try {
      this.insertInto(part).run(...values)
    } catch (error) {
      // Another process (a CLI prune) may have dropped this month since: create it again, once.
      this.inserts.delete(part.name)
      if (!/no such table/.test(String(error))) throw error
      this.insertInto(part).run(...values)
    }
  }

  private insertInto(part: Part): Statement {
    let insert = this.inserts.get(part.name)
    if (!insert) {
      this.create(part)
      insert = this.db.prepare(`INSERT INTO ${part.name} (rowid, message, message_en) VALUES (?, ?, ?)`)
      this.inserts.set(part.name, insert)
    }
    return insert
  }

  private create(part: Part): void {
    this.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${part.name} USING fts5(message, message_en, ` +
        `tokenize = 'trigram', content = '', detail = none, columnsize = 0)`,
    )
    this.db
      .prepare('INSERT OR IGNORE INTO history_text_parts (name, min_ts, max_ts) VALUES (?, ?, ?)')
      .run(part.name, part.minTs, part.maxTs)
  }

  /** The indexes that can hold entries of the filter's period. */
  partsFor(filter: HistoryFilter): string[] {
    return this.db
      .prepare('SELECT name FROM history_text_parts WHERE max_ts >= ? AND min_ts < ? ORDER BY min_ts')
      .pluck()
      .all(filter.from ?? Number.MIN_SAFE_INTEGER, filter.to ?? Number.MAX_SAFE_INTEGER) as string[]
  }

  /** Drops every month whose entries are all older than the cutoff, one transaction each. */
  dropOlderThan(cutoff: number): { dropped: number; longestMs: number } {
    const names = this.db
      .prepare('SELECT name FROM history_text_parts WHERE max_ts < ?')
      .pluck()
      .all(cutoff) as string[]
    let longestMs = 0
    for (const name of names) {
      const started = performance.now()
      this.db.transaction(() => {
        this.db.exec(`DROP TABLE IF EXISTS ${name}`)
        this.db.prepare('DELETE FROM history_text_parts WHERE name = ?').run(name)
      })()
      this.inserts.delete(name)
      longestMs = Math.max(longestMs, performance.now() - started)
    }
    return { dropped: names.length, longestMs }
  }
}
