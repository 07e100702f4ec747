import { describe, expect, it } from 'vitest'
import type { DirectoryPlan, PlanCounts } from '../../../../shared/model/directory'
import { anyChange, filterRows, planRows } from './plan-rows'

const zero = { create: 0, adopt: 0, update: 0, suspend: 0, reactivate: 0, delete: 0 }
const counts: PlanCounts = { user: zero, group: zero }

function plan(overrides: Partial<DirectoryPlan>): DirectoryPlan {
  return {
    computedAt: 0,
    fingerprint: 'test',
    source: { employees: 0, departments: 0, positions: 0, groups: 0 },
    homeChanges: [],
    homeChangesTotal: 0,
    hasTarget: false,
    items: [],
    itemsTotal: 0,
    counts,
    licence: { limit: null, activeSourceUsers: 0, newUsers: 0, seatsFree: null, over: 0 },
    deletion: { removals: 0, base: 0, maxCount: 500, maxPercent: 10, tripped: false, approved: false },
    adoption: { candidates: 0, approved: false },
    foreign: [],
    foreignTotal: 0,
    excluded: [],
    excludedTotal: 0,
    held: [],
    heldTotal: 0,
    blocked: null,
    sourceNotices: [],
    departmentNames: {},
    ...overrides,
  }
}

const homePlan = plan({
  homeChangesTotal: 5,
  homeChanges: [
    { kind: 'employee', key: 'E1', name: '山田 太郎', action: 'created', fields: [] },
    {
      kind: 'employee',
      key: 'E2',
      name: '鈴木 花子',
      action: 'updated',
      fields: [{ field: 'email', before: 'old@example.jp', after: 'hanako@example.jp' }],
    },
    { kind: 'department', key: 'S1', name: '営業1課', action: 'created', fields: [] },
  ],
})

describe('planRows', () => {
  it('lists home changes when there is no target, with the total of the whole plan', () => {
    const rows = planRows(homePlan)
    expect(rows.source).toBe('home')
    expect(rows.total).toBe(5)
    expect(rows.rows.map((r) => `${r.object}:${r.key}:${r.action}`)).toEqual([
      'employee:E1:created',
      'employee:E2:updated',
      'department:S1:created',
    ])
  })

  it('lists the target writes when there is a target', () => {
    const rows = planRows(
      plan({
        hasTarget: true,
        itemsTotal: 1,
        homeChanges: homePlan.homeChanges,
        items: [{ object: 'user', key: 'E1', name: '山田 太郎', action: 'create', fields: [], reason: null }],
      }),
    )
    expect(rows.source).toBe('target')
    expect(rows.rows).toHaveLength(1)
    expect(rows.rows[0]).toMatchObject({ id: 'user:E1', action: 'create' })
  })
})

describe('filterRows', () => {
  const rows = planRows(homePlan).rows

  it('keeps everything without a filter', () => {
    expect(filterRows(rows, anyChange)).toHaveLength(3)
  })

  it('filters by object and action', () => {
    expect(filterRows(rows, { ...anyChange, object: 'employee' }).map((r) => r.key)).toEqual(['E1', 'E2'])
    expect(
      filterRows(rows, { ...anyChange, object: 'employee', action: 'updated' }).map((r) => r.key),
    ).toEqual(['E2'])
  })

  it('finds text in names, keys and field values, ignoring case', () => {
    expect(filterRows(rows, { ...anyChange, text: '営業' }).map((r) => r.key)).toEqual(['S1'])
    expect(filterRows(rows, { ...anyChange, text: ' HANAKO@' }).map((r) => r.key)).toEqual(['E2'])
    expect(filterRows(rows, { ...anyChange, text: 'e1' }).map((r) => r.key)).toEqual(['E1'])
    expect(filterRows(rows, { ...anyChange, text: 'nobody' })).toEqual([])
  })
})
