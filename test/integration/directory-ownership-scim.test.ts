/**
 * Ownership against two independent SCIM 2.0 servers (SCIMMY and Better Auth's SCIM plugin): Renkei manages
 * only what it created or the admin adopted; another client's accounts survive any number of runs.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { startBetterAuthScim } from '../support/better-auth-scim-server'
import { people, writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { startScimServer } from '../support/scim-server'
import { skipBecause } from '../support/skip-reason'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

const day = 24 * 60 * 60 * 1000

interface Server {
  readonly baseUrl: string
  readonly token: string
  stop(): Promise<void>
}

type ScimUser = Record<string, unknown> & { id: string; userName: string; externalId?: string }

/** Better Auth's SCIM plugin provisions Users only (its /Groups is an empty list). */
const servers: readonly [string, () => Promise<Server>, boolean][] = [
  ['SCIMMY', () => startScimServer(), true],
  ['Better Auth SCIM', () => startBetterAuthScim(), false],
]

describe.each(servers)('directory ownership against %s', (name, start, hasGroups) => {
  let server: Server
  let dir: string
  let clock: TestClock
  let secrets: MemorySecretStore
  let core: Core

  /** A SCIM call as another client (an identity provider with its own accounts) makes it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- SCIM JSON as each server shapes it
  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text === '' ? null : JSON.parse(text) }
  }

  async function allUsers(): Promise<ScimUser[]> {
    const { body } = await call('GET', '/Users?startIndex=1&count=1000')
    return (body.Resources ?? []) as ScimUser[]
  }

  /** What the server holds for one account, without the server's own bookkeeping (meta changes on read). */
  async function readBack(id: string): Promise<unknown> {
    const { status, body } = await call('GET', `/Users/${id}`)
    if (status !== 200) return { status }
    const { meta: _meta, ...rest } = body as Record<string, unknown>
    return rest
  }

  async function foreignUser(userName: string, externalId?: string): Promise<string> {
    const created = await call('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      ...(externalId ? { externalId } : {}),
      name: { formatted: `Foreign ${userName}`, familyName: 'Foreign', givenName: userName },
      displayName: `Foreign ${userName}`,
      emails: [{ value: `${userName}@idp.example.com`, type: 'work', primary: true }],
      active: true,
    })
    expect(created.status).toBe(201)
    return String(created.body.id)
  }

  const openCore = (): Promise<Core> => openTestCore(dir, { secrets, clock })

  async function configure(persons: CsvPerson[], extra: Record<string, unknown> = {}): Promise<void> {
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, persons) },
      target: { kind: 'scim', baseUrl: server.baseUrl, provisionGroups: false },
      ...extra,
    })
  }

  // A fresh server per test: Better Auth keeps a deleted SCIM user's e-mail taken.
  beforeEach(async () => {
    server = await start()
    dir = tempDataDir('renkei-own-scim-')
    clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
    secrets = new MemorySecretStore()
    await secrets.set(directorySecretNames.targetScimToken, server.token)
    core = await openCore()
  })
  afterEach(async () => {
    await core.close()
    await server.stop()
  })

  it('a foreign user (externalId aad-6f1c) survives many runs and a clock past the grace period, untouched', async () => {
    const foreignId = await foreignUser('aad.user', 'aad-6f1c')
    const before = await readBack(foreignId)
    await configure(people(4))
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user.create).toBe(4)
    expect(plan.counts.user.suspend + plan.counts.user.delete).toBe(0)
    expect(plan.foreign).toEqual([
      expect.objectContaining({ ref: foreignId, key: 'aad-6f1c', name: 'aad.user' }),
    ])
    for (let run = 0; run < 4; run++) {
      const summary = await confirmedDirectoryRun(core.api, { approveDeletions: true })
      expect(summary.outcome).toBe('ok')
      clock.jump(40 * day)
    }
    expect(await readBack(foreignId)).toEqual(before)
    expect((await allUsers()).map((u) => u.userName).sort()).toEqual([
      'aad.user',
      'e0001',
      'e0002',
      'e0003',
      'e0004',
    ])
  })

  it('adoption by userName is shown in the preview and applied only after approval, never duplicated', async () => {
    const existingId = await foreignUser('e0001')
    const before = await readBack(existingId)
    await configure(people(3))
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user).toMatchObject({ create: 2, adopt: 1 })
    expect(plan.adoption).toEqual({ candidates: 1, approved: false })
    expect(plan.items.find((i) => i.action === 'adopt')).toMatchObject({ key: 'E0001' })

    const unapproved = await confirmedDirectoryRun(core.api)
    expect(unapproved.outcome).toBe('warning')
    expect(unapproved.message.en).toContain('1 existing accounts wait for adoption')
    expect(await readBack(existingId)).toEqual(before)
    expect((await allUsers()).filter((u) => u.userName === 'e0001')).toHaveLength(1)

    const approved = await confirmedDirectoryRun(core.api, { approveAdoptions: true })
    expect(approved.outcome).toBe('ok')
    const users = await allUsers()
    expect(users.filter((u) => u.userName === 'e0001').map((u) => [u.id, u.externalId])).toEqual([
      [existingId, 'E0001'],
    ])
    expect(users).toHaveLength(3)
    const after = await core.api['directory.preview']({})
    expect(after.itemsTotal).toBe(0)
  })

  it('upgrade from a version without ownership records: its keyed accounts are adoption candidates, once', async () => {
    const ids = [await foreignUser('e0001', 'E0001'), await foreignUser('e0002', 'E0002')]
    await configure(people(2).map((p) => ({ ...p, email: `${p.key.toLowerCase()}@idp.example.com` })))
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user).toMatchObject({ create: 0, adopt: 2, update: 0, suspend: 0 })
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('warning')
    expect((await allUsers()).map((u) => u.id).sort()).toEqual([...ids].sort())
    expect((await confirmedDirectoryRun(core.api, { approveAdoptions: true })).outcome).toBe('ok')
    expect((await allUsers()).map((u) => u.id).sort()).toEqual([...ids].sort())
    expect((await core.api['directory.preview']({})).itemsTotal).toBe(0)
  })

  it('an excluded account is left alone even though Renkei owns it', async () => {
    await configure(people(4))
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    const admin = (await allUsers()).find((u) => u.userName === 'e0002')!
    const before = await readBack(admin.id)
    const changed = people(4).filter((p) => p.key !== 'E0002')
    await configure(changed, { exclusions: { logins: ['E000[2]', 'e0002'] } })
    const plan = await core.api['directory.preview']({})
    expect(plan.excluded).toEqual([
      expect.objectContaining({
        ref: admin.id,
        reason: expect.objectContaining({ en: 'exclusion rule (login e0002)' }),
      }),
    ])
    expect(plan.counts.user.suspend).toBe(0)
    await confirmedDirectoryRun(core.api, { approveDeletions: true })
    clock.jump(40 * day)
    await confirmedDirectoryRun(core.api, { approveDeletions: true })
    expect(await readBack(admin.id)).toEqual(before)
  })

  it('a create whose ownership was never recorded (killed after the request) is recognised, not duplicated (injected fault)', async () => {
    await configure(people(2))
    await core.close()
    // The state kill -9 leaves between "intent committed" and "answer recorded": the intent row, and the
    // account the request made on the server.
    const db = new Database(join(dir, 'renkei.sqlite'))
    db.prepare(
      `INSERT INTO directory_ownership (scope, object, key, handle, ref, login, origin, state, at)
       VALUES (?, 'user', 'E0001', NULL, NULL, 'e0001', 'created', 'pending', 0)`,
    ).run(`scim ${server.baseUrl}`)
    db.close()
    const made = await foreignUser('e0001', 'E0001')
    core = await openCore()
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user).toMatchObject({ create: 1, adopt: 0 })
    expect(plan.foreignTotal).toBe(0)
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    const users = await allUsers()
    expect(users.filter((u) => u.userName === 'e0001').map((u) => u.id)).toEqual([made])
    expect(users).toHaveLength(2)
  })

  it.skipIf(skipBecause(!hasGroups, `${name} has no Groups endpoint`))(
    'members of an excluded group are left alone',
    async () => {
      await configure(people(3))
      await confirmedDirectoryRun(core.api)
      const member = (await allUsers()).find((u) => u.userName === 'e0003')!
      const group = await call('POST', '/Groups', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'no-sync',
        members: [{ value: member.id }],
      })
      expect(group.status).toBe(201)
      const before = await readBack(member.id)
      await configure(people(2), { exclusions: { groups: ['no-sync'] } })
      const plan = await core.api['directory.preview']({})
      expect(plan.excluded.map((e) => e.reason?.ja)).toEqual(['除外ルール（グループ no-sync）'])
      await confirmedDirectoryRun(core.api, { approveDeletions: true })
      expect(await readBack(member.id)).toEqual(before)
      await configure(people(2), { exclusions: { groups: ['no-such-group'] } })
      const missing = await confirmedDirectoryRun(core.api)
      expect(missing.outcome).toBe('error')
      expect(missing.message.en).toContain('"no-such-group" does not exist')
    },
  )
})
