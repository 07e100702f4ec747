import { describe, expect, it } from 'vitest'
import type { AcceptRuleSet } from '../../../../../shared/model/sitelink-rules'
import { names, person, rule, tree } from '../../../../../../test/support/link-rule-fixtures'
import { compileAcceptRules, decideAccept, decideOutcome } from './accept-rules'
import { decideVisit } from './visit-rules'

// Read from anywhere, no sign-in from 10/8 (outside the office), admin from the office's v6 and 192.0.2/24.
const global = rule({
  id: 'global',
  scope: 'global',
  permission: 'read',
  networks: [{ ranges: ['0.0.0.0/0'], permission: 'admin' }],
})
const sales = rule({
  id: 'sales',
  scope: 'department',
  department: 'sales',
  permission: 'read',
  networks: [
    { ranges: ['10.0.0.0/8'], permission: 'none' },
    { ranges: ['2001:db8::/32', '192.0.2.0/24', '10.1.0.0/16'], permission: 'admin' },
  ],
})
const set: AcceptRuleSet = { rules: [global, sales] }
const salesPerson = person({ mainDepartment: 'sales1' })

describe('network rules of the deciding accept rule', () => {
  it.each([
    ['10.1.2.3', 'none', '10.0.0.0/8'], // in two rules' ranges: the first network rule wins
    ['::ffff:10.1.2.3', 'none', '10.0.0.0/8'], // IPv4-mapped IPv6 counts as the IPv4 address
    ['2001:db8:5::9', 'admin', '2001:db8::/32'],
    ['192.0.2.200', 'admin', '192.0.2.0/24'],
  ] as const)('from %s: %s by %s', (address, permission, range) => {
    const decision = decideAccept(set, salesPerson, tree, names, address)
    expect(decision).toMatchObject({ ruleId: 'sales', permission, network: { range, permission } })
    expect(decision.trail.find((step) => step.decisive)?.why.ja).toContain(range)
    expect(compileAcceptRules(set, tree).decide(salesPerson, address)).toEqual({
      ruleId: 'sales',
      permission,
    })
  })

  it.each(['198.51.100.1', '2001:db9::1', 'not an address'])(
    'from %s (in no range): the base permission',
    (address) => {
      expect(decideAccept(set, salesPerson, tree, names, address)).toMatchObject({
        permission: 'read',
        network: null,
      })
      expect(compileAcceptRules(set, tree).decide(salesPerson, address).permission).toBe('read')
    },
  )

  it('without an address: the base permission, no network', () => {
    expect(decideAccept(set, salesPerson, tree, names, null)).toMatchObject({
      permission: 'read',
      network: null,
    })
    expect(compileAcceptRules(set, tree).decide(salesPerson, null).permission).toBe('read')
  })

  it('a network rule of a rule that does not decide changes nothing (the global 0.0.0.0/0 is ignored for sales)', () => {
    expect(decideAccept(set, salesPerson, tree, names, '198.51.100.1').permission).toBe('read')
    expect(decideAccept(set, person({ mainDepartment: 'dev' }), tree, names, '198.51.100.1')).toMatchObject({
      ruleId: 'global',
      permission: 'admin',
      network: { range: '0.0.0.0/0' },
    })
  })
})

describe('visit outcome', () => {
  const visitAll = decideVisit({ everyone: true, targets: [] }, salesPerson, tree, names)

  it('permission none: denied, and the reason names the deciding rule', () => {
    const accept = decideAccept(
      { rules: [global, { ...sales, permission: 'none', networks: [] }] },
      salesPerson,
      tree,
      names,
      null,
    )
    const outcome = decideOutcome(visitAll, accept)
    expect(outcome.allowed).toBe(false)
    expect(outcome.accept).toBe(accept)
    expect(outcome.reason.ja).toBe('受入設定『部署: 営業部』で ログイン不可 です。')
    expect(outcome.reason.en).toContain('Department: 営業部')
  })

  it('none by a network rule: the reason names the range', () => {
    const outcome = decideOutcome(visitAll, decideAccept(set, salesPerson, tree, names, '10.9.9.9'))
    expect(outcome.allowed).toBe(false)
    expect(outcome.reason.ja).toContain('10.0.0.0/8')
    expect(outcome.reason.en).toContain('10.0.0.0/8')
  })

  it('visit rules refuse first: no accept decision in the outcome', () => {
    const visit = decideVisit(
      { everyone: false, targets: [{ kind: 'department', code: 'dev' }] },
      salesPerson,
      tree,
      names,
    )
    const outcome = decideOutcome(visit, decideAccept(set, salesPerson, tree, names, null))
    expect(outcome).toMatchObject({ allowed: false, accept: null })
    expect(outcome.reason.ja).toContain('訪問設定の対象外です')
  })

  it('allowed: visit allowed and a permission other than none', () => {
    const outcome = decideOutcome(visitAll, decideAccept(set, salesPerson, tree, names, '192.0.2.1'))
    expect(outcome.allowed).toBe(true)
    expect(outcome.reason.ja).toContain('管理')
    expect(outcome.reason.en).toContain('admin')
  })

  it('no accept decision at all: refused rather than let in on unchecked rules', () => {
    expect(decideOutcome(visitAll, null).allowed).toBe(false)
  })
})
