import { describe, expect, it } from 'vitest'
import { names, rule } from '../../../../../../test/support/link-rule-fixtures'
import { acceptRuleLabel, codesOnly, visitTargetLabel } from './rule-labels'

describe('rule labels', () => {
  it.each([
    [rule({ id: 'a', scope: 'global', permission: 'read' }), '全体設定', 'Global'],
    [
      rule({ id: 'b', scope: 'position', position: 'manager', permission: 'read' }),
      '役職: 部長',
      'Position: 部長',
    ],
    [
      rule({ id: 'c', scope: 'department', department: 'sales', permission: 'read' }),
      '部署: 営業部',
      'Department: 営業部',
    ],
    [
      rule({
        id: 'd',
        scope: 'department-position',
        department: 'sales1',
        position: 'chief',
        permission: 'read',
      }),
      '部署+役職: 営業1課 / 課長',
      'Department + position: 営業1課 / 課長',
    ],
    [
      rule({ id: 'e', scope: 'employee', employee: 'e1', permission: 'read' }),
      '社員: 山田 太郎',
      'Employee: 山田 太郎',
    ],
  ])('accept rule %#: %s', (accept, ja, en) => {
    expect(acceptRuleLabel(accept, names)).toEqual({ ja, en })
  })

  it('unknown codes show the code itself', () => {
    expect(
      acceptRuleLabel(rule({ id: 'x', scope: 'department', department: 'gone', permission: 'read' }), names)
        .ja,
    ).toBe('部署: gone')
    expect(visitTargetLabel({ kind: 'group', code: 'g-project' }, codesOnly)).toEqual({
      ja: 'グループ: g-project',
      en: 'Group: g-project',
    })
    expect(visitTargetLabel({ kind: 'group', code: 'g-project' }, names).ja).toBe('グループ: プロジェクトX')
  })
})
