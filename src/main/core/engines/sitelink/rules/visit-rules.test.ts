import { describe, expect, it } from 'vitest'
import type { RuleSubject, VisitRuleSet, VisitTarget } from '../../../../../shared/model/sitelink-rules'
import { names, person, tree } from '../../../../../../test/support/link-rule-fixtures'
import { compileVisitRules, decideVisit } from './visit-rules'

/** Both paths must agree. */
function allowed(rules: VisitRuleSet, subject: RuleSubject): boolean {
  const decision = decideVisit(rules, subject, tree, names)
  expect(compileVisitRules(rules, tree).allows(subject)).toBe(decision.allowed)
  return decision.allowed
}
const only = (...targets: VisitTarget[]): VisitRuleSet => ({ everyone: false, targets })

describe('visit rules', () => {
  it('everyone: anybody, even with no department', () => {
    const decision = decideVisit({ everyone: true, targets: [] }, person(), tree, names)
    expect(decision).toMatchObject({ allowed: true, target: null })
    expect(decision.trail).toEqual([
      expect.objectContaining({ ruleId: 'visit:everyone', matched: true, decisive: true }),
    ])
    expect(allowed({ everyone: true, targets: [] }, person())).toBe(true)
  })

  it('not everyone and no targets: nobody', () => {
    expect(
      allowed(only(), person({ mainDepartment: 'sales', positions: ['manager'], groups: ['g-project'] })),
    ).toBe(false)
  })

  it('employee target: that employee only', () => {
    expect(allowed(only({ kind: 'employee', key: 'e1' }), person({ key: 'e1' }))).toBe(true)
    expect(allowed(only({ kind: 'employee', key: 'e1' }), person({ key: 'e2' }))).toBe(false)
  })

  it('department target: the department and its sub-departments, main or other department', () => {
    const sales = only({ kind: 'department', code: 'sales' })
    expect(allowed(sales, person({ mainDepartment: 'sales' }))).toBe(true)
    expect(allowed(sales, person({ mainDepartment: 'sales1a' }))).toBe(true)
    expect(allowed(sales, person({ mainDepartment: 'dev', otherDepartments: ['sales2'] }))).toBe(true)
  })

  it('department target: not the parent, not a sibling, not a stranger', () => {
    const sales1 = only({ kind: 'department', code: 'sales1' })
    expect(allowed(sales1, person({ mainDepartment: 'sales' }))).toBe(false)
    expect(allowed(sales1, person({ mainDepartment: 'sales2' }))).toBe(false)
    expect(allowed(sales1, person({ mainDepartment: 'dev1', otherDepartments: ['hq'] }))).toBe(false)
    expect(allowed(sales1, person())).toBe(false)
  })

  it('group target: members only', () => {
    expect(
      allowed(only({ kind: 'group', code: 'g-project' }), person({ groups: ['g-other', 'g-project'] })),
    ).toBe(true)
    expect(allowed(only({ kind: 'group', code: 'g-project' }), person({ groups: ['g-other'] }))).toBe(false)
  })

  it('position target: that position in every department', () => {
    const managers = only({ kind: 'position', code: 'manager' })
    expect(allowed(managers, person({ mainDepartment: 'sales', positions: ['manager'] }))).toBe(true)
    expect(allowed(managers, person({ mainDepartment: 'dev', positions: ['lead', 'manager'] }))).toBe(true)
    expect(allowed(managers, person({ mainDepartment: 'sales', positions: ['chief'] }))).toBe(false)
  })

  it('the trail names each target looked at with its label, up to the one that let the person in', () => {
    const rules = only(
      { kind: 'position', code: 'manager' },
      { kind: 'department', code: 'sales' },
      { kind: 'employee', key: 'e1' },
    )
    const decision = decideVisit(rules, person({ mainDepartment: 'sales1a' }), tree, names)
    expect(decision.target).toEqual({ kind: 'department', code: 'sales' })
    expect(decision.trail.map((step) => [step.ruleId, step.label.ja, step.matched, step.decisive])).toEqual([
      ['visit:everyone', '全社員', false, false],
      ['visit:position:manager', '役職: 部長', false, false],
      ['visit:department:sales', '部署: 営業部', true, true],
    ])
    expect(decision.trail[2]?.why.ja).toContain('第1係')
  })

  it('refused: every target is in the trail, none decisive', () => {
    const rules = only({ kind: 'group', code: 'g-project' }, { kind: 'employee', key: 'e9' })
    const decision = decideVisit(rules, person(), tree, names)
    expect(decision).toMatchObject({ allowed: false, target: null })
    expect(decision.trail.map((step) => step.label.en)).toEqual([
      'Everyone',
      'Group: プロジェクトX',
      'Employee: e9',
    ])
    expect(decision.trail.some((step) => step.decisive)).toBe(false)
  })
})
