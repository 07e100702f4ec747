import type { Localized } from '../../../../../shared/model/localized'
import type {
  AcceptRule,
  AcceptRuleSet,
  AcceptScope,
  VisitRuleSet,
} from '../../../../../shared/model/sitelink-rules'
import { parseAddressRange } from './address-ranges'

type TargetField = 'department' | 'position' | 'employee'

/** Which target fields each scope needs; the others must be absent (a stray field would look like it counts). */
const fieldsOf: Record<AcceptScope, readonly TargetField[]> = {
  global: [],
  position: ['position'],
  department: ['department'],
  'department-position': ['department', 'position'],
  employee: ['employee'],
}
const targetFields: readonly TargetField[] = ['department', 'position', 'employee']

function ruleName(rule: AcceptRule, index: number): Localized {
  return { ja: `受入ルール ${index + 1}（id: ${rule.id}）`, en: `Accept rule ${index + 1} (id: ${rule.id})` }
}

function fieldProblems(rule: AcceptRule, index: number): Localized[] {
  const name = ruleName(rule, index)
  return targetFields.flatMap((field): Localized[] => {
    const needed = fieldsOf[rule.scope].includes(field)
    if (needed && rule[field] === undefined) {
      return [
        {
          ja: `${name.ja}: 範囲 ${rule.scope} には ${field} が必要です。`,
          en: `${name.en}: scope ${rule.scope} needs ${field}.`,
        },
      ]
    }
    if (!needed && rule[field] !== undefined) {
      return [
        {
          ja: `${name.ja}: 範囲 ${rule.scope} に ${field} は指定できません。`,
          en: `${name.en}: scope ${rule.scope} takes no ${field}.`,
        },
      ]
    }
    return []
  })
}

function rangeProblems(rule: AcceptRule, index: number): Localized[] {
  const name = ruleName(rule, index)
  return rule.networks.flatMap((network) =>
    network.ranges.flatMap((range) => {
      const parsed = parseAddressRange(range)
      return parsed.ok ? [] : [{ ja: `${name.ja}: ${parsed.error.ja}`, en: `${name.en}: ${parsed.error.en}` }]
    }),
  )
}

/** Every problem of a whole accept rule set at once (empty = fine), so an import or save can list them all. */
export function checkAcceptRules(set: AcceptRuleSet): Localized[] {
  const problems: Localized[] = []
  const globals = set.rules.filter((rule) => rule.scope === 'global').length
  if (globals !== 1) {
    problems.push({
      ja: `全体設定（global）のルールはちょうど1つ必要です（現在 ${globals} 個）。`,
      en: `Exactly one global rule is needed (found ${globals}).`,
    })
  }
  const ids = new Map<string, number>()
  const targets = new Map<string, number>()
  set.rules.forEach((rule, index) => {
    const name = ruleName(rule, index)
    const sameId = ids.get(rule.id)
    if (sameId === undefined) ids.set(rule.id, index)
    else
      problems.push({
        ja: `${name.ja}: id が受入ルール ${sameId + 1} と重複しています。`,
        en: `${name.en}: the id repeats accept rule ${sameId + 1}.`,
      })
    problems.push(...fieldProblems(rule, index), ...rangeProblems(rule, index))
    if (rule.scope === 'global') return
    const target = JSON.stringify([rule.scope, rule.department, rule.position, rule.employee])
    const sameTarget = targets.get(target)
    if (sameTarget === undefined) targets.set(target, index)
    else {
      problems.push({
        ja: `${name.ja}: 受入ルール ${sameTarget + 1} と同じ対象です（後のルールは適用されません）。`,
        en: `${name.en}: same target as accept rule ${sameTarget + 1} (the later one would never apply).`,
      })
    }
  })
  return problems
}

/** Every problem of a visit rule set (empty = fine). */
export function checkVisitRules(set: VisitRuleSet): Localized[] {
  const seen = new Map<string, number>()
  return set.targets.flatMap((target, index): Localized[] => {
    const code = target.kind === 'employee' ? target.key : target.code
    const key = `${target.kind}:${code}`
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, index)
      return []
    }
    return [
      {
        ja: `訪問対象 ${index + 1}（${target.kind}: ${code}）が訪問対象 ${first + 1} と重複しています。`,
        en: `Visit target ${index + 1} (${target.kind}: ${code}) repeats visit target ${first + 1}.`,
      },
    ]
  })
}
