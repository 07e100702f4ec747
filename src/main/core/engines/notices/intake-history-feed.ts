import type { NoticeContext } from './notice-context'

/** A history row as a feed hands it over. */
export interface FedRow {
  readonly id: number
  readonly ts: number
  readonly site: string
  readonly direction: string
  readonly level: string
  readonly detail: unknown
}

const batch = 200

/**
 * Renkei's own change records, read from the history rows an engine commits them with (calendar sync writes
 * its change and its state in one transaction): a kill -9 between that commit and the notice loses nothing,
 * because the next catch-up (at start, and on each change event) reads every row of the category after the
 * last one seen (settings key `seenKey`). The intake's unique event id makes a row read twice one event.
 * Imported archives (import_id set) are another machine's past, never replayed. The first start begins at the
 * newest row: the relay does not announce changes made before it existed.
 */
export function createHistoryFeed(
  ctx: Pick<NoticeContext, 'db'>,
  seenKey: string,
  category: string,
  handle: (row: FedRow) => void,
): { catchUp(): void } {
  const db = ctx.db
  const readSeen = db.prepare('SELECT value FROM settings WHERE key = ?').pluck()
  const writeSeen = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const rows = db.prepare(
    `SELECT id, ts, site, direction, level, detail FROM history
     WHERE id > ? AND category = ? AND import_id IS NULL ORDER BY id LIMIT ${batch}`,
  )
  const seen = (): number => {
    const value = readSeen.get(seenKey) as string | undefined
    if (value !== undefined) return Number(value)
    const newest = (db.prepare('SELECT max(id) FROM history').pluck().get() as number | null) ?? 0
    writeSeen.run(seenKey, String(newest))
    return newest
  }
  return {
    catchUp: () => {
      for (let after = seen(); ;) {
        const found = rows.all(after, category) as (Omit<FedRow, 'detail'> & { detail: string | null })[]
        for (const row of found)
          handle({ ...row, detail: row.detail === null ? null : JSON.parse(row.detail) })
        if (found.length === 0) break
        after = found[found.length - 1]!.id
        writeSeen.run(seenKey, String(after))
        if (found.length < batch) break
      }
    },
  }
}
