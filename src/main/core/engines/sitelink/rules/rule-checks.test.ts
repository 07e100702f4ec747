import { describe, expect, it } from 'vitest'
import { defaultAcceptRules, defaultVisitRules } from '../../../../../shared/model/sitelink-rules'
import { rule } from '../../../../../../test/support/link-rule-fixtures'
import { checkAcceptRules, checkVisitRules } from './rule-checks'

const global = rule({ id: 'global', scope: 'global', permission: 'read' })

describe('accept rule set checks', () => {
  it('the defaults and a well-formed set pass', () => {
    expect(checkAcceptRules(defaultAcceptRules)).toEqual([])
    const rules = [
      global,
      rule({ id: 'a', scope: 'position', position: 'chief', permission: 'write' }),
      rule({ id: 'b', scope: 'department', department: 'sales', permission: 'none' }),
      rule({
        id: 'c',
        scope: 'department-position',
        department: 'sales',
        position: 'chief',
        permission: 'admin',
      }),
      rule({
        id: 'd',
        scope: 'employee',
        employee: 'e1',
        permission: 'read',
        networks: [{ ranges: ['10.0.0.0/8', '2001:db8::/32'], permission: 'none' }],
      }),
    ]
    expect(checkAcceptRules({ rules })).toEqual([])
  })

  it('needs exactly one global rule', () => {
    const none = checkAcceptRules({
      rules: [rule({ id: 'a', scope: 'position', position: 'chief', permission: 'read' })],
    })
    expect(none).toEqual([expect.objectContaining({ en: 'Exactly one global rule is needed (found 0).' })])
    const two = checkAcceptRules({ rules: [global, { ...global, id: 'global2' }] })
    expect(two.map((problem) => problem.ja)).toEqual([
      '全体設定（global）のルールはちょうど1つ必要です（現在 2 個）。',
    ])
  })

  it('lists every problem at once, each naming its rule by position and id', () => {
    const problems = checkAcceptRules({
      rules: [
        global,
        rule({ id: 'pos', scope: 'position', permission: 'read' }),
        rule({ id: 'pos', scope: 'global', department: 'sales', permission: 'read' }),
        rule({ id: 'dp', scope: 'department-position', department: 'sales', permission: 'read' }),
        rule({ id: 'emp', scope: 'employee', employee: 'e1', position: 'chief', permission: 'read' }),
        rule({
          id: 'net',
          scope: 'department',
          department: 'dev',
          permission: 'read',
          networks: [{ ranges: ['10.0.0.0/8', '10.0.0.0/40'], permission: 'none' }],
        }),
        rule({ id: 'dev-again', scope: 'department', department: 'dev', permission: 'none' }),
      ],
    })
    expect(problems.map((problem) => problem.en)).toEqual([
      'Exactly one global rule is needed (found 2).',
      'Accept rule 2 (id: pos): scope position needs position.',
      'Accept rule 3 (id: pos): the id repeats accept rule 2.',
      'Accept rule 3 (id: pos): scope global takes no department.',
      'Accept rule 4 (id: dp): scope department-position needs position.',
      'Accept rule 5 (id: emp): scope employee takes no position.',
      'Accept rule 6 (id: net): "10.0.0.0/40" has a prefix length outside 0–32.',
      'Accept rule 7 (id: dev-again): same target as accept rule 6 (the later one would never apply).',
    ])
    expect(
      problems.every((problem) => problem.ja.startsWith('全体設定') || problem.ja.startsWith('受入ルール')),
    ).toBe(true)
  })

  it('the same department with different positions is not a duplicate', () => {
    const rules = [
      global,
      rule({
        id: 'a',
        scope: 'department-position',
        department: 'sales',
        position: 'chief',
        permission: 'read',
      }),
      rule({
        id: 'b',
        scope: 'department-position',
        department: 'sales',
        position: 'lead',
        permission: 'read',
      }),
    ]
    expect(checkAcceptRules({ rules })).toEqual([])
  })
})

describe('visit rule set checks', () => {
  it('the defaults and distinct targets pass (a code may repeat across kinds)', () => {
    expect(checkVisitRules(defaultVisitRules)).toEqual([])
    expect(
      checkVisitRules({
        everyone: false,
        targets: [
          { kind: 'department', code: 'x' },
          { kind: 'group', code: 'x' },
        ],
      }),
    ).toEqual([])
  })

  it('duplicate targets are listed', () => {
    const problems = checkVisitRules({
      everyone: false,
      targets: [
        { kind: 'employee', key: 'e1' },
        { kind: 'position', code: 'chief' },
        { kind: 'employee', key: 'e1' },
      ],
    })
    expect(problems).toEqual([
      {
        ja: '訪問対象 3（社員: e1）が訪問対象 1 と重複しています。',
        en: 'Visit target 3 (employee: e1) repeats visit target 1.',
      },
    ])
  })
})
