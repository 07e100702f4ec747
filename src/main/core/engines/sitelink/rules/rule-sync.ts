/**
 * The rules as they travel (link data kind 'rules'): what this site sends each partner, what it received
 * from each, and whether the partner acknowledged the current version. Only saved sets travel: a partner
 * holding none applies this site's defaults, which are the same.
 */
import type { RuleSetSync } from '../../../../../shared/model/sitelink-rules'
import type { Db } from '../../../store/database'
import {
  acceptRulesItem,
  visitRulesItem,
  type AcceptRulesItem,
  type VisitRulesItem,
} from '../exchange/exchange-wire'
import type { RulesExportSource } from '../exchange/exchange-ports'
import { itemHash } from '../exchange/home-export'
import type { RuleRepository, StoredRuleSet } from './rule-repository'

export type RuleItemKey = 'visit' | 'accept'

export class RuleSync implements RulesExportSource {
  constructor(
    private readonly db: Db,
    private readonly repository: RuleRepository,
  ) {}

  items(linkId: string): { key: RuleItemKey; data: VisitRulesItem | AcceptRulesItem }[] {
    const items: { key: RuleItemKey; data: VisitRulesItem | AcceptRulesItem }[] = []
    if (this.repository.saved(linkId, 'visit')) items.push({ key: 'visit', data: this.visitItem(linkId) })
    if (this.repository.saved(linkId, 'accept')) items.push({ key: 'accept', data: this.acceptItem(linkId) })
    return items
  }

  visitItem(linkId: string): VisitRulesItem {
    const { set, version } = this.repository.visit(linkId)
    const groups = set.targets.flatMap((t) => (t.kind === 'group' ? [t.code] : []))
    return { version, everyone: set.everyone, targets: set.targets, groupMembers: this.members(groups) }
  }

  acceptItem(linkId: string): AcceptRulesItem {
    const { set, version } = this.repository.accept(linkId)
    return { version, rules: set.rules }
  }

  /** The partner's visit rules as last received (null: none yet). */
  partnerVisit(linkId: string): VisitRulesItem | null {
    const parsed = visitRulesItem.safeParse(this.received(linkId, 'visit'))
    return parsed.success ? parsed.data : null
  }

  /** The partner's accept rules as last received (null: none yet). */
  partnerAccept(linkId: string): AcceptRulesItem | null {
    const parsed = acceptRulesItem.safeParse(this.received(linkId, 'accept'))
    return parsed.success ? parsed.data : null
  }

  /**
   * Synced = the partner acknowledged what this site would send now: the sent state holds the current
   * item's hash and no 'rules' batch waits in the outbox. Never saved (version 0): both sides hold defaults.
   */
  sync(
    linkId: string,
    key: RuleItemKey,
    stored: StoredRuleSet<unknown>,
    plannedSendAt: number | null,
  ): RuleSetSync {
    const base = { version: stored.version, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy }
    if (stored.version === 0) return { ...base, synced: true, plannedSendAt: null }
    const current = key === 'visit' ? this.visitItem(linkId) : this.acceptItem(linkId)
    const sentHash = this.db
      .prepare(`SELECT hash FROM link_sent WHERE link_id = ? AND kind = 'rules' AND key = ?`)
      .pluck()
      .get(linkId, key) as string | undefined
    const waiting = this.db
      .prepare(`SELECT 1 FROM link_outbox WHERE link_id = ? AND kind = 'rules' LIMIT 1`)
      .get(linkId)
    const synced = sentHash === itemHash(current) && waiting === undefined
    return { ...base, synced, plannedSendAt: synced ? null : plannedSendAt }
  }

  private received(linkId: string, key: RuleItemKey): unknown {
    const data = this.db
      .prepare(`SELECT data FROM partner_items WHERE link_id = ? AND kind = 'rules' AND key = ?`)
      .pluck()
      .get(linkId, key) as string | undefined
    return data === undefined ? undefined : JSON.parse(data)
  }

  /** Members of the given home groups, sorted, so an unchanged group hashes the same every time. */
  private members(groups: readonly string[]): Record<string, string[]> {
    const members: Record<string, string[]> = Object.fromEntries(groups.map((g) => [g, []]))
    if (groups.length === 0) return members
    const rows = this.db
      .prepare(
        `SELECT g.value, o.key FROM directory_objects o, json_each(o.data, '$.groups') g
         WHERE o.kind = 'employee' AND g.value IN (${groups.map(() => '?').join(', ')}) ORDER BY o.key`,
      )
      .raw()
      .all(...groups) as [string, string][]
    for (const [group, key] of rows) members[group]!.push(key)
    return members
  }
}
