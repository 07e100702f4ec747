/**
 * 「なぜログインできないのか」: one person's outcome with its rule trail, per partner. Outgoing = a home
 * employee going to partners (my visit rules, the partner's accept rules as received, the home department
 * tree); incoming = a partner's employee coming here (its visit rules as received, my accept rules, the
 * partner's department tree). The evaluation itself is the rule engine's.
 */
import type { ParsedInput } from '../../../../../shared/api'
import { ApiError } from '../../../../../shared/model/errors'
import type { AcceptRuleSet, LinkExplanation, VisitRuleSet } from '../../../../../shared/model/sitelink-rules'
import { decideAccept, decideOutcome } from './accept-rules'
import type { RuleDirectory } from './rule-directories'
import type { RuleService } from './rule-service'
import { decideVisit } from './visit-rules'

export type Direction = 'outgoing' | 'incoming'

/** What one direction of one link is evaluated with. */
export interface Evaluation {
  readonly directory: RuleDirectory
  readonly visit: VisitRuleSet
  readonly accept: AcceptRuleSet
}

export function evaluationFor(
  rules: RuleService,
  linkId: string,
  direction: Direction,
  home?: RuleDirectory,
): Evaluation {
  if (direction === 'outgoing') {
    return {
      directory: home ?? rules.homeDirectory(),
      visit: rules.repository.visit(linkId).set,
      accept: rules.partnerAccept(linkId),
    }
  }
  const partnerVisit = rules.partnerVisit(linkId)
  return {
    directory: rules.partnerDirectory(linkId),
    visit: partnerVisit.set,
    accept: rules.repository.accept(linkId).set,
  }
}

function unknownEmployee(key: string, direction: Direction): ApiError {
  const where =
    direction === 'outgoing'
      ? { ja: 'ホームディレクトリ', en: 'the home directory' }
      : { ja: '連携先から受信した社員', en: "the partner's employees as received" }
  return new ApiError('not-found', {
    ja: `社員「${key}」は${where.ja}にいません。社員番号（キー）を確認してください。`,
    en: `There is no employee "${key}" in ${where.en}. Check the employee key.`,
  })
}

const incomingNeedsLink = new ApiError('invalid-input', {
  ja: '連携先の社員について調べるときはリンク（linkId）を指定してください。',
  en: "To explain a partner's employee, name the link (linkId).",
})

export function explain(rules: RuleService, input: ParsedInput<'link.explain'>): LinkExplanation {
  const { employeeKey, direction } = input
  const address = input.address ?? null
  if (input.linkId !== undefined) rules.known(input.linkId)
  if (direction === 'incoming' && input.linkId === undefined) throw incomingNeedsLink
  const linkIds = input.linkId !== undefined ? [input.linkId] : rules.links.active().map((link) => link.id)
  const home = direction === 'outgoing' ? rules.homeDirectory() : undefined
  let employee: { key: string; name: string } | null = home ? personOf(home, employeeKey) : null
  if (home && employee === null) throw unknownEmployee(employeeKey, direction)
  const links = linkIds.map((linkId) => {
    const { directory, visit, accept } = evaluationFor(rules, linkId, direction, home)
    const person = directory.person(employeeKey)
    if (!person) throw unknownEmployee(employeeKey, direction)
    employee ??= { key: person.subject.key, name: person.name }
    const visitDecision = decideVisit(visit, person.subject, directory.tree, directory.names)
    const acceptDecision = visitDecision.allowed
      ? decideAccept(accept, person.subject, directory.tree, directory.names, address)
      : null
    const deciding = acceptDecision && accept.rules.find((rule) => rule.id === acceptDecision.ruleId)
    return {
      linkId,
      partnerName: rules.links.name(linkId),
      outcome: decideOutcome(visitDecision, acceptDecision),
      networks: deciding?.networks ?? [],
    }
  })
  return { employee: employee ?? { key: employeeKey, name: employeeKey }, direction, address, links }
}

function personOf(directory: RuleDirectory, key: string): { key: string; name: string } | null {
  const person = directory.person(key)
  return person ? { key: person.subject.key, name: person.name } : null
}
