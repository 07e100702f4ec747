/** A small partner company for the rule engine tests: 本社 > 営業部 > 営業1課 > 第1係, plus 開発部. */
import { departmentTreeOf } from '../../src/main/core/engines/sitelink/rules/department-tree'
import type { RuleNames } from '../../src/main/core/engines/sitelink/rules/rule-labels'
import type { AcceptRule, AcceptRuleInput, RuleSubject } from '../../src/shared/model/sitelink-rules'

export const departments = [
  { code: 'hq', parent: null, name: '本社' },
  { code: 'sales', parent: 'hq', name: '営業部' },
  { code: 'sales1', parent: 'sales', name: '営業1課' },
  { code: 'sales1a', parent: 'sales1', name: '第1係' },
  { code: 'sales2', parent: 'sales', name: '営業2課' },
  { code: 'dev', parent: 'hq', name: '開発部' },
  { code: 'dev1', parent: 'dev', name: '開発1課' },
]
export const tree = departmentTreeOf(departments)

const positionNames: Record<string, string> = { manager: '部長', chief: '課長', lead: '主任' }
export const names: RuleNames = {
  department: (code) => departments.find((department) => department.code === code)?.name ?? null,
  position: (code) => positionNames[code] ?? null,
  employee: (key) => (key === 'e1' ? '山田 太郎' : null),
  group: (code) => (code === 'g-project' ? 'プロジェクトX' : null),
}

export function person(fields: Partial<RuleSubject> = {}): RuleSubject {
  return { key: 'e1', mainDepartment: null, otherDepartments: [], positions: [], groups: [], ...fields }
}

/** An accept rule with the schema's defaults filled in (as the zod parse would). */
export function rule(fields: AcceptRuleInput): AcceptRule {
  return { networks: [], products: null, view: null, ...fields }
}
