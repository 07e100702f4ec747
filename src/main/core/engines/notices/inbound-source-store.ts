/**
 * Inbound sources as stored: one row per source in `notice_sources` (its config, never its secret), and the
 * figures the sources list shows, read from the events the intake recorded under the source's id.
 */
import { noticeSourceInput, type NoticeSourceConfig } from '../../../../shared/model/notices'
import type { Db } from '../../store/database'

const dayMs = 86_400_000

export class InboundSourceStore {
  constructor(private readonly db: Db) {}

  all(): NoticeSourceConfig[] {
    const rows = this.db.prepare('SELECT config FROM notice_sources ORDER BY created_at, rowid').all() as {
      config: string
    }[]
    return rows.map((row) => noticeSourceInput.parse(JSON.parse(row.config)))
  }

  get(id: string): NoticeSourceConfig | null {
    const row = this.db.prepare('SELECT config FROM notice_sources WHERE id = ?').get(id) as
      { config: string } | undefined
    return row ? noticeSourceInput.parse(JSON.parse(row.config)) : null
  }

  save(source: NoticeSourceConfig, now: number): void {
    this.db
      .prepare(
        `INSERT INTO notice_sources (id, config, created_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET config = excluded.config`,
      )
      .run(source.id, JSON.stringify(source), now)
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM notice_sources WHERE id = ?').run(id).changes > 0
  }

  /** The newest event taken in from this source, and how many in the last 24 hours. */
  eventStats(id: string, now: number): { readonly lastEventAt: number | null; readonly events24h: number } {
    const row = this.db
      .prepare(
        `SELECT max(received_at) AS last, count(CASE WHEN received_at > ? THEN 1 END) AS recent
         FROM notice_events WHERE source = ?`,
      )
      .get(now - dayMs, id) as { last: number | null; recent: number }
    return { lastEventAt: row.last, events24h: row.recent }
  }
}
