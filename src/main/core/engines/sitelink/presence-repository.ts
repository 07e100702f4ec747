/** Presence (在席状況) rows in SQLite: one per home employee and day (migration 012). */
import type { PresenceEntry, PresenceKind } from '../../../../shared/model/sitelink'
import type { Db } from '../../store/database'

interface PresenceRow {
  employee_key: string
  date: string
  kind: PresenceKind
  destination: string | null
  return_at: number | null
  note: string | null
  updated_at: number
}

export interface PresenceQuery {
  /** YYYY-MM-DD */
  readonly date?: string
  readonly employeeKey?: string
}

const columns = 'employee_key, date, kind, destination, return_at, note, updated_at'

function toEntry(row: PresenceRow): PresenceEntry {
  return {
    employeeKey: row.employee_key,
    date: row.date,
    kind: row.kind,
    destination: row.destination,
    returnAt: row.return_at,
    note: row.note,
    updatedAt: row.updated_at,
  }
}

export class PresenceRepository {
  constructor(private readonly db: Db) {}

  /** By date, then employee key. */
  list(query: PresenceQuery): PresenceEntry[] {
    const where: string[] = []
    const params: string[] = []
    if (query.date !== undefined) {
      where.push('date = ?')
      params.push(query.date)
    }
    if (query.employeeKey !== undefined) {
      where.push('employee_key = ?')
      params.push(query.employeeKey)
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
    const rows = this.db
      .prepare(`SELECT ${columns} FROM sitelink_presence ${filter} ORDER BY date, employee_key`)
      .all(...params) as PresenceRow[]
    return rows.map(toEntry)
  }

  get(employeeKey: string, date: string): PresenceEntry | null {
    const row = this.db
      .prepare(`SELECT ${columns} FROM sitelink_presence WHERE employee_key = ? AND date = ?`)
      .get(employeeKey, date) as PresenceRow | undefined
    return row ? toEntry(row) : null
  }

  /** Replaces the employee's entry for that day. */
  save(entry: PresenceEntry): void {
    this.db
      .prepare(
        `INSERT INTO sitelink_presence (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (employee_key, date) DO UPDATE SET kind = excluded.kind, destination = excluded.destination,
           return_at = excluded.return_at, note = excluded.note, updated_at = excluded.updated_at`,
      )
      .run(
        entry.employeeKey,
        entry.date,
        entry.kind,
        entry.destination,
        entry.returnAt,
        entry.note,
        entry.updatedAt,
      )
  }

  /** True when there was an entry to remove. */
  remove(employeeKey: string, date: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM sitelink_presence WHERE employee_key = ? AND date = ?')
        .run(employeeKey, date).changes > 0
    )
  }
}
