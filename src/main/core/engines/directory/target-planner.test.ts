import { describe, expect, it } from 'vitest'
import type { TargetAccount, TargetGroupAccount, TargetUser } from './directory-connectors'
import type { OwnershipRecord } from './ownership-ledger'
import { planTarget, type TargetPlanInput } from './target-planner'

const day = 24 * 60 * 60 * 1000
const now = Date.UTC(2026, 10, 23)

function user(key: string, overrides: Partial<TargetUser> = {}): TargetUser {
  return {
    key,
    login: key.toLowerCase(),
    displayName: `社員 ${key}`,
    familyName: '社員',
    givenName: key,
    email: `${key.toLowerCase()}@example.jp`,
    departmentCode: 'D1',
    department: '営業部',
    title: null,
    active: true,
    ...overrides,
  }
}
const onTarget = (u: TargetUser): TargetAccount => ({
  ...u,
  ref: `ref-${u.key}`,
  handle: `h-${u.key}`,
  dn: null,
  groups: [],
})
const owned = (object: 'user' | 'group', key: string, handle: string): OwnershipRecord => ({
  object,
  key,
  handle,
  ref: null,
  login: null,
  origin: 'created',
  state: 'owned',
  at: 0,
})

/** By default every keyed account and group in `state` is Renkei's own (a ledger row per handle). */
function input(overrides: Partial<TargetPlanInput>): TargetPlanInput {
  const state = overrides.state ?? { users: [], groups: [], licenceLimit: null }
  const records = [
    ...state.users.flatMap((u) => (u.key === null ? [] : [owned('user', u.key, u.handle)])),
    ...state.groups.flatMap((g) => (g.key === null ? [] : [owned('group', g.key, g.handle)])),
  ]
  return {
    desiredUsers: [],
    desiredGroups: null,
    state,
    suspendedSince: new Map(),
    now,
    graceDays: 30,
    records,
    adoptBy: ['key', 'login'],
    exclusions: { logins: [], branches: [], groups: [] },
    ...overrides,
  }
}

const actions = (plan: ReturnType<typeof planTarget>): string[] =>
  [...plan.users, ...plan.groups].map((w) => `${w.item.object}:${w.item.action}:${w.item.key}`)

describe('planTarget', () => {
  it('creates users the target lacks and writes nothing when both sides match', () => {
    const desired = [user('E1'), user('E2')]
    expect(actions(planTarget(input({ desiredUsers: desired })))).toEqual([
      'user:create:E1',
      'user:create:E2',
    ])
    const same = input({
      desiredUsers: desired,
      state: { users: desired.map(onTarget), groups: [], licenceLimit: null },
    })
    expect(planTarget(same).users).toEqual([])
  })

  it('updates only the changed fields, with before and after', () => {
    const plan = planTarget(
      input({
        desiredUsers: [user('E1', { email: 'new@example.jp', title: '課長' })],
        state: { users: [onTarget(user('E1'))], groups: [], licenceLimit: null },
      }),
    )
    expect(plan.users[0]!.item.action).toBe('update')
    expect(plan.users[0]!.changed).toEqual(['email', 'title'])
    expect(plan.users[0]!.item.fields).toEqual([
      { field: 'email', before: 'e1@example.jp', after: 'new@example.jp' },
      { field: 'title', before: null, after: '課長' },
    ])
  })

  it('does not create a user the source has suspended, and suspends one the target still has active', () => {
    const plan = planTarget(
      input({
        desiredUsers: [user('E1', { active: false }), user('E2', { active: false })],
        state: { users: [onTarget(user('E2'))], groups: [], licenceLimit: null },
      }),
    )
    expect(actions(plan)).toEqual(['user:suspend:E2'])
    expect(plan.users[0]!.missing).toBe(false)
  })

  it('suspends a user missing from the source, keeps it during the grace period, then deletes it', () => {
    const gone = onTarget(user('E9'))
    const first = planTarget(input({ state: { users: [gone], groups: [], licenceLimit: null } }))
    expect(actions(first)).toEqual(['user:suspend:E9'])
    expect(first.users[0]!.missing).toBe(true)

    const suspended = { ...gone, active: false }
    const state = { users: [suspended], groups: [], licenceLimit: null }
    const day29 = new Map([['E9', now - 29 * day]])
    expect(planTarget(input({ state, suspendedSince: day29 })).users).toEqual([])
    const day30 = new Map([['E9', now - 30 * day]])
    expect(actions(planTarget(input({ state, suspendedSince: day30 })))).toEqual(['user:delete:E9'])
    // First seen suspended today (no record yet): the grace period starts now.
    expect(planTarget(input({ state })).users).toEqual([])
  })

  it('reactivates a suspended user who is back in the source', () => {
    const plan = planTarget(
      input({
        desiredUsers: [user('E1')],
        state: { users: [onTarget(user('E1', { active: false }))], groups: [], licenceLimit: null },
      }),
    )
    expect(actions(plan)).toEqual(['user:reactivate:E1'])
  })

  it('creates, updates membership of and deletes groups', () => {
    const people = [user('E1'), user('E2')]
    const existing: TargetGroupAccount[] = [
      { key: 'G1', displayName: 'プロジェクトA', memberRefs: ['ref-E2', 'ref-E1'], ref: 'g1', handle: 'g1' },
      { key: 'OLD', displayName: '旧グループ', memberRefs: [], ref: 'g-old', handle: 'g-old' },
    ]
    const users = people.map(onTarget)
    const plan = planTarget(
      input({
        desiredUsers: people,
        desiredGroups: [
          { key: 'G1', displayName: 'プロジェクトA', memberKeys: ['E1', 'E3'] },
          { key: 'G2', displayName: '新グループ', memberKeys: [] },
        ],
        state: { users, groups: existing, licenceLimit: null },
      }),
    )
    expect(actions(plan)).toEqual(['group:update:G1', 'group:create:G2', 'group:delete:OLD'])
    expect(plan.groups[0]!.item.fields).toEqual([{ field: 'members', before: ['E2'], after: ['E3'] }])
    const unchanged = planTarget(
      input({
        desiredUsers: people,
        desiredGroups: [{ key: 'G1', displayName: 'プロジェクトA', memberKeys: ['E1', 'E2'] }],
        state: { users, groups: [existing[0]!], licenceLimit: null },
      }),
    )
    expect(unchanged.groups).toEqual([])
  })
})
