import type { Localized } from '../../../../shared/model/localized'
import type { NoticeKind, NoticeMessageState, NoticeMessageView } from '../../../../shared/model/notices'

/** A notice_messages row with its event's kind: what `messageView` reads. */
export interface NoticeMessageRow {
  readonly id: number
  readonly event_row: number
  readonly kind: NoticeKind
  readonly target_id: string
  readonly employee_key: string
  readonly address: string
  readonly state: NoticeMessageState
  readonly attempts: number
  readonly due_at: number
  readonly created_at: number
  readonly finished_at: number | null
  readonly error: string | null
  readonly detail: string | null
  readonly digest_of: number | null
}

/** Selects `NoticeMessageRow`s: append WHERE / ORDER BY (the messages are `m`, their events `e`). */
export const messageRowSelect = `SELECT m.id, m.event_row, e.kind, m.target_id, m.employee_key, m.address, m.state,
  m.attempts, m.due_at, m.created_at, m.finished_at, m.error, m.detail, m.digest_of
  FROM notice_messages m JOIN notice_events e ON e.id = m.event_row`

/** One row as the screens show it; `nameOf` gives an employee's name (their key once they left the directory). */
export function messageView(
  row: NoticeMessageRow,
  nameOf: (employeeKey: string) => string,
): NoticeMessageView {
  return {
    id: row.id,
    eventRow: row.event_row,
    kind: row.kind,
    targetId: row.target_id,
    employeeKey: row.employee_key,
    employeeName: nameOf(row.employee_key),
    address: row.address,
    state: row.state,
    attempts: row.attempts,
    dueAt: row.due_at,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: parseLocalized(row.error),
    detail: row.detail,
    digestOf: row.digest_of,
  }
}

/** A stored bilingual error (JSON) back as text for the screens; null stays null. */
export function parseLocalized(text: string | null): Localized | null {
  return text === null ? null : (JSON.parse(text) as Localized)
}
