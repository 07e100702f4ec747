import { describe, expect, it } from 'vitest'
import type { TargetAccount, TargetUser } from './directory-connectors'
import type { OwnershipRecord } from './ownership-ledger'
import { planTarget, type TargetPlanInput } from './target-planner'

const day = 24 * 60 * 60 * 1000
const now = Date.UTC(2026, 10, 23)

const user = (key: string, login = key.toLowerCase()): TargetUser => ({
  key,
  login,
  displayName: `社員 ${key}`,
  familyName: '社員',
  givenName: key,
  email: `${login}@example.jp`,
  departmentCode: null,
  department: null,
  title: null,
  active: true,
})

function account(login: string, overrides: Partial<TargetAccount> = {}): TargetAccount {
  return {
    ...user('x', login),
    key: null,
    ref: `ref-${login}`,
    handle: `h-${login}`,
    dn: null,
    groups: [],
    ...overrides,
  }
}

const record = (
  key: string,
  handle: string | null,
  extra: Partial<OwnershipRecord> = {},
): OwnershipRecord => ({
  object: 'user',
  key,
  handle,
  ref: null,
  login: null,
  origin: 'created',
  state: handle === null ? 'pending' : 'owned',
  at: 0,
  ...extra,
})

function plan(overrides: Partial<TargetPlanInput>) {
  return planTarget({
    desiredUsers: [],
    desiredGroups: null,
    state: { users: [], groups: [], licenceLimit: null },
    suspendedSince: new Map(),
    now,
    graceDays: 30,
    records: [],
    adoptBy: ['key', 'login'],
    exclusions: { logins: [], branches: [], groups: [] },
    ...overrides,
  })
}

const state = (...users: TargetAccount[]) => ({ users, groups: [], licenceLimit: null })
const actions = (p: ReturnType<typeof planTarget>): string[] =>
  [...p.users, ...p.groups].map((w) => `${w.item.action}:${w.item.key}`)

describe('planTarget with an ownership ledger', () => {
  it('never suspends or deletes a keyed account Renkei does not own, however long it is missing', () => {
    const foreign = account('aad.user', { key: 'aad-6f1c', active: false })
    const p = plan({ state: state(foreign), suspendedSince: new Map([['aad-6f1c', now - 400 * day]]) })
    expect(actions(p)).toEqual([])
    expect(p.classified.foreign).toEqual([foreign])
  })

  it('adopts a foreign account matched by login (an adopt item), and never plans a second account', () => {
    const p = plan({ desiredUsers: [user('E1', 'taro')], state: state(account('taro')) })
    expect(actions(p)).toEqual(['adopt:E1'])
    expect(p.users[0]!.ref).toBe('ref-taro')
    expect(p.users[0]!.handle).toBe('h-taro')
    expect(p.users[0]!.changed).toContain('key')
    expect(p.users[0]!.item.reason?.en).toContain('matched by login')
  })

  it('upgrade path: a keyed account with a home employee key is an adoption candidate, not silently owned', () => {
    const p = plan({ desiredUsers: [user('E1')], state: state(account('e1', { key: 'E1' })) })
    expect(actions(p)).toEqual(['adopt:E1'])
  })

  it('holds a person whose login is taken by a foreign account the match rules do not cover', () => {
    const p = plan({
      desiredUsers: [user('E1', 'taro')],
      state: state(account('taro', { email: 'someone@example.jp' })),
      adoptBy: ['email'],
    })
    // e-mail differs (taro@ vs the account's), so no adoption: neither created nor adopted.
    expect(actions(p)).toEqual([])
    expect(p.held).toHaveLength(1)
    expect(p.held[0]!.reason.en).toContain('not created')
  })

  it('holds a person matching two foreign accounts', () => {
    const twin = account('other', { email: 'taro@example.jp', ref: 'ref-2', handle: 'h-2' })
    const p = plan({
      desiredUsers: [user('E1', 'taro')],
      state: state(account('taro'), twin),
      adoptBy: ['login', 'email'],
    })
    expect(actions(p)).toEqual([])
    expect(p.held[0]!.reason.en).toContain('matches 2 existing accounts')
  })

  it('leaves an excluded account alone even when Renkei owns it, and does not re-create its employee', () => {
    const admin = account('admin', { key: 'E1', active: true })
    const p = plan({
      desiredUsers: [{ ...user('E1', 'admin'), displayName: '変更' }],
      state: state(admin, account('svc-backup', { key: 'E2' })),
      records: [record('E1', 'h-admin'), record('E2', 'h-svc-backup')],
      exclusions: { logins: ['ADMIN', 'svc-*'], branches: [], groups: [] },
    })
    expect(actions(p)).toEqual([])
    expect(p.classified.excluded.map((e) => [e.account.login, e.reason.en])).toEqual([
      ['admin', 'exclusion rule (login ADMIN)'],
      ['svc-backup', 'exclusion rule (login svc-*)'],
    ])
  })

  it('excludes by LDAP branch and by watched group', () => {
    const contractor = account('c1', { dn: 'uid=c1,ou=contractors,ou=people,dc=example,dc=jp', key: 'E1' })
    const inGroup = account('g1', { groups: ['cn=no-sync,dc=example,dc=jp'], key: 'E2' })
    const p = plan({
      state: state(contractor, inGroup),
      records: [record('E1', 'h-c1'), record('E2', 'h-g1')],
      exclusions: { logins: [], branches: ['OU=Contractors, ou=People,dc=example,dc=jp'], groups: [] },
    })
    expect(actions(p)).toEqual([])
    expect(p.classified.excluded).toHaveLength(2)
  })

  it('recognises an object a killed run created before its ownership was recorded (pending intent)', () => {
    const made = account('taro', { key: 'E1' })
    const p = plan({ desiredUsers: [user('E1', 'taro')], state: state(made), records: [record('E1', null)] })
    expect(actions(p)).toEqual(['update:E1'])
    expect(p.classified.claims).toEqual([
      { object: 'user', key: 'E1', handle: 'h-taro', ref: 'ref-taro', origin: 'created' },
    ])
  })

  it('manages owned accounts by handle, whatever key attribute they carry now', () => {
    const renamed = account('taro', { key: 'changed-by-someone', ref: 'ref-new' })
    const p = plan({ state: state(renamed), records: [record('E1', 'h-taro')] })
    expect(actions(p)).toEqual(['suspend:E1'])
  })

  it('adopts a foreign group with the same key instead of creating a second one', () => {
    const group = { key: 'G1', displayName: '営業', ref: 'g-1', handle: 'hg-1', memberRefs: [] }
    const p = plan({
      desiredGroups: [{ key: 'G1', displayName: '営業', memberKeys: [] }],
      state: { users: [], groups: [group], licenceLimit: null },
    })
    expect(actions(p)).toEqual(['adopt:G1'])
  })
})
