import { describe, expect, it } from 'vitest'
import type { DirectoryPlan, HomeChange, PlanItem } from '../../../../shared/model/directory'
import { departmentNamesOf, namesInUse } from './department-names'

const sales1 = { code: 'D110', nameJa: '営業1課', nameEn: 'Sales 1', parent: null, order: 1 }
const sales2 = { code: 'D120', nameJa: '営業2課', nameEn: null, parent: null, order: 2 }

describe('department names in a dry run', () => {
  it('knows the source departments and the ones the run deletes from home', () => {
    const deleted: HomeChange = {
      kind: 'department',
      key: 'D900',
      name: '旧部署',
      action: 'deleted',
      fields: [],
    }
    expect(departmentNamesOf([sales1, sales2], [deleted])).toEqual({
      D110: { nameJa: '営業1課', nameEn: 'Sales 1' },
      D120: { nameJa: '営業2課', nameEn: null },
      D900: { nameJa: '旧部署', nameEn: null },
    })
  })

  it('sends only the names the listed changes mention', () => {
    const moved: HomeChange = {
      kind: 'employee',
      key: 'E1',
      name: '山田 太郎',
      action: 'updated',
      fields: [
        { field: 'mainDepartment', before: 'D110', after: 'D120' },
        { field: 'otherDepartments', before: [], after: ['D900'] },
        { field: 'email', before: 'D999', after: null },
      ],
    }
    const write: PlanItem = {
      object: 'user',
      key: 'E2',
      name: 'sato',
      action: 'update',
      fields: [{ field: 'departmentCode', before: 'D777', after: 'D110' }],
      reason: null,
    }
    const names = departmentNamesOf([sales1, sales2, { ...sales2, code: 'D300', nameJa: '未使用' }], [])
    const plan = { homeChanges: [moved], items: [write], departmentNames: names } as unknown as DirectoryPlan
    // D900 and D777 have no known name; D300 and the e-mail's "D999" are not department codes in use.
    expect(namesInUse(plan)).toEqual({
      D110: { nameJa: '営業1課', nameEn: 'Sales 1' },
      D120: { nameJa: '営業2課', nameEn: null },
    })
  })
})
