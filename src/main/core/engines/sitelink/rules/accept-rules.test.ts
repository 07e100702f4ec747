import { describe, expect, it } from 'vitest'
import type { AcceptRule, AcceptRuleSet, RuleSubject } from '../../../../../shared/model/sitelink-rules'
import { names, person, rule, tree } from '../../../../../../test/support/link-rule-fixtures'
import { compileAcceptRules, decideAccept } from './accept-rules'

/** Both paths must give the same answer; the trail path also says which rule decided. */
function decide(rules: readonly AcceptRule[], subject: RuleSubject, address: string | null = null): string {
  const set: AcceptRuleSet = { rules: [...rules] }
  const full = decideAccept(set, subject, tree, names, address)
  const fast = compileAcceptRules(set, tree).decide(subject, address)
  expect(fast).toEqual({ permission: full.permission, ruleId: full.ruleId })
  const decisive = full.trail.filter((step) => step.decisive)
  expect(decisive.map((step) => step.ruleId)).toEqual([full.ruleId])
  // Lowest priority first: nothing that matched comes after the decisive rule.
  const after = full.trail.slice(full.trail.findIndex((step) => step.decisive) + 1)
  expect(after.filter((step) => step.matched)).toEqual([])
  return full.ruleId
}

// 課長 of 営業1課 (営業部 > 営業1課): every level below can match them.
const chiefOfSales1 = person({ key: 'e1', mainDepartment: 'sales1', positions: ['chief'] })
const levels: readonly [string, AcceptRule][] = [
  ['global', rule({ id: 'global', scope: 'global', permission: 'read' })],
  ['position', rule({ id: 'position', scope: 'position', position: 'chief', permission: 'write' })],
  [
    'department (upper)',
    rule({ id: 'dept-upper', scope: 'department', department: 'sales', permission: 'none' }),
  ],
  [
    'department (lower)',
    rule({ id: 'dept-lower', scope: 'department', department: 'sales1', permission: 'admin' }),
  ],
  // On the UPPER department: department+position still beats a lower department alone.
  [
    'department+position',
    rule({
      id: 'dept-position',
      scope: 'department-position',
      department: 'sales',
      position: 'chief',
      permission: 'read',
    }),
  ],
  ['employee', rule({ id: 'employee', scope: 'employee', employee: 'e1', permission: 'none' })],
]
const pairs = levels.flatMap(([lowName, low], i) =>
  levels.slice(i + 1).map(([highName, high]) => ({ lowName, low, highName, high })),
)

describe('accept priority: global < position < department (upper) < department (lower) < department+position < employee', () => {
  it('has every pair of levels', () => expect(pairs).toHaveLength(15))

  it.each(pairs)('$highName beats $lowName, listed after it', ({ low, high }) => {
    expect(decide([low, high], chiefOfSales1)).toBe(high.id)
  })

  it.each(pairs)('$highName beats $lowName, listed before it', ({ low, high }) => {
    expect(decide([high, low], chiefOfSales1)).toBe(high.id)
  })

  it('with every level present, the employee rule decides and the trail lists them all lowest first', () => {
    const full = decideAccept({ rules: levels.map(([, r]) => r).reverse() }, chiefOfSales1, tree, names, null)
    expect(full.trail.map((step) => step.ruleId)).toEqual(levels.map(([, r]) => r.id))
    expect(full).toMatchObject({ ruleId: 'employee', ruleScope: 'employee', permission: 'none' })
  })

  it('the nearer department wins among department+position rules too', () => {
    const upper = rule({
      id: 'upper',
      scope: 'department-position',
      department: 'hq',
      position: 'chief',
      permission: 'read',
    })
    const lower = rule({
      id: 'lower',
      scope: 'department-position',
      department: 'sales1',
      position: 'chief',
      permission: 'admin',
    })
    expect(decide([lower, upper], chiefOfSales1)).toBe('lower')
    expect(decide([upper, lower], chiefOfSales1)).toBe('lower')
  })

  it('a department rule covers people whose main department is under it, at any depth', () => {
    const sales = rule({ id: 'sales', scope: 'department', department: 'sales', permission: 'write' })
    const global = levels[0]![1]
    expect(decide([global, sales], person({ mainDepartment: 'sales' }))).toBe('sales')
    expect(decide([global, sales], person({ mainDepartment: 'sales1a' }))).toBe('sales')
    expect(decide([global, sales], person({ mainDepartment: 'dev1' }))).toBe('global')
  })
})

describe('accept rules look at the main department only', () => {
  const global = rule({ id: 'global', scope: 'global', permission: 'read' })

  it('a rule on the person’s other department does not apply, and the trail says why', () => {
    const other = rule({ id: 'sales1', scope: 'department', department: 'sales1', permission: 'none' })
    const subject = person({ mainDepartment: 'dev1', otherDepartments: ['sales1'] })
    expect(decide([global, other], subject)).toBe('global')
    const step = decideAccept({ rules: [global, other] }, subject, tree, names, null).trail.find(
      (s) => s.ruleId === 'sales1',
    )
    expect(step).toMatchObject({ matched: false, decisive: false })
    expect(step?.why.ja).toContain('メイン部署にのみ')
  })

  it('a department+position rule on the other department does not apply either', () => {
    const other = rule({
      id: 'dp',
      scope: 'department-position',
      department: 'sales',
      position: 'chief',
      permission: 'none',
    })
    expect(
      decide(
        [global, other],
        person({ mainDepartment: 'dev1', otherDepartments: ['sales1'], positions: ['chief'] }),
      ),
    ).toBe('global')
  })

  it('department+position needs the position AND the main department at or under the rule’s department', () => {
    const dp = rule({
      id: 'dp',
      scope: 'department-position',
      department: 'sales',
      position: 'chief',
      permission: 'admin',
    })
    expect(decide([global, dp], person({ mainDepartment: 'sales1', positions: ['chief'] }))).toBe('dp')
    expect(decide([global, dp], person({ mainDepartment: 'sales1', positions: ['lead'] }))).toBe('global')
    expect(decide([global, dp], person({ mainDepartment: 'dev', positions: ['chief'] }))).toBe('global')
    expect(decide([global, dp], person({ mainDepartment: null, positions: ['chief'] }))).toBe('global')
  })

  it('the trail shows department+position near misses on the main lineage, and leaves out unrelated rules', () => {
    const dp = rule({
      id: 'dp',
      scope: 'department-position',
      department: 'sales',
      position: 'chief',
      permission: 'admin',
    })
    const devChief = rule({
      id: 'dev-chief',
      scope: 'department-position',
      department: 'dev',
      position: 'chief',
      permission: 'none',
    })
    const lead = person({ mainDepartment: 'sales1', positions: ['lead'] })
    const trail = decideAccept({ rules: [global, dp, devChief] }, lead, tree, names, null).trail
    expect(trail.map((step) => [step.ruleId, step.matched, step.decisive])).toEqual([
      ['global', true, true],
      ['dp', false, false],
    ])
    expect(trail[1]?.why.ja).toBe('役職 課長 に就いていません。')
  })

  it('a position rule covers every department, and people with no department', () => {
    const chief = rule({ id: 'chief', scope: 'position', position: 'chief', permission: 'write' })
    for (const mainDepartment of ['sales1a', 'dev', 'hq', null]) {
      expect(decide([global, chief], person({ mainDepartment, positions: ['chief'] }))).toBe('chief')
    }
    expect(decide([global, chief], person({ mainDepartment: 'dev', positions: ['lead'] }))).toBe('global')
  })
})

describe('accept rules within one level: the first in the list wins', () => {
  const global = rule({ id: 'global', scope: 'global', permission: 'read' })
  const both = person({ mainDepartment: 'sales1', positions: ['chief', 'lead'] })

  it('between position rules the person both holds', () => {
    const chief = rule({ id: 'chief', scope: 'position', position: 'chief', permission: 'write' })
    const lead = rule({ id: 'lead', scope: 'position', position: 'lead', permission: 'none' })
    expect(decide([global, chief, lead], both)).toBe('chief')
    expect(decide([global, lead, chief], both)).toBe('lead')
  })

  it('between department+position rules on the same department', () => {
    const chief = rule({
      id: 'chief',
      scope: 'department-position',
      department: 'sales',
      position: 'chief',
      permission: 'write',
    })
    const lead = rule({
      id: 'lead',
      scope: 'department-position',
      department: 'sales',
      position: 'lead',
      permission: 'none',
    })
    expect(decide([lead, global, chief], both)).toBe('lead')
    expect(decide([chief, global, lead], both)).toBe('chief')
  })

  it('between rules on the same department or employee (duplicates checkAcceptRules refuses)', () => {
    const a = rule({ id: 'a', scope: 'department', department: 'sales', permission: 'write' })
    const b = rule({ id: 'b', scope: 'department', department: 'sales', permission: 'none' })
    expect(decide([global, a, b], both)).toBe('a')
    expect(decide([global, b, a], both)).toBe('b')
    const x = rule({ id: 'x', scope: 'employee', employee: 'e1', permission: 'write' })
    const y = rule({ id: 'y', scope: 'employee', employee: 'e1', permission: 'none' })
    expect(decide([global, y, x], both)).toBe('y')
  })
})

describe('accept default', () => {
  it('with no rule but the global one matching, the global rule decides with its permission and settings', () => {
    const global = rule({ id: 'global', scope: 'global', permission: 'write', products: ['schedule'] })
    const others = [
      rule({ id: 'someone', scope: 'employee', employee: 'e2', permission: 'none' }),
      rule({ id: 'dev', scope: 'department', department: 'dev', permission: 'none' }),
      rule({ id: 'manager', scope: 'position', position: 'manager', permission: 'none' }),
    ]
    const subject = person({ mainDepartment: 'sales1', positions: ['chief'] })
    expect(decide([...others, global], subject)).toBe('global')
    const full = decideAccept({ rules: [...others, global] }, subject, tree, names, null)
    expect(full).toMatchObject({
      permission: 'write',
      ruleScope: 'global',
      products: ['schedule'],
      network: null,
    })
    expect(full.trail).toHaveLength(1)
  })

  it('a set without any matching rule (no global: refused by checkAcceptRules) lets nobody in', () => {
    const only = [rule({ id: 'dev', scope: 'department', department: 'dev', permission: 'admin' })]
    expect(decideAccept({ rules: only }, person(), tree, names, null).permission).toBe('none')
    expect(compileAcceptRules({ rules: only }, tree).decide(person(), null).permission).toBe('none')
  })
})
