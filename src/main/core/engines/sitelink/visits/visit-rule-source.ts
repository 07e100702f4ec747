/** The rule sets a visit is decided by, as the rule service keeps them (this site's, the partner's received). */
import type { RuleService } from '../rules/rule-service'
import type { VisitRuleSource } from './visit-ports'

export function visitRulesOf(service: RuleService): VisitRuleSource {
  return {
    myVisitRules: (linkId) => service.repository.visit(linkId).set,
    myAcceptRules: (linkId) => service.repository.accept(linkId).set,
    partnerVisitRules(linkId) {
      const received = service.sync.partnerVisit(linkId)
      return (
        received && {
          rules: { everyone: received.everyone, targets: received.targets },
          groupMembers: received.groupMembers,
        }
      )
    },
  }
}
