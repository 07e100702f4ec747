import type { Localized } from '../../../../../shared/model/localized'
import type { AcceptRule, AcceptScope, RuleSubject } from '../../../../../shared/model/sitelink-rules'
import { departmentName, positionName, type RuleNames } from './rule-labels'

/** Seed priority, low to high: 全体設定 < 役職 < 部署 < 部署+役職 < 社員 (上位/下位 by distance inside 部署). */
export const acceptLevels: Record<AcceptScope, number> = {
  global: 0,
  position: 1,
  department: 2,
  'department-position': 3,
  employee: 4,
}

/** How one rule relates to a person. `relevant` rules appear in a trail even when they do not match. */
export interface RuleMatch {
  readonly matched: boolean
  readonly relevant: boolean
  /** Steps from the main department up to the rule's department (0 = the main department itself). */
  readonly distance: number
  readonly why: Localized
}

export interface SubjectDepartments {
  /** Main department and its ancestors → distance. */
  readonly main: ReadonlyMap<string, number>
  /** Other departments and their ancestors (not in `main`): rules on them do not apply. */
  readonly others: ReadonlySet<string>
}

const irrelevant: RuleMatch = { matched: false, relevant: false, distance: Infinity, why: { ja: '', en: '' } }

function departmentWhy(
  rule: AcceptRule,
  distance: number,
  names: RuleNames,
  subject: RuleSubject,
): Localized {
  const main = departmentName(names, subject.mainDepartment ?? '')
  const ruled = departmentName(names, rule.department ?? '')
  return distance === 0
    ? { ja: `メイン部署 ${main} の設定です。`, en: `The setting of the main department ${main}.` }
    : {
        ja: `メイン部署 ${main} は ${ruled} の配下です（上位部署の設定）。`,
        en: `The main department ${main} is under ${ruled} (an upper department's setting).`,
      }
}

const otherDepartmentWhy: Localized = {
  ja: 'メイン部署ではない所属部署の設定です。部署の設定はメイン部署にのみ適用されます。',
  en: 'A setting of a department that is not the main one; department settings apply to the main department only.',
}

export function matchAcceptRule(
  rule: AcceptRule,
  subject: RuleSubject,
  departments: SubjectDepartments,
  names: RuleNames,
): RuleMatch {
  const holds = rule.position !== undefined && subject.positions.includes(rule.position)
  const distance = rule.department === undefined ? undefined : departments.main.get(rule.department)
  const elsewhere = rule.department !== undefined && departments.others.has(rule.department)
  switch (rule.scope) {
    case 'global':
      return {
        matched: true,
        relevant: true,
        distance: 0,
        why: { ja: '全体設定は全員に適用されます。', en: 'The global setting applies to everyone.' },
      }
    case 'employee':
      return rule.employee === subject.key
        ? {
            matched: true,
            relevant: true,
            distance: 0,
            why: { ja: 'この社員個別の設定です。', en: "This employee's own setting." },
          }
        : irrelevant
    case 'position': {
      const name = positionName(names, rule.position ?? '')
      return holds
        ? {
            matched: true,
            relevant: true,
            distance: 0,
            why: {
              ja: `役職 ${name} に就いています（全部署が対象）。`,
              en: `Holds the position ${name} (in any department).`,
            },
          }
        : irrelevant
    }
    case 'department':
      if (distance !== undefined)
        return { matched: true, relevant: true, distance, why: departmentWhy(rule, distance, names, subject) }
      return elsewhere
        ? { matched: false, relevant: true, distance: Infinity, why: otherDepartmentWhy }
        : irrelevant
    case 'department-position': {
      const name = positionName(names, rule.position ?? '')
      if (distance !== undefined && holds) {
        const why = departmentWhy(rule, distance, names, subject)
        return {
          matched: true,
          relevant: true,
          distance,
          why: { ja: `${why.ja} 役職 ${name} に就いています。`, en: `${why.en} Holds the position ${name}.` },
        }
      }
      if (distance !== undefined) {
        return {
          matched: false,
          relevant: true,
          distance,
          why: { ja: `役職 ${name} に就いていません。`, en: `Does not hold the position ${name}.` },
        }
      }
      if (holds) {
        const why = elsewhere
          ? otherDepartmentWhy
          : {
              ja: 'メイン部署がこの部署またはその配下ではありません。',
              en: 'The main department is not this department or under it.',
            }
        return { matched: false, relevant: true, distance: Infinity, why }
      }
      return irrelevant
    }
  }
}

/** Negative: `a` has lower priority than `b`. Nearer department, then earlier in the list, wins within a level. */
export function comparePriority(
  a: { readonly rule: AcceptRule; readonly index: number; readonly distance: number },
  b: { readonly rule: AcceptRule; readonly index: number; readonly distance: number },
): number {
  return (
    acceptLevels[a.rule.scope] - acceptLevels[b.rule.scope] || b.distance - a.distance || b.index - a.index
  )
}
