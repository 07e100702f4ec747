import type { NoticeField, NoticeKind } from '../../../../shared/model/notices'
import type { Db } from '../../store/database'

/** How many notices the gadget shows: the newest ones. */
export const gadgetNoticeLimit = 20

/** One inbox row with its event, before the template is filled in. */
export interface InboxRow {
  readonly id: number
  readonly kind: NoticeKind
  readonly fields: Readonly<Partial<Record<NoticeField, string>>>
  readonly at: number
  readonly read: boolean
}

interface RawRow {
  readonly id: number
  readonly kind: NoticeKind
  readonly fields: string
  readonly at: number
  readonly readAt: number | null
}

/** An employee's gadget inbox (rows the intake adds): newest first, unread count, marking read. */
export class GadgetInbox {
  constructor(private readonly db: Db) {}

  newest(employeeKey: string): InboxRow[] {
    const rows = this.db
      .prepare(
        `SELECT i.id AS id, e.kind AS kind, e.fields AS fields, e.occurred_at AS at, i.read_at AS readAt
           FROM notice_inbox i JOIN notice_events e ON e.id = i.event_row
          WHERE i.employee_key = ? ORDER BY i.id DESC LIMIT ?`,
      )
      .all(employeeKey, gadgetNoticeLimit) as RawRow[]
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      fields: JSON.parse(row.fields) as InboxRow['fields'],
      at: row.at,
      read: row.readAt !== null,
    }))
  }

  unread(employeeKey: string): number {
    return this.db
      .prepare('SELECT COUNT(*) FROM notice_inbox WHERE employee_key = ? AND read_at IS NULL')
      .pluck()
      .get(employeeKey) as number
  }

  /** Marks the given rows (only this employee's) or all of them read; returns how many changed. */
  markRead(employeeKey: string, ids: readonly number[] | 'all', at: number): number {
    if (ids === 'all') {
      return this.db
        .prepare('UPDATE notice_inbox SET read_at = ? WHERE employee_key = ? AND read_at IS NULL')
        .run(at, employeeKey).changes
    }
    const update = this.db.prepare(
      'UPDATE notice_inbox SET read_at = ? WHERE id = ? AND employee_key = ? AND read_at IS NULL',
    )
    return this.db.transaction(() => ids.reduce((n, id) => n + update.run(at, id, employeeKey).changes, 0))()
  }
}
