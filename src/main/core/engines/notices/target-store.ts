import { noticeTargetInput, type NoticeTargetConfig } from '../../../../shared/model/notices'
import type { Db } from '../../store/database'

/**
 * Table notice_targets: one JSON config per target (never a secret; those are in the keychain), in the
 * order they were added. Rows are parsed through the contract's schema, so defaults added later apply.
 */
export class TargetStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  all(): NoticeTargetConfig[] {
    const rows = this.db
      .prepare('SELECT config FROM notice_targets ORDER BY created_at, id')
      .pluck()
      .all() as string[]
    return rows.map((row) => noticeTargetInput.parse(JSON.parse(row)))
  }

  get(id: string): NoticeTargetConfig | null {
    const row = this.db.prepare('SELECT config FROM notice_targets WHERE id = ?').pluck().get(id) as
      string | undefined
    return row === undefined ? null : noticeTargetInput.parse(JSON.parse(row))
  }

  /** Adds or replaces by id; a replaced target keeps its place in the list. */
  save(target: NoticeTargetConfig): void {
    const at = this.now()
    this.db
      .prepare(
        `INSERT INTO notice_targets (id, config, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
      )
      .run(target.id, JSON.stringify(target), at, at)
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM notice_targets WHERE id = ?').run(id).changes > 0
  }
}
