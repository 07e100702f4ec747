/**
 * A saved rule may only name what exists: visit targets in the home directory (they pick my people);
 * accept rules in the partner's directory as received (they name the visitors); view restrictions in the
 * home directory (what visitors may see here). Each unknown code is one problem, ja and en.
 */
import type { Localized } from '../../../../../shared/model/localized'
import type { AcceptRuleSet, VisitRuleSet } from '../../../../../shared/model/sitelink-rules'
import type { RuleNames } from './rule-labels'

type Kind = 'department' | 'position' | 'employee' | 'group'

const kindNames: Record<Kind, Localized> = {
  department: { ja: '部署', en: 'department' },
  position: { ja: '役職', en: 'position' },
  employee: { ja: '社員', en: 'employee' },
  group: { ja: 'グループ', en: 'group' },
}

const homeWhere: Localized = { ja: 'ホームディレクトリ', en: 'the home directory' }
const partnerWhere: Localized = {
  ja: '連携先から受信したディレクトリ',
  en: "the partner's directory as received",
}

function unknown(owner: Localized, kind: Kind, code: string, where: Localized): Localized {
  return {
    ja: `${owner.ja}の${kindNames[kind].ja}「${code}」は${where.ja}にありません`,
    en: `${owner.en}: ${kindNames[kind].en} "${code}" is not in ${where.en}`,
  }
}

function exists(names: RuleNames, kind: Kind, code: string): boolean {
  return names[kind](code) !== null
}

export function visitReferenceProblems(set: VisitRuleSet, home: RuleNames): Localized[] {
  const owner: Localized = { ja: '訪問対象', en: 'Visit target' }
  return set.targets.flatMap((target) => {
    const code = target.kind === 'employee' ? target.key : target.code
    return exists(home, target.kind, code) ? [] : [unknown(owner, target.kind, code, homeWhere)]
  })
}

export function acceptReferenceProblems(
  set: AcceptRuleSet,
  partner: RuleNames,
  home: RuleNames,
): Localized[] {
  return set.rules.flatMap((rule) => {
    const owner: Localized = { ja: `受入ルール「${rule.id}」`, en: `Accept rule "${rule.id}"` }
    const named: [Kind, string | undefined][] = [
      ['department', rule.department],
      ['position', rule.position],
      ['employee', rule.employee],
    ]
    const problems = named.flatMap(([kind, code]) =>
      code === undefined || exists(partner, kind, code) ? [] : [unknown(owner, kind, code, partnerWhere)],
    )
    const view = rule.view
    if (view === null) return problems
    const viewOwner: Localized = { ja: `${owner.ja}の閲覧権限`, en: `${owner.en}, view restriction` }
    const seen = [
      ...view.departments.map((code) => ['department', code] as const),
      ...view.employees.map((code) => ['employee', code] as const),
    ]
    return [
      ...problems,
      ...seen.flatMap(([kind, code]) =>
        exists(home, kind, code) ? [] : [unknown(viewOwner, kind, code, homeWhere)],
      ),
    ]
  })
}
