import { describe, expect, it } from 'vitest'
import type { DepartmentSummary } from '../../../../shared/model/directory'
import type { DepartmentNode } from './department-tree'
import { buildDepartmentTree, initiallyExpanded } from './department-tree'

function dept(code: string, parent: string | null, order = 0): DepartmentSummary {
  return { code, nameJa: code, nameEn: null, parent, order, employeeCount: 0 }
}

/** "code@depth" in display order, depth first. */
function flatten(nodes: readonly DepartmentNode[]): string[] {
  return nodes.flatMap((n) => [`${n.department.code}@${n.depth}`, ...flatten(n.children)])
}

describe('buildDepartmentTree', () => {
  it('nests by parent and orders siblings by display order, then code', () => {
    const tree = buildDepartmentTree([
      dept('S2', 'SALES', 2),
      dept('ADMIN', 'HQ', 2),
      dept('S1', 'SALES', 1),
      dept('SALES', 'HQ', 1),
      dept('HQ', null),
      dept('B', null, 0),
    ])
    expect(flatten(tree)).toEqual(['B@0', 'HQ@0', 'SALES@1', 'S1@2', 'S2@2', 'ADMIN@1'])
  })

  it('shows a department whose parent is missing at the top instead of losing it', () => {
    expect(flatten(buildDepartmentTree([dept('HQ', null), dept('X', 'GONE')]))).toEqual(['HQ@0', 'X@0'])
  })

  it('cuts a cycle instead of looping, and still shows every department once', () => {
    const tree = buildDepartmentTree([dept('A', 'B'), dept('B', 'A'), dept('SELF', 'SELF')])
    const codes = flatten(tree).map((s) => s.split('@')[0])
    expect(codes.sort()).toEqual(['A', 'B', 'SELF'])
  })
})

describe('initiallyExpanded', () => {
  it('opens the top two levels that have children', () => {
    const tree = buildDepartmentTree([
      dept('HQ', null),
      dept('SALES', 'HQ'),
      dept('S1', 'SALES'),
      dept('T1', 'S1'),
      dept('LEAF', null),
    ])
    expect([...initiallyExpanded(tree)].sort()).toEqual(['HQ', 'SALES'])
  })
})
