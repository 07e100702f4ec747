import type { NoticeField, NoticeKind, NoticeMessageState } from '../../../../shared/model/notices'
import type { Localized } from '../../../../shared/model/localized'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../store/database'
import { messageRowSelect, type NoticeMessageRow } from './message-rows'

/** What the worker needs of one message to send it. */
export interface DueRow {
  readonly id: number
  readonly event_row: number
  readonly employee_key: string
  readonly address: string
  readonly attempts: number
  readonly due_at: number
  readonly created_at: number
}

export interface EventFields {
  readonly kind: NoticeKind
  readonly fields: Readonly<Partial<Record<NoticeField, string>>>
}

export type StateCounts = Record<NoticeMessageState, number>

const dueColumns = 'id, event_row, employee_key, address, attempts, due_at, created_at'
const placeholders = (ids: readonly number[]): string => ids.map(() => '?').join(', ')

/**
 * The SQL of the outbox (notice_messages). Every write is one short statement or one short transaction,
 * so a kill -9 leaves each message either as it was or with its outcome recorded.
 */
export class QueueStore {
  /** Prepared once each: the worker runs the same few statements for every message. */
  private readonly statements = new Map<string, Statement>()

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text)
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)))
    return statement
  }

  /** Due messages of one target, oldest due first (the due index: the target's turn comes quickly). */
  due(targetId: string, now: number, limit: number): DueRow[] {
    return this.sql(
      `SELECT ${dueColumns} FROM notice_messages INDEXED BY notice_messages_due
         WHERE state = 'pending' AND due_at <= ? AND target_id = ? ORDER BY due_at, id LIMIT ?`,
    ).all(now, targetId, limit) as DueRow[]
  }

  hasDue(targetId: string, now: number): boolean {
    return (
      this.sql(
        `SELECT 1 FROM notice_messages INDEXED BY notice_messages_target
           WHERE target_id = ? AND state = 'pending' AND due_at <= ? LIMIT 1`,
      ).get(targetId, now) !== undefined
    )
  }

  /** The earliest due time after `now` (the worker's next timer), or null. */
  nextDueAfter(now: number): number | null {
    return this.sql(`SELECT min(due_at) FROM notice_messages WHERE state = 'pending' AND due_at > ?`)
      .pluck()
      .get(now) as number | null
  }

  isPending(id: number): boolean {
    return this.sql(`SELECT 1 FROM notice_messages WHERE id = ? AND state = 'pending'`).get(id) !== undefined
  }

  /** Every pending message of one person at one target, oldest first (a digest's members). */
  pendingPair(targetId: string, employeeKey: string): DueRow[] {
    return this.sql(
      `SELECT ${dueColumns} FROM notice_messages
         WHERE target_id = ? AND state = 'pending' AND employee_key = ? ORDER BY id`,
    ).all(targetId, employeeKey) as DueRow[]
  }

  event(row: number): EventFields | null {
    const found = this.sql('SELECT kind, fields FROM notice_events WHERE id = ?').get(row) as
      { kind: NoticeKind; fields: string } | undefined
    return found ? { kind: found.kind, fields: JSON.parse(found.fields) as EventFields['fields'] } : null
  }

  /** Targets that still hold pending messages (removed ones among them are dropped at start). */
  pendingTargets(): string[] {
    return this.sql(`SELECT DISTINCT target_id FROM notice_messages WHERE state = 'pending'`)
      .pluck()
      .all() as string[]
  }

  /** Only after the sender resolved. A message dropped meanwhile was sent all the same. */
  markSent(ids: readonly number[], digestOf: number | null, detail: string | null, now: number): void {
    this.sql(
      `UPDATE notice_messages SET state = 'sent', finished_at = ?, digest_of = ?, detail = ?, error = NULL
         WHERE id IN (${placeholders(ids)}) AND state IN ('pending', 'dropped')`,
    ).run(now, digestOf, detail, ...ids)
  }

  /** A digest's members wait for its release time (rows already due later keep theirs). */
  postpone(ids: readonly number[], dueAt: number): void {
    this.sql(
      `UPDATE notice_messages SET due_at = ? WHERE id IN (${placeholders(ids)}) AND state = 'pending' AND due_at < ?`,
    ).run(dueAt, ...ids, dueAt)
  }

  /** A transient failure: one more attempt counted, tried again at `dueAt`. */
  retryLater(ids: readonly number[], dueAt: number, error: Localized, detail: string | null): void {
    this.sql(
      `UPDATE notice_messages SET attempts = attempts + 1, due_at = ?, error = ?, detail = ?
         WHERE id IN (${placeholders(ids)}) AND state = 'pending'`,
    ).run(dueAt, JSON.stringify(error), detail, ...ids)
  }

  /** Counts the attempt that failed; returns the ids actually set aside (still pending when asked). */
  setAside(ids: readonly number[], error: Localized, detail: string | null, now: number): number[] {
    return this.sql(
      `UPDATE notice_messages SET state = 'set-aside', finished_at = ?, error = ?, detail = ?,
           attempts = attempts + 1 WHERE id IN (${placeholders(ids)}) AND state = 'pending' RETURNING id`,
    )
      .pluck()
      .all(now, JSON.stringify(error), detail, ...ids) as number[]
  }

  /** Set-aside messages (one, one target's, or all) go back to the queue, due now, attempts 0. */
  retry(filter: { id?: number; targetId?: string }, now: number): number {
    const where = ["state = 'set-aside'"]
    const args: (string | number)[] = []
    if (filter.id !== undefined) {
      where.push('id = ?')
      args.push(filter.id)
    }
    if (filter.targetId !== undefined) {
      where.push('target_id = ?')
      args.push(filter.targetId)
    }
    return this.sql(
      `UPDATE notice_messages SET state = 'pending', attempts = 0, due_at = ?, finished_at = NULL,
           error = NULL, detail = NULL WHERE ${where.join(' AND ')}`,
    ).run(now, ...args).changes
  }

  state(id: number): NoticeMessageState | null {
    return (
      (this.sql('SELECT state FROM notice_messages WHERE id = ?').pluck().get(id) as
        NoticeMessageState | undefined) ?? null
    )
  }

  dropTarget(targetId: string, now: number): number {
    return this.sql(
      `UPDATE notice_messages SET state = 'dropped', finished_at = ? WHERE target_id = ? AND state = 'pending'`,
    ).run(now, targetId).changes
  }

  counts(targetId?: string): StateCounts {
    const counts: StateCounts = { pending: 0, sent: 0, 'set-aside': 0, dropped: 0 }
    const rows = (
      targetId === undefined
        ? this.sql('SELECT state, count(*) AS n FROM notice_messages GROUP BY state').all()
        : this.db
            .prepare('SELECT state, count(*) AS n FROM notice_messages WHERE target_id = ? GROUP BY state')
            .all(targetId)
    ) as { state: NoticeMessageState; n: number }[]
    for (const row of rows) counts[row.state] = row.n
    return counts
  }

  /** Pending and set-aside only (the live counts of `notice.changed`): the due index, not the sent rows. */
  liveCounts(): { pending: number; setAside: number } {
    const count = this.sql(
      `SELECT count(*) FROM notice_messages INDEXED BY notice_messages_due WHERE state = ?`,
    ).pluck()
    return { pending: count.get('pending') as number, setAside: count.get('set-aside') as number }
  }

  lastFinished(targetId: string, state: 'sent' | 'set-aside'): { at: number; error: string | null } | null {
    const row = this.sql(
      `SELECT finished_at AS at, error FROM notice_messages INDEXED BY notice_messages_target
         WHERE target_id = ? AND state = ? ORDER BY finished_at DESC LIMIT 1`,
    ).get(targetId, state) as { at: number; error: string | null } | undefined
    return row ?? null
  }

  page(filter: {
    state?: NoticeMessageState
    targetId?: string
    before?: number
    limit: number
  }): NoticeMessageRow[] {
    const where: string[] = []
    const args: (string | number)[] = []
    const add = (clause: string, value: string | number | undefined): void => {
      if (value === undefined) return
      where.push(clause)
      args.push(value)
    }
    add('m.state = ?', filter.state)
    add('m.target_id = ?', filter.targetId)
    add('m.id < ?', filter.before)
    return this.sql(
      `${messageRowSelect}
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.id DESC LIMIT ?`,
    ).all(...args, filter.limit) as NoticeMessageRow[]
  }
}
