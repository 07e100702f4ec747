import type { Localized } from '../../../../../shared/model/localized'
import type {
  RuleSubject,
  RuleTrailStep,
  VisitDecision,
  VisitRuleSet,
  VisitTarget,
} from '../../../../../shared/model/sitelink-rules'
import { lineageOf, type DepartmentTree } from './department-tree'
import { departmentName, everyoneLabel, visitTargetLabel, type RuleNames } from './rule-labels'

/** `visit:everyone` / `visit:<kind>:<code>`: how a visit target is named in a trail and the visit log. */
export function visitTargetId(target: VisitTarget): string {
  return `visit:${target.kind}:${target.kind === 'employee' ? target.key : target.code}`
}

function departmentsOf(subject: RuleSubject): string[] {
  return subject.mainDepartment === null
    ? [...subject.otherDepartments]
    : [subject.mainDepartment, ...subject.otherDepartments]
}

/** Why a target matches or not, in words an administrator can check against the directory. */
function matchTarget(
  target: VisitTarget,
  subject: RuleSubject,
  tree: DepartmentTree,
  names: RuleNames,
): { matched: boolean; why: Localized } {
  switch (target.kind) {
    case 'employee':
      return subject.key === target.key
        ? { matched: true, why: { ja: 'この社員が対象です。', en: 'This employee is a target.' } }
        : { matched: false, why: { ja: '別の社員です。', en: 'Another employee.' } }
    case 'group':
      return subject.groups.includes(target.code)
        ? { matched: true, why: { ja: 'グループのメンバーです。', en: 'A member of the group.' } }
        : {
            matched: false,
            why: { ja: 'グループのメンバーではありません。', en: 'Not a member of the group.' },
          }
    case 'position':
      return subject.positions.includes(target.code)
        ? {
            matched: true,
            why: {
              ja: 'この役職に就いています（全部署が対象）。',
              en: 'Holds this position (in any department).',
            },
          }
        : { matched: false, why: { ja: 'この役職に就いていません。', en: 'Does not hold this position.' } }
    case 'department': {
      for (const own of departmentsOf(subject)) {
        if (!lineageOf(tree, own).includes(target.code)) continue
        const name = departmentName(names, own)
        return own === target.code
          ? {
              matched: true,
              why: { ja: `所属部署 ${name} が対象です。`, en: `Belongs to ${name}, a target.` },
            }
          : {
              matched: true,
              why: {
                ja: `所属部署 ${name} が対象部署の配下です。`,
                en: `Belongs to ${name}, under the target department.`,
              },
            }
      }
      return {
        matched: false,
        why: {
          ja: 'どの所属部署もこの部署またはその配下ではありません。',
          en: 'None of their departments is this department or under it.',
        },
      }
    }
  }
}

/** 訪問: `everyone`, or any target matching (employee, department and its sub-departments, group, position). */
export function decideVisit(
  rules: VisitRuleSet,
  subject: RuleSubject,
  tree: DepartmentTree,
  names: RuleNames,
): VisitDecision {
  if (rules.everyone) {
    const why = { ja: '訪問対象は全社員です。', en: 'Every employee may visit.' }
    return {
      allowed: true,
      target: null,
      trail: [{ ruleId: 'visit:everyone', label: everyoneLabel, matched: true, decisive: true, why }],
    }
  }
  const trail: RuleTrailStep[] = [
    {
      ruleId: 'visit:everyone',
      label: everyoneLabel,
      matched: false,
      decisive: false,
      why: {
        ja: '訪問対象は全社員ではなく、指定した対象のみです。',
        en: 'Only the listed targets may visit, not every employee.',
      },
    },
  ]
  for (const target of rules.targets) {
    const { matched, why } = matchTarget(target, subject, tree, names)
    trail.push({
      ruleId: visitTargetId(target),
      label: visitTargetLabel(target, names),
      matched,
      decisive: matched,
      why,
    })
    if (matched) return { allowed: true, target, trail }
  }
  return { allowed: false, target: null, trail }
}

/** The same answer as `decideVisit` without a trail, for whole directories: sets and a per-department cache. */
export function compileVisitRules(
  rules: VisitRuleSet,
  tree: DepartmentTree,
): { allows(subject: RuleSubject): boolean } {
  if (rules.everyone) return { allows: () => true }
  const codes = {
    employee: new Set<string>(),
    department: new Set<string>(),
    group: new Set<string>(),
    position: new Set<string>(),
  }
  for (const target of rules.targets)
    codes[target.kind].add(target.kind === 'employee' ? target.key : target.code)
  const departmentCovered = new Map<string, boolean>()
  const covered = (department: string): boolean => {
    let answer = departmentCovered.get(department)
    if (answer === undefined) {
      answer = lineageOf(tree, department).some((code) => codes.department.has(code))
      departmentCovered.set(department, answer)
    }
    return answer
  }
  return {
    allows: (subject) =>
      codes.employee.has(subject.key) ||
      subject.positions.some((code) => codes.position.has(code)) ||
      subject.groups.some((code) => codes.group.has(code)) ||
      (codes.department.size > 0 && departmentsOf(subject).some(covered)),
  }
}
