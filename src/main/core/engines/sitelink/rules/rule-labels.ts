import type { Localized } from '../../../../../shared/model/localized'
import type { AcceptRule, LinkPermission, VisitTarget } from '../../../../../shared/model/sitelink-rules'

/** Display names of the codes rules refer to; null = unknown (the code is shown instead). */
export interface RuleNames {
  department(code: string): string | null
  position(code: string): string | null
  employee(key: string): string | null
  group(code: string): string | null
}

/** For callers that have no directory at hand: every label shows the raw code. */
export const codesOnly: RuleNames = {
  department: () => null,
  position: () => null,
  employee: () => null,
  group: () => null,
}

export const permissionLabels: Record<LinkPermission, Localized> = {
  none: { ja: 'ログイン不可', en: 'no sign-in' },
  read: { ja: '参照', en: 'read' },
  write: { ja: '編集', en: 'write' },
  admin: { ja: '管理', en: 'admin' },
}

const kindLabels = {
  employee: { ja: '社員', en: 'Employee' },
  department: { ja: '部署', en: 'Department' },
  group: { ja: 'グループ', en: 'Group' },
  position: { ja: '役職', en: 'Position' },
} as const

function labelOf(kind: keyof typeof kindLabels, name: string): Localized {
  return { ja: `${kindLabels[kind].ja}: ${name}`, en: `${kindLabels[kind].en}: ${name}` }
}

export function departmentName(names: RuleNames, code: string): string {
  return names.department(code) ?? code
}

export function positionName(names: RuleNames, code: string): string {
  return names.position(code) ?? code
}

export const everyoneLabel: Localized = { ja: '全社員', en: 'Everyone' }

export function visitTargetLabel(target: VisitTarget, names: RuleNames): Localized {
  switch (target.kind) {
    case 'employee':
      return labelOf('employee', names.employee(target.key) ?? target.key)
    case 'department':
      return labelOf('department', departmentName(names, target.code))
    case 'group':
      return labelOf('group', names.group(target.code) ?? target.code)
    case 'position':
      return labelOf('position', positionName(names, target.code))
  }
}

/** 「部署: 営業部」 / "Department: Sales"; a malformed rule (missing field) shows "?" rather than failing. */
export function acceptRuleLabel(rule: AcceptRule, names: RuleNames): Localized {
  const department = rule.department === undefined ? '?' : departmentName(names, rule.department)
  const position = rule.position === undefined ? '?' : positionName(names, rule.position)
  switch (rule.scope) {
    case 'global':
      return { ja: '全体設定', en: 'Global' }
    case 'position':
      return labelOf('position', position)
    case 'department':
      return labelOf('department', department)
    case 'department-position':
      return {
        ja: `部署+役職: ${department} / ${position}`,
        en: `Department + position: ${department} / ${position}`,
      }
    case 'employee':
      return labelOf(
        'employee',
        rule.employee === undefined ? '?' : (names.employee(rule.employee) ?? rule.employee),
      )
  }
}
