/**
 * The visit log (migration 013 `link_visits`, both sides) and the used one-time tokens (`link_visit_tokens`,
 * kept until their expiry so a second use is told apart from an expired one and refused).
 */
import type { LinkPermission, VisitDecisionKind } from '../../../../../shared/model/sitelink-rules'
import type { Db } from '../../../store/database'
import type { VisitReasonCode } from './visit-reasons'

export interface NewVisitRow {
  readonly at: number
  readonly linkId: string | null
  readonly side: 'issued' | 'received'
  readonly employeeKey: string | null
  readonly employeeName: string | null
  readonly address: string | null
  readonly decision: VisitDecisionKind
  readonly permission: LinkPermission | null
  readonly ruleId: string | null
  readonly reason: VisitReasonCode
}

export interface StoredVisitRow extends NewVisitRow {
  readonly id: number
}

interface Row {
  id: number
  at: number
  link_id: string | null
  side: 'issued' | 'received'
  employee_key: string | null
  employee_name: string | null
  address: string | null
  decision: VisitDecisionKind
  permission: LinkPermission | null
  rule_id: string | null
  reason_code: VisitReasonCode
}

export class VisitLogRepository {
  constructor(private readonly db: Db) {}

  add(row: NewVisitRow): number {
    const result = this.db
      .prepare(
        `INSERT INTO link_visits (at, link_id, side, employee_key, employee_name, address, decision, permission, rule_id, reason_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.at,
        row.linkId,
        row.side,
        row.employeeKey,
        row.employeeName,
        row.address,
        row.decision,
        row.permission,
        row.ruleId,
        row.reason,
      )
    return Number(result.lastInsertRowid)
  }

  /** Newest first, below the `before` id; one row more than asked says whether another page exists. */
  page(query: { linkId?: string; before?: number; limit: number }): StoredVisitRow[] {
    const where: string[] = []
    const params: (string | number)[] = []
    if (query.linkId !== undefined) {
      where.push('link_id = ?')
      params.push(query.linkId)
    }
    if (query.before !== undefined) {
      where.push('id < ?')
      params.push(query.before)
    }
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`
    const rows = this.db
      .prepare(`SELECT * FROM link_visits ${clause} ORDER BY id DESC LIMIT ?`)
      .all(...params, query.limit + 1) as Row[]
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      linkId: r.link_id,
      side: r.side,
      employeeKey: r.employee_key,
      employeeName: r.employee_name,
      address: r.address,
      decision: r.decision,
      permission: r.permission,
      ruleId: r.rule_id,
      reason: r.reason_code,
    }))
  }

  /**
   * Marks a token used; false when it was used before. Tokens past their expiry are dropped first: the
   * expiry check refuses them before this one is asked.
   */
  useToken(tokenId: string, expiresAt: number, now: number): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM link_visit_tokens WHERE expires_at < ?').run(now)
      const inserted = this.db
        .prepare('INSERT INTO link_visit_tokens (token_id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING')
        .run(tokenId, expiresAt)
      return inserted.changes === 1
    })()
  }
}
