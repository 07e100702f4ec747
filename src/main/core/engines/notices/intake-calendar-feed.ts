import type { CalendarChange } from '../../../../shared/model/calendar'
import type { NoticeContext } from './notice-context'

/** The last history row whose calendar change was looked at (settings table). */
const seenKey = 'notices.calendar-history-seen'
const batch = 200

function isCalendarChange(detail: unknown): detail is CalendarChange {
  const d = detail as Partial<CalendarChange> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.pairId === 'string' &&
    typeof d.uid === 'string' &&
    typeof d.when === 'number' &&
    (d.action === 'created' || d.action === 'updated' || d.action === 'deleted')
  )
}

/**
 * Calendar sync's changes, read from the history rows it writes in the same transaction as its own state: a
 * kill -9 between that commit and the notice loses nothing, because the next catch-up (at start, and on each
 * `calendar.change`) reads every row after the last one seen. The intake's unique event id makes a row read
 * twice one event. Imported archives (import_id set) are another machine's past, never replayed. The first
 * start begins at the newest row: the relay does not announce changes made before it existed.
 */
export function createCalendarFeed(
  ctx: Pick<NoticeContext, 'db'>,
  handle: (change: CalendarChange) => void,
): { catchUp(): void } {
  const db = ctx.db
  const readSeen = db.prepare('SELECT value FROM settings WHERE key = ?').pluck()
  const writeSeen = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const rows = db.prepare(
    `SELECT id, detail FROM history WHERE id > ? AND category = 'calendar' AND import_id IS NULL
     ORDER BY id LIMIT ${batch}`,
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
        const found = rows.all(after) as { id: number; detail: string | null }[]
        for (const row of found) {
          const detail = row.detail === null ? null : (JSON.parse(row.detail) as unknown)
          if (isCalendarChange(detail)) handle(detail)
        }
        if (found.length === 0) break
        after = found[found.length - 1]!.id
        writeSeen.run(seenKey, String(after))
        if (found.length < batch) break
      }
    },
  }
}
