import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { people, writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

const day = 24 * 60 * 60 * 1000
let server: RunningScimServer
let dir: string
let clock: TestClock
let secrets: MemorySecretStore
let core: Core

beforeAll(async () => {
  // Without Bulk, one POST per person, so a run can be stopped between two people
  // (directory-scim-writes.test.ts covers Bulk).
  server = await startScimServer({ bulk: false })
})
afterAll(async () => {
  await server.stop()
})

async function openCore(): Promise<Core> {
  return openTestCore(dir, { secrets, clock })
}

beforeEach(async () => {
  for (const user of server.users())
    await fetch(`${server.baseUrl}/Users/${String(user.id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.token}` },
    })
  for (const group of server.groups())
    await fetch(`${server.baseUrl}/Groups/${String(group.id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.token}` },
    })
  dir = tempDataDir('renkei-dir-scim-')
  clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  secrets = new MemorySecretStore()
  await secrets.set(directorySecretNames.targetScimToken, server.token)
  core = await openCore()
})
afterEach(async () => {
  await core.close()
})

async function configure(persons: CsvPerson[], extra: Record<string, unknown> = {}): Promise<void> {
  await core.api['directory.config.update']({
    source: { kind: 'csv', ...writeDirectoryCsv(dir, persons) },
    target: { kind: 'scim', baseUrl: server.baseUrl },
    ...extra,
  })
}

const writes = (): number => server.requests().filter((r) => r.method !== 'GET').length
const active = (): string[] =>
  server
    .users()
    .filter((u) => u.active !== false)
    .map((u) => String(u.externalId))
    .sort()

describe('directory sync into a SCIM 2.0 service (SCIMMY on loopback)', () => {
  it('creates the people and groups, and a second run with no source change writes nothing', async () => {
    await configure(people(6))
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user.create).toBe(6)
    expect(plan.counts.group.create).toBe(1)
    expect(writes()).toBe(0)

    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    const users = server.users()
    expect(users).toHaveLength(6)
    const first = users.find((u) => u.externalId === 'E0001')!
    expect(first).toMatchObject({
      userName: 'e0001',
      displayName: '山田 太郎1',
      name: { familyName: '山田', givenName: '太郎1' },
      active: true,
    })
    const group = server.groups()[0]!
    expect(group.displayName).toBe('営業プロジェクト')
    expect((group.members as unknown[]).length).toBe(3)

    const before = writes()
    const second = await confirmedDirectoryRun(core.api)
    expect(second.message.en).toBe('No changes')
    expect(writes()).toBe(before)
  })

  it('reads the target while the source is read, yet reports a broken source first and a refused token after', async () => {
    await secrets.set(directorySecretNames.targetScimToken, 'not-the-token')
    const before = writes()
    await configure([...people(3), { key: 'E0001', name: '重複 一郎', dept: 'S1', login: 'dup.one' }])
    const broken = await confirmedDirectoryRun(core.api)
    expect(broken.outcome).toBe('error')
    expect(broken.message.en).toMatch(/source/i)
    expect(broken.message.en).not.toMatch(/401|token|credential/i)

    await configure(people(3))
    const refused = await confirmedDirectoryRun(core.api)
    expect(refused.outcome).toBe('error')
    expect(refused.message.en).not.toMatch(/source/i)
    expect(writes()).toBe(before)
  })

  it('changes one field with one PATCH, and says so in the history', async () => {
    await configure(people(3))
    await confirmedDirectoryRun(core.api)
    const changed = people(3)
    changed[1] = { ...changed[1]!, email: 'moved@example.jp' }
    await configure(changed)
    const plan = await core.api['directory.preview']({})
    expect(plan.items).toEqual([
      expect.objectContaining({
        action: 'update',
        key: 'E0002',
        fields: [{ field: 'email', before: 'user2@example.jp', after: 'moved@example.jp' }],
      }),
    ])
    const before = server.requests().length
    await confirmedDirectoryRun(core.api)
    const after = server
      .requests()
      .slice(before)
      .filter((r) => r.method !== 'GET')
    expect(after.map((r) => r.method)).toEqual(['PATCH'])
    const history = await core.api['history.search']({ filter: { category: 'directory', direction: 'send' } })
    expect(history.entries[0]!.message).toMatch(/ユーザー「山田 太郎2」\(E0002\) を更新しました \(email\)/)
  })

  it('over the licence count: nothing reaches the target and the history says by how many', async () => {
    await configure(people(5), { licenceCount: 3 })
    const plan = await core.api['directory.preview']({})
    expect(plan.licence).toMatchObject({ limit: 3, newUsers: 5, seatsFree: 3, over: 2 })
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('blocked')
    expect(server.users()).toHaveLength(0)
    const history = await core.api['history.search']({ filter: { category: 'directory', level: 'error' } })
    expect(history.entries[0]!.message).toContain('ライセンス数 3 を 2 人超えています')
  })

  it('suspends people who left, holds them for the grace period, then deletes them; the guard needs one approval', async () => {
    await configure(people(20))
    await confirmedDirectoryRun(core.api)
    await configure(people(15))
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('blocked')
    expect(active()).toHaveLength(20)

    expect((await confirmedDirectoryRun(core.api, { approveDeletions: true })).outcome).toBe('ok')
    expect(active()).toHaveLength(15)
    expect(server.users()).toHaveLength(20)

    clock.jump(29 * day)
    await confirmedDirectoryRun(core.api)
    expect(server.users()).toHaveLength(20)
    clock.jump(1 * day)
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user.delete).toBe(5)
    expect(plan.items[0]!.reason?.ja).toContain('猶予期間 30 日を過ぎました')
    // Deleting 5 of 20 trips the guard again: approve this one too.
    await confirmedDirectoryRun(core.api, { approveDeletions: true })
    expect(server.users()).toHaveLength(15)
  })

  it('uses the initial password only when creating a user', async () => {
    await secrets.set(directorySecretNames.initialPassword, 'Welcome-2026!')
    await configure(people(1))
    await confirmedDirectoryRun(core.api)
    expect(server.users()[0]!.password).toBe('Welcome-2026!')
    await secrets.set(directorySecretNames.initialPassword, 'Changed-later')
    const changed = [{ ...people(1)[0]!, email: 'changed@example.jp' }]
    await configure(changed)
    const before = server.requests().length
    await confirmedDirectoryRun(core.api)
    expect(
      server
        .requests()
        .slice(before)
        .some((r) => r.method === 'PATCH'),
    ).toBe(true)
    expect(server.users()[0]!.password).toBe('Welcome-2026!')
    const history = await core.api['history.search']({ filter: {}, limit: 500 })
    expect(JSON.stringify(history)).not.toContain('Welcome-2026!')
  })

  it('a run stopped half way is finished by the next one, without duplicates', async () => {
    await configure(people(30))
    let stopping: Promise<void> | null = null
    const unsubscribe = core.subscribe('directory.progress', (p) => {
      if (p.phase === 'applying' && p.done === 10 && !stopping) stopping = core.close()
    })
    const interrupted = await confirmedDirectoryRun(core.api)
    unsubscribe()
    await stopping
    expect(interrupted.outcome).toBe('error')
    const partial = server.users().length
    expect(partial).toBeGreaterThanOrEqual(10)
    expect(partial).toBeLessThan(30)

    core = await openCore()
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user.create).toBe(30 - partial)
    await confirmedDirectoryRun(core.api)
    const keys = server.users().map((u) => String(u.externalId))
    expect(keys).toHaveLength(30)
    expect(new Set(keys).size).toBe(30)
  })
})
