/**
 * The "who may visit" table (`link.visitors`): every person of one direction, 100 a page. The rules are
 * compiled once per call and each person gets the fast decision only; labels are made for the page's rows.
 */
import type { ParsedInput } from '../../../../../shared/api'
import type { Localized } from '../../../../../shared/model/localized'
import type { VisitorPage, VisitorRow } from '../../../../../shared/model/sitelink-rules'
import { compileAcceptRules, type FastAcceptDecision } from './accept-rules'
import { evaluationFor } from './rule-explain'
import { acceptRuleLabel } from './rule-labels'
import type { RulePerson } from './rule-directories'
import type { RuleService } from './rule-service'
import { compileVisitRules } from './visit-rules'

export const visitorPageSize = 100

const notAVisitTarget: Localized = { ja: '訪問設定の対象外', en: 'Not a visit target' }

export function visitors(rules: RuleService, input: ParsedInput<'link.visitors'>): VisitorPage {
  rules.known(input.id)
  const { directory, visit, accept } = evaluationFor(rules, input.id, input.direction)
  const visitRules = compileVisitRules(visit, directory.tree)
  const acceptRules = compileAcceptRules(accept, directory.tree)
  const query = input.query?.trim().toLowerCase() ?? ''
  const page: { person: RulePerson; decision: FastAcceptDecision | null }[] = []
  let total = 0
  let allowedTotal = 0
  for (const person of directory.people()) {
    const { subject, name } = person
    if (query && !subject.key.toLowerCase().includes(query) && !name.toLowerCase().includes(query)) continue
    const decision = visitRules.allows(subject) ? acceptRules.decide(subject, null) : null
    const allowed = decision !== null && decision.permission !== 'none'
    if (allowed) allowedTotal++
    if (input.allowed !== undefined && input.allowed !== allowed) continue
    if (total >= input.offset && page.length < visitorPageSize) page.push({ person, decision })
    total++
  }
  const byId = new Map(accept.rules.map((rule) => [rule.id, rule]))
  const rows = page.map(({ person, decision }): VisitorRow => {
    const rule = decision ? byId.get(decision.ruleId) : undefined
    return {
      key: person.subject.key,
      name: person.name,
      mainDepartment: person.subject.mainDepartment,
      mainDepartmentName:
        person.subject.mainDepartment === null
          ? null
          : directory.names.department(person.subject.mainDepartment),
      allowed: decision !== null && decision.permission !== 'none',
      permission: decision?.permission ?? null,
      ruleId: decision?.ruleId ?? null,
      ruleLabel: rule ? acceptRuleLabel(rule, directory.names) : notAVisitTarget,
    }
  })
  const next = input.offset + rows.length
  return {
    linkId: input.id,
    direction: input.direction,
    rows,
    total,
    allowedTotal,
    offset: input.offset,
    nextOffset: next < total ? next : null,
  }
}
