import { describe, expect, it } from 'vitest'
import type { AcceptRule, AcceptScope } from '../../../../shared/model/sitelink-rules'
import { movedWithinLevel } from './rule-order'
import { departmentTree } from './department-tree'

const rule = (id: string, scope: AcceptScope): AcceptRule => ({
  id,
  scope,
  permission: 'read',
  networks: [],
  products: null,
  view: null,
})

describe('accept rule order within a level', () => {
  // Department rules d1, d2 with a position rule p1 between them in the stored list.
  const rules = [
    rule('global', 'global'),
    rule('d1', 'department'),
    rule('p1', 'position'),
    rule('d2', 'department'),
  ]
  const ids = (list: readonly AcceptRule[]): string[] => list.map((r) => r.id)

  it('swaps a rule with its neighbour of the same level, skipping other levels', () => {
    expect(ids(movedWithinLevel(rules, 'd2', -1))).toEqual(['global', 'd2', 'p1', 'd1'])
    expect(ids(movedWithinLevel(rules, 'd1', 1))).toEqual(['global', 'd2', 'p1', 'd1'])
  })

  it('leaves the list as it is at the edge of a level', () => {
    expect(ids(movedWithinLevel(rules, 'd1', -1))).toEqual(ids(rules))
    expect(ids(movedWithinLevel(rules, 'p1', 1))).toEqual(ids(rules))
  })
})

describe('department tree for the pickers', () => {
  it('lists parents before children, siblings by display order, with their depth', () => {
    const tree = departmentTree([
      { code: 'S2', nameJa: '営業2課', nameEn: null, parent: 'SALES', order: 2 },
      { code: 'DEV', nameJa: '開発部', nameEn: null, parent: 'HQ', order: 2 },
      { code: 'S1', nameJa: '営業1課', nameEn: null, parent: 'SALES', order: 1 },
      { code: 'HQ', nameJa: '本社', nameEn: null, parent: null, order: 1 },
      { code: 'SALES', nameJa: '営業本部', nameEn: null, parent: 'HQ', order: 1 },
      // A parent the directory does not have: shown at the top rather than lost.
      { code: 'LOST', nameJa: '旧部署', nameEn: null, parent: 'GONE', order: 9 },
    ])
    expect(tree.map((d) => `${d.depth}:${d.code}`)).toEqual([
      '0:HQ',
      '1:SALES',
      '2:S1',
      '2:S2',
      '1:DEV',
      '0:LOST',
    ])
  })
})
