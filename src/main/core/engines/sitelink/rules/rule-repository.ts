/**
 * This site's visit and accept rule sets per link (migration 013, `link_rule_sets`): one JSON document per
 * (link, kind), versioned so the partner's acknowledgement of the current one can be told from an older send.
 */
import {
  acceptRuleSet,
  defaultAcceptRules,
  defaultVisitRules,
  visitRuleSet,
  type AcceptRuleSet,
  type VisitRuleSet,
} from '../../../../../shared/model/sitelink-rules'
import type { Db } from '../../../store/database'

export interface StoredRuleSet<T> {
  readonly set: T
  /** 0: never saved (the defaults apply). */
  readonly version: number
  readonly updatedAt: number | null
  readonly updatedBy: string | null
}

interface Row {
  readonly document: string
  readonly version: number
  readonly updatedAt: number
  readonly updatedBy: string | null
}

export class RuleRepository {
  constructor(private readonly db: Db) {}

  visit(linkId: string): StoredRuleSet<VisitRuleSet> {
    const row = this.row(linkId, 'visit')
    return row ? stored(row, visitRuleSet.parse(JSON.parse(row.document))) : fresh(defaultVisitRules)
  }

  accept(linkId: string): StoredRuleSet<AcceptRuleSet> {
    const row = this.row(linkId, 'accept')
    return row ? stored(row, acceptRuleSet.parse(JSON.parse(row.document))) : fresh(defaultAcceptRules)
  }

  /** Whether the admin ever saved this kind for the link (only saved sets travel to the partner). */
  saved(linkId: string, kind: 'visit' | 'accept'): boolean {
    return this.row(linkId, kind) !== null
  }

  /** Saves both given sets in one transaction; each saved kind's version goes up by one. */
  save(
    linkId: string,
    sets: { readonly visit?: VisitRuleSet; readonly accept?: AcceptRuleSet },
    at: number,
    by: string | null,
  ): void {
    const write = this.db.prepare(
      `INSERT INTO link_rule_sets (link_id, kind, document, version, updated_at, updated_by) VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (link_id, kind) DO UPDATE SET document = excluded.document, version = version + 1,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    this.db.transaction(() => {
      if (sets.visit) write.run(linkId, 'visit', JSON.stringify(sets.visit), at, by)
      if (sets.accept) write.run(linkId, 'accept', JSON.stringify(sets.accept), at, by)
    })()
  }

  private row(linkId: string, kind: 'visit' | 'accept'): Row | null {
    const row = this.db
      .prepare(
        `SELECT document, version, updated_at AS updatedAt, updated_by AS updatedBy
         FROM link_rule_sets WHERE link_id = ? AND kind = ?`,
      )
      .get(linkId, kind) as Row | undefined
    return row ?? null
  }
}

const stored = <T>(row: Row, set: T): StoredRuleSet<T> => ({
  set,
  version: row.version,
  updatedAt: row.updatedAt,
  updatedBy: row.updatedBy,
})

const fresh = <T>(set: T): StoredRuleSet<T> => ({ set, version: 0, updatedAt: null, updatedBy: null })
