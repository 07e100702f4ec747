/** The feed parser's memory per pair in SQLite (`ParseMemory`, see connectors/ics/ics-parse-memory.ts). */
import type { ParseMemory, ParseMemoryChange, RememberedParse } from '../../connectors/ics/ics-parse-memory'
import type { Db } from '../../store/database'

export class CalendarParseMemoryRepository {
  constructor(private readonly db: Db) {}

  forPair(pairId: string): ParseMemory {
    return { load: () => this.load(pairId), save: (change) => this.save(pairId, change) }
  }

  private load(pairId: string): RememberedParse | null {
    const row = this.db
      .prepare('SELECT generation FROM calendar_parse_generations WHERE pair_id = ?')
      .get(pairId) as { generation: string } | undefined
    if (!row) return null
    const rows = this.db
      .prepare('SELECT key, item FROM calendar_parse_items WHERE pair_id = ?')
      .raw()
      .all(pairId) as [string, string][]
    return { generation: row.generation, items: new Map(rows) }
  }

  private save(pairId: string, change: ParseMemoryChange): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO calendar_parse_items (pair_id, key, item) VALUES (?, ?, ?)',
    )
    const remove = this.db.prepare('DELETE FROM calendar_parse_items WHERE pair_id = ? AND key = ?')
    this.db.transaction(() => {
      // The pair may have been removed while its feed was being parsed.
      if (!this.db.prepare('SELECT 1 FROM calendar_pairs WHERE id = ?').get(pairId)) return
      if (change.reset) this.db.prepare('DELETE FROM calendar_parse_items WHERE pair_id = ?').run(pairId)
      for (const key of change.removed) remove.run(pairId, key)
      for (const [key, item] of change.added) insert.run(pairId, key, item)
      this.db
        .prepare('INSERT OR REPLACE INTO calendar_parse_generations (pair_id, generation) VALUES (?, ?)')
        .run(pairId, change.generation)
    })()
  }
}
