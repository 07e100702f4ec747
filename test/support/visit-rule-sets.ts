/**
 * Writes a site's own rule set for one link where the visit landing reads it (`link_rule_sets`, migration
 * 013), through a second connection while the core runs: the rule-set API of `rules/` is not wired yet.
 */
import type { AcceptRuleInput, VisitRuleSet } from '../../src/shared/model/sitelink-rules'
import { openDatabase } from '../../src/main/core/store/database'

export function writeRuleSet(
  dataDir: string,
  linkId: string,
  set: { kind: 'visit'; document: VisitRuleSet } | { kind: 'accept'; document: { rules: AcceptRuleInput[] } },
  at: number,
): void {
  const db = openDatabase(dataDir)
  try {
    db.prepare(
      `INSERT INTO link_rule_sets (link_id, kind, document, version, updated_at, updated_by) VALUES (?, ?, ?, 1, ?, 'test')
       ON CONFLICT (link_id, kind) DO UPDATE SET document = excluded.document, version = version + 1,
         updated_at = excluded.updated_at`,
    ).run(linkId, set.kind, JSON.stringify(set.document), at)
  } finally {
    db.close()
  }
}
