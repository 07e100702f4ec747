/**
 * `VisitRuleSource` read straight from storage: this site's rule sets in `link_rule_sets` (defaults when none
 * saved) and the partner's visit rules as received (`partner_items`, kind 'rules', key 'visit'). The rule
 * service of `rules/` answers the same questions; wiring it in is a one-line adapter.
 */
import { z } from 'zod'
import {
  acceptRuleSet,
  defaultAcceptRules,
  defaultVisitRules,
  visitRuleSet,
  type AcceptRuleSet,
  type VisitRuleSet,
} from '../../../../../shared/model/sitelink-rules'
import type { Db } from '../../../store/database'
import type { ReceivedVisitRules, VisitRuleSource } from './visit-ports'

const receivedVisit = z.object({
  everyone: z.boolean(),
  targets: visitRuleSet.shape.targets,
  groupMembers: z.record(z.string(), z.array(z.string())).default({}),
})

export function storedVisitRules(db: Db): VisitRuleSource {
  const mine = (linkId: string, kind: 'visit' | 'accept'): unknown => {
    const document = db
      .prepare('SELECT document FROM link_rule_sets WHERE link_id = ? AND kind = ?')
      .pluck()
      .get(linkId, kind) as string | undefined
    return document === undefined ? undefined : JSON.parse(document)
  }
  return {
    myVisitRules(linkId): VisitRuleSet {
      const stored = mine(linkId, 'visit')
      return stored === undefined ? defaultVisitRules : visitRuleSet.parse(stored)
    },
    myAcceptRules(linkId): AcceptRuleSet {
      const stored = mine(linkId, 'accept')
      return stored === undefined ? defaultAcceptRules : acceptRuleSet.parse(stored)
    },
    partnerVisitRules(linkId): ReceivedVisitRules | null {
      const data = db
        .prepare(`SELECT data FROM partner_items WHERE link_id = ? AND kind = 'rules' AND key = 'visit'`)
        .pluck()
        .get(linkId) as string | undefined
      if (data === undefined) return null
      // Checked on arrival; the version and anything else the wire carries are not the rules' business.
      const received = receivedVisit.parse(JSON.parse(data))
      return {
        rules: { everyone: received.everyone, targets: received.targets },
        groupMembers: received.groupMembers,
      }
    },
  }
}
