import { describe, expect, it } from 'vitest'
import type { NoticeKind, NoticeOptInRule } from '../../../../shared/model/notices'
import type { NoticePerson } from './core-people'
import { optedIn, type BulkRules } from './optin-rules'

const kind: NoticeKind = 'message.created'
/** 本社 HQ > 営業本部 SALES > 営業1課 S1 */
const parents = new Map<string, string | null>([
  ['HQ', null],
  ['SALES', 'HQ'],
  ['S1', 'SALES'],
])
const yamada: NoticePerson = {
  key: 'E0001',
  login: 'yamada',
  name: '山田 太郎',
  email: 'yamada@example.jp',
  department: 'S1',
  groups: ['PJ-A', 'PJ-B'],
  active: true,
}

function bulk(rules: readonly Omit<NoticeOptInRule, 'kind'>[]): BulkRules {
  const byCode = (scope: string) => {
    const map = new Map<string, Map<NoticeKind, boolean>>()
    for (const r of rules.filter((r) => r.scope === scope)) map.set(r.code, new Map([[kind, r.enabled]]))
    return map
  }
  return {
    group: byCode('group'),
    department: byCode('department'),
    everyone: byCode('everyone').get('') ?? new Map(),
    list: rules.map((r) => ({ ...r, kind })),
  }
}
const on = (scope: NoticeOptInRule['scope'], code = '') => ({ scope, code, enabled: true })
const off = (scope: NoticeOptInRule['scope'], code = '') => ({ scope, code, enabled: false })
const decide = (rules: ReturnType<typeof on>[], own = new Map<NoticeKind, boolean>(), person = yamada) =>
  optedIn(person, kind, own, bulk(rules), parents)

describe('notice opt-in precedence (noticeOptInScopes)', () => {
  it('is off when no rule exists (the seed: default off)', () => {
    expect(decide([])).toBe(false)
  })

  it('everyone applies when nothing narrower does', () => {
    expect(decide([on('everyone')])).toBe(true)
  })

  it('a department rule beats everyone, and the nearest one walking up from the main department wins', () => {
    expect(decide([on('everyone'), off('department', 'HQ')])).toBe(false)
    expect(decide([on('everyone'), off('department', 'HQ'), on('department', 'SALES')])).toBe(true)
    expect(decide([off('department', 'HQ'), on('department', 'SALES'), off('department', 'S1')])).toBe(false)
  })

  it('a rule of a department the person is not in does not apply', () => {
    expect(decide([on('department', 'OTHER')])).toBe(false)
  })

  it('a group rule beats department rules, and among groups on beats off', () => {
    expect(decide([on('department', 'S1'), off('group', 'PJ-A')])).toBe(false)
    expect(decide([off('department', 'S1'), off('group', 'PJ-A'), on('group', 'PJ-B')])).toBe(true)
    expect(decide([on('group', 'PJ-X')])).toBe(false)
  })

  it("the employee's own rule beats every bulk rule", () => {
    const rules = [on('everyone'), on('department', 'S1'), on('group', 'PJ-A')]
    expect(decide(rules, new Map([[kind, false]]))).toBe(false)
    expect(decide([off('group', 'PJ-A')], new Map([[kind, true]]))).toBe(true)
  })

  it('a department tree with a cycle ends the walk instead of looping', () => {
    const looped = new Map<string, string | null>([
      ['A', 'B'],
      ['B', 'A'],
    ])
    const person = { ...yamada, department: 'A', groups: [] }
    expect(optedIn(person, kind, new Map(), bulk([on('everyone')]), looped)).toBe(true)
  })
})
