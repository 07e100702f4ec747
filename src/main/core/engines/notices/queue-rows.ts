import type { NoticeKind, NoticeMessageState, NoticeMessageView } from '../../../../shared/model/notices'
import type { Localized } from '../../../../shared/model/localized'
import type { DirectoryEmployee } from '../../../../shared/model/directory'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'

/**
 * One row of notice_messages with its event's kind, as the queue's list and the worker read it. The core
 * part has no row mapper on main yet, so the queue keeps its own here.
 */
export interface MessageRow {
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

export const messageColumns = `m.id, m.event_row, e.kind, m.target_id, m.employee_key, m.address, m.state,
  m.attempts, m.due_at, m.created_at, m.finished_at, m.error, m.detail, m.digest_of`

/** An employee as the home directory holds them now (null: no longer there; the message keeps its address). */
export function employeeOf(home: HomeDirectoryRepository, key: string): DirectoryEmployee | null {
  const found = home.objects([`employee\t${key}`]).get(`employee\t${key}`)
  return (found as DirectoryEmployee | undefined) ?? null
}

export function parseLocalized(text: string | null): Localized | null {
  return text === null ? null : (JSON.parse(text) as Localized)
}

/** Rows → views; each employee's name is read once per page. */
export function messageViews(
  rows: readonly MessageRow[],
  home: HomeDirectoryRepository,
): NoticeMessageView[] {
  const names = new Map<string, string>()
  const nameOf = (key: string): string => {
    let name = names.get(key)
    if (name === undefined) names.set(key, (name = employeeOf(home, key)?.nameJa ?? key))
    return name
  }
  return rows.map((row) => ({
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
  }))
}
