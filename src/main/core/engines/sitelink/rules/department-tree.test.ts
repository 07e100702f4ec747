import { describe, expect, it } from 'vitest'
import { departmentTreeOf, lineageOf } from './department-tree'

describe('department tree', () => {
  const tree = departmentTreeOf([
    { code: 'hq', parent: null },
    { code: 'sales', parent: 'hq' },
    { code: 'sales1', parent: 'sales' },
  ])

  it('knows parents; top level and unknown codes have none', () => {
    expect(tree.parentOf('sales1')).toBe('sales')
    expect(tree.parentOf('hq')).toBeNull()
    expect(tree.parentOf('nowhere')).toBeNull()
  })

  it('lists a department and its ancestors nearest first', () => {
    expect(lineageOf(tree, 'sales1')).toEqual(['sales1', 'sales', 'hq'])
    expect(lineageOf(tree, 'nowhere')).toEqual(['nowhere'])
  })

  it('stops at a cycle in received data', () => {
    const cyclic = departmentTreeOf([
      { code: 'a', parent: 'b' },
      { code: 'b', parent: 'a' },
    ])
    expect(lineageOf(cyclic, 'a')).toEqual(['a', 'b'])
  })
})
