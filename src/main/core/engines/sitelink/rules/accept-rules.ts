import type { Localized } from '../../../../../shared/model/localized'
import type {
  AcceptDecision,
  AcceptRule,
  AcceptRuleSet,
  LinkPermission,
  RuleSubject,
  RuleTrailStep,
  VisitDecision,
  VisitOutcome,
} from '../../../../../shared/model/sitelink-rules'
import { compileNetworks, networkFor, type CompiledNetworks } from './accept-networks'
import { comparePriority, matchAcceptRule, type SubjectDepartments } from './accept-trail'
import { lineageOf, type DepartmentTree } from './department-tree'
import { acceptRuleLabel, permissionLabels, type RuleNames } from './rule-labels'

export interface FastAcceptDecision {
  readonly permission: LinkPermission
  readonly ruleId: string
}

/** Only a set without a global rule (refused by checkAcceptRules) can leave a person without a rule: no sign-in. */
const noRuleId = ''

function departmentsOf(subject: RuleSubject, tree: DepartmentTree): SubjectDepartments {
  const main = new Map<string, number>()
  if (subject.mainDepartment !== null)
    lineageOf(tree, subject.mainDepartment).forEach((code, distance) => main.set(code, distance))
  const others = new Set<string>()
  for (const other of subject.otherDepartments)
    for (const code of lineageOf(tree, other)) if (!main.has(code)) others.add(code)
  return { main, others }
}

function networkWhy(network: { range: string; permission: LinkPermission }, address: string): Localized {
  const label = permissionLabels[network.permission]
  return {
    ja: ` 接続元 ${address} は詳細設定の ${network.range} に含まれるため、権限は ${label.ja} です。`,
    en: ` The address ${address} is in ${network.range} (advanced setting), so the permission is ${label.en}.`,
  }
}

/** 受入 for one person, with the trail (every rule that concerns them, lowest priority first). */
export function decideAccept(
  rules: AcceptRuleSet,
  subject: RuleSubject,
  tree: DepartmentTree,
  names: RuleNames,
  address: string | null,
): AcceptDecision {
  const departments = departmentsOf(subject, tree)
  const looked = rules.rules
    .map((rule, index) => ({ rule, index, ...matchAcceptRule(rule, subject, departments, names) }))
    .filter((step) => step.relevant)
    .sort(comparePriority)
  const winner = looked.filter((step) => step.matched).at(-1)
  const network =
    winner && address !== null ? networkFor(compileNetworks(winner.rule.networks), address) : null
  const trail: RuleTrailStep[] = looked.map((step) => {
    const decisive = step === winner
    const why = decisive && network && address !== null ? networkWhy(network, address) : null
    return {
      ruleId: step.rule.id,
      label: acceptRuleLabel(step.rule, names),
      matched: step.matched,
      decisive,
      why: why ? { ja: step.why.ja + why.ja, en: step.why.en + why.en } : step.why,
    }
  })
  if (!winner) {
    return {
      permission: 'none',
      ruleId: noRuleId,
      ruleScope: 'global',
      network: null,
      products: null,
      view: null,
      trail,
    }
  }
  return {
    permission: network?.permission ?? winner.rule.permission,
    ruleId: winner.rule.id,
    ruleScope: winner.rule.scope,
    network,
    products: winner.rule.products,
    view: winner.rule.view,
    trail,
  }
}

interface MainDepartmentRules {
  /** The nearest department rule of the main department's lineage. */
  readonly department: AcceptRule | undefined
  /** Department+position rules of the lineage, nearest department first, then list order. */
  readonly departmentPositions: readonly AcceptRule[]
}

function firstByCode(
  rules: readonly AcceptRule[],
  codeOf: (rule: AcceptRule) => string | undefined,
): Map<string, AcceptRule> {
  const first = new Map<string, AcceptRule>()
  for (const rule of rules) {
    const code = codeOf(rule)
    if (code !== undefined && !first.has(code)) first.set(code, rule)
  }
  return first
}

/** The same permission and rule as `decideAccept`, without a trail: maps by code and a cache per main department. */
export function compileAcceptRules(
  rules: AcceptRuleSet,
  tree: DepartmentTree,
): { decide(subject: RuleSubject, address: string | null): FastAcceptDecision } {
  const ofScope = (scope: AcceptRule['scope']): AcceptRule[] =>
    rules.rules.filter((rule) => rule.scope === scope)
  const global = ofScope('global')[0]
  const employees = firstByCode(ofScope('employee'), (rule) => rule.employee)
  const positions = firstByCode(ofScope('position'), (rule) => rule.position)
  const departments = firstByCode(ofScope('department'), (rule) => rule.department)
  const departmentPositions = ofScope('department-position')
  const indexOf = new Map(rules.rules.map((rule, index) => [rule, index]))
  const networks = new Map<AcceptRule, CompiledNetworks>(
    rules.rules.map((rule) => [rule, compileNetworks(rule.networks)]),
  )
  const byMain = new Map<string, MainDepartmentRules>()
  const mainRules = (main: string): MainDepartmentRules => {
    let found = byMain.get(main)
    if (!found) {
      const lineage = lineageOf(tree, main)
      found = {
        department: lineage.map((code) => departments.get(code)).find((rule) => rule !== undefined),
        departmentPositions: lineage.flatMap((code) =>
          departmentPositions.filter((rule) => rule.department === code),
        ),
      }
      byMain.set(main, found)
    }
    return found
  }
  const positionRule = (held: readonly string[]): AcceptRule | undefined => {
    let best: AcceptRule | undefined
    for (const code of held) {
      const rule = positions.get(code)
      if (rule && (!best || indexOf.get(rule)! < indexOf.get(best)!)) best = rule
    }
    return best
  }
  return {
    decide(subject, address) {
      const main = subject.mainDepartment === null ? undefined : mainRules(subject.mainDepartment)
      const rule =
        employees.get(subject.key) ??
        main?.departmentPositions.find((candidate) => subject.positions.includes(candidate.position!)) ??
        main?.department ??
        positionRule(subject.positions) ??
        global
      if (!rule) return { permission: 'none', ruleId: noRuleId }
      const network = networkFor(networks.get(rule)!, address)
      return { permission: network?.permission ?? rule.permission, ruleId: rule.id }
    },
  }
}

function decisiveLabel(trail: readonly RuleTrailStep[]): Localized {
  return trail.find((step) => step.decisive)?.label ?? { ja: '（なし）', en: '(none)' }
}

/**
 * Visit rules first (the home site's), then accept rules (the receiving site's). A missing accept decision
 * refuses: nobody gets in on rules nobody evaluated.
 */
export function decideOutcome(visit: VisitDecision, accept: AcceptDecision | null): VisitOutcome {
  if (!visit.allowed) {
    return {
      allowed: false,
      visit,
      accept: null,
      reason: { ja: '訪問設定の対象外です。', en: 'Not among the visit targets (visit settings).' },
    }
  }
  if (accept === null) {
    return {
      allowed: false,
      visit,
      accept,
      reason: {
        ja: '受入設定が判定されていないため訪問できません。',
        en: 'No accept settings were evaluated, so the visit is refused.',
      },
    }
  }
  const label = decisiveLabel(accept.trail)
  const permission = permissionLabels[accept.permission]
  const via = accept.network
    ? { ja: `の詳細設定（${accept.network.range}）`, en: ` (advanced setting for ${accept.network.range})` }
    : { ja: '', en: '' }
  if (accept.permission === 'none') {
    return {
      allowed: false,
      visit,
      accept,
      reason: {
        ja: `受入設定『${label.ja}』${via.ja}で ${permission.ja} です。`,
        en: `The accept setting “${label.en}”${via.en} does not allow signing in.`,
      },
    }
  }
  return {
    allowed: true,
    visit,
    accept,
    reason: {
      ja: `受入設定『${label.ja}』${via.ja}により ${permission.ja} 権限で訪問できます。`,
      en: `May visit with ${permission.en} permission by the accept setting “${label.en}”${via.en}.`,
    },
  }
}
