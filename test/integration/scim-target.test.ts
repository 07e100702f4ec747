import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { ScimDirectoryTarget } from '../../src/main/core/connectors/scim/scim-directory-target'
import type { TargetUser } from '../../src/main/core/engines/directory/directory-connectors'
import { scimTargetConfig, type ScimTargetConfig } from '../../src/shared/model/directory-config'
import { startScimServer, type RunningScimServer } from '../support/scim-server'

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
let server: RunningScimServer
const opened: ScimDirectoryTarget[] = []

beforeAll(async () => {
  server = await startScimServer()
})
afterEach(async () => {
  server.injectFaults({ status: 503, count: 0 })
  await Promise.all(opened.splice(0).map((c) => c.close()))
})
afterAll(async () => {
  await server.stop()
})

interface Made {
  readonly target: ScimDirectoryTarget
  readonly sleeps: number[]
}

function connect(
  options: { baseUrl?: string; token?: string; maxRetries?: number; config?: Partial<ScimTargetConfig> } = {},
): Made {
  const sleeps: number[] = []
  const config = scimTargetConfig.parse({
    kind: 'scim',
    baseUrl: options.baseUrl ?? server.baseUrl,
    ...options.config,
  })
  const target = new ScimDirectoryTarget(config, options.token ?? server.token, {
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  })
  opened.push(target)
  return { target, sleeps }
}

function employee(key: string, login: string, overrides: Partial<TargetUser> = {}): TargetUser {
  return {
    key,
    login,
    displayName: '山田 太郎',
    familyName: '山田',
    givenName: '太郎',
    email: `${login}@example.co.jp`,
    departmentCode: 'D100',
    department: '営業部',
    title: '部長',
    active: true,
    ...overrides,
  }
}

const asAccount = (user: TargetUser, ref: string | undefined) => ({
  ...user,
  ref,
  handle: ref,
  dn: null,
  groups: [],
})
const stored = (key: string) => server.users().filter((u) => u.externalId === key)
const since = (mark: number) => server.requests().slice(mark)
const read = (target: ScimDirectoryTarget) => target.read(new AbortController().signal)

/** Awaits a ConnectorError of the given kind and checks that no secret leaked into it. */
async function failure(promise: Promise<unknown>, kind: ConnectorError['kind'], secret = server.token) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectorError)
  const connectorError = error as ConnectorError
  expect(connectorError.kind).toBe(kind)
  const visible = [connectorError.message, connectorError.localized.ja, connectorError.localized.en]
  for (const text of [...visible, connectorError.serverAnswer ?? '', JSON.stringify(connectorError)]) {
    expect(text).not.toContain(secret)
  }
  return connectorError
}

/** A hand-made account, as an admin would add it in the service's own UI (no externalId). */
async function handMade(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.baseUrl}/Users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], ...body }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

describe('SCIM target: writing users', () => {
  it('creates a user with Japanese names, the enterprise extension and the initial password', async () => {
    const { target } = connect()
    const id = await target.createUser(employee('E1001', 'yamada.taro'), 'Init-Pass-1')
    const [user, ...others] = stored('E1001')
    expect(others).toHaveLength(0)
    expect(user).toMatchObject({
      id,
      externalId: 'E1001',
      userName: 'yamada.taro',
      displayName: '山田 太郎',
      name: { familyName: '山田', givenName: '太郎', formatted: '山田 太郎' },
      emails: [{ value: 'yamada.taro@example.co.jp', type: 'work', primary: true }],
      title: '部長',
      active: true,
      password: 'Init-Pass-1',
      [enterprise]: { employeeNumber: 'E1001', department: '営業部', division: 'D100' },
    })
  })

  it('leaves out what the employee does not have', async () => {
    const { target } = connect()
    const bare = employee('E1002', 'suzuki', {
      displayName: '鈴木',
      familyName: '鈴木',
      givenName: '',
      email: null,
      departmentCode: null,
      department: null,
      title: null,
    })
    await target.createUser(bare, null)
    const [user] = stored('E1002')
    expect(user).toBeDefined()
    for (const absent of ['emails', 'title', 'password']) expect(user).not.toHaveProperty(absent)
    expect(user?.name).toEqual({ familyName: '鈴木', formatted: '鈴木' })
    expect(user?.[enterprise]).toEqual({ employeeNumber: 'E1002' })
    const back = (await read(target)).users.find((u) => u.key === 'E1002')
    expect(back).toEqual(asAccount(bare, user?.id))
  })

  it('changes one field with one PATCH carrying only that operation', async () => {
    const { target } = connect()
    const before = employee('E1003', 'sato.hanako', {
      displayName: '佐藤 花子',
      familyName: '佐藤',
      givenName: '花子',
    })
    const id = await target.createUser(before, null)
    const mark = server.requests().length
    const ref = await target.updateUser(id, { ...before, title: '課長' }, ['title'])
    expect(ref).toBe(id)
    const requests = since(mark)
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `PATCH /scim/v2/Users/${id} 200`,
    ])
    expect(requests[0]?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'title', value: '課長' }],
    })
    const [user] = stored('E1003')
    expect(user).toMatchObject({ title: '課長', displayName: '佐藤 花子', userName: 'sato.hanako' })
  })

  it('removes fields that became empty and moves the department code in the enterprise division', async () => {
    const { target } = connect()
    const before = employee('E1004', 'takahashi', {
      displayName: '高橋 健',
      familyName: '高橋',
      givenName: '健',
    })
    const id = await target.createUser(before, null)
    const after = { ...before, email: null, department: '総務部', departmentCode: 'D200', title: null }
    const mark = server.requests().length
    await target.updateUser(id, after, ['email', 'department', 'departmentCode', 'title'])
    expect(since(mark)[0]?.body).toMatchObject({
      Operations: [
        { op: 'remove', path: 'emails' },
        { op: 'replace', path: `${enterprise}:division`, value: 'D200' },
        { op: 'replace', path: `${enterprise}:department`, value: '総務部' },
        { op: 'remove', path: 'title' },
      ],
    })
    const [user] = stored('E1004')
    expect(user).not.toHaveProperty('emails')
    expect(user).not.toHaveProperty('title')
    expect(user?.[enterprise]).toEqual({ employeeNumber: 'E1004', department: '総務部', division: 'D200' })
    expect(user?.password).toBeUndefined()
  })

  it('deactivates and reactivates', async () => {
    const { target } = connect()
    const user = employee('E1005', 'ito', { displayName: '伊藤 美咲', familyName: '伊藤', givenName: '美咲' })
    const id = await target.createUser(user, null)
    expect(await target.setActive(id, user, false)).toBe(id)
    expect(stored('E1005')[0]?.active).toBe(false)
    expect((await read(target)).users.find((u) => u.key === 'E1005')?.active).toBe(false)
    await target.setActive(id, user, true)
    expect(stored('E1005')[0]?.active).toBe(true)
  })

  it('deletes, and deleting again is not an error', async () => {
    const { target } = connect()
    const id = await target.createUser(employee('E1006', 'watanabe'), null)
    await target.deleteUser(id)
    expect(stored('E1006')).toHaveLength(0)
    await expect(target.deleteUser(id)).resolves.toBeUndefined()
  })

  it('a PATCH on a user deleted meanwhile is a permanent error naming the id', async () => {
    const { target } = connect()
    const user = employee('E1007', 'kobayashi')
    const id = await target.createUser(user, null)
    await target.deleteUser(id)
    const error = await failure(target.updateUser(id, { ...user, title: '主任' }, ['title']), 'permanent')
    expect(error.localized.ja).toContain(id)
  })
})

describe('SCIM target: creating never takes an account over', () => {
  it('a login already on the server is a permanent error naming the account; nothing is changed', async () => {
    const { target } = connect()
    const id = await handMade({ userName: 'kato.yui', displayName: 'Kato Yui' })
    const before = server.users().find((u) => u.id === id)
    const user = employee('E2002', 'kato.yui', {
      displayName: '加藤 結衣',
      familyName: '加藤',
      givenName: '結衣',
    })
    const mark = server.requests().length
    const error = await failure(target.createUser(user, 'pw'), 'permanent')
    expect(error.localized.en).toContain(`id ${id}`)
    expect(error.localized.ja).toContain('kato.yui')
    expect(since(mark).filter((r) => r.method === 'PATCH')).toHaveLength(0)
    expect(server.users().filter((u) => u.userName === 'kato.yui')).toEqual([before])
  })

  it('after a read, creates new users with one Bulk request; a login taken meanwhile (409) is an error naming the account, never a takeover', async () => {
    const { target } = connect()
    await read(target)
    const lateId = await handMade({ userName: 'late.comer', displayName: 'Late' })
    const late = server.users().find((u) => u.id === lateId)
    const users = [
      employee('E2101', 'bulk.one'),
      employee('E2102', 'late.comer'),
      employee('E2103', 'bulk.two'),
    ]
    const mark = server.requests().length
    const refs = await target.createUsers(users, 'pw')
    expect(refs[1]).toBeInstanceOf(ConnectorError)
    expect((refs[1] as ConnectorError).kind).toBe('permanent')
    expect((refs[1] as ConnectorError).localized.en).toContain(`id ${lateId}`)
    expect([refs[0], refs[2]].every((r) => typeof r === 'string')).toBe(true)
    const writes = since(mark).filter((r) => r.method !== 'GET')
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /scim/v2/Bulk', 'POST /scim/v2/Users'])
    expect(server.users().find((u) => u.id === lateId)).toEqual(late)
    for (const i of [0, 2]) expect(stored(users[i]!.key).map((u) => u.id)).toEqual([refs[i]])
    expect(stored('E2101')[0]?.password).toBe('pw')
  })

  it('an account holding another employee’s key and the login is named, never merged', async () => {
    const { target } = connect()
    const id = await target.createUser(employee('E2003', 'yoshida'), null)
    const error = await failure(target.createUser(employee('E2004', 'yoshida'), null), 'permanent')
    expect(error.localized.en).toContain('externalId E2003')
    expect(
      server
        .users()
        .filter((u) => u.userName === 'yoshida')
        .map((u) => u.id),
    ).toEqual([id])
    expect(stored('E2003')).toHaveLength(1)
  })

  it('two runs creating the same user at once end with one account; the loser gets a permanent error', async () => {
    const one = connect().target
    const two = connect().target
    const user = employee('E2005', 'yamamoto', {
      displayName: '山本 蓮',
      familyName: '山本',
      givenName: '蓮',
    })
    const results = await Promise.allSettled([one.createUser(user, null), two.createUser(user, null)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(stored('E2005')).toHaveLength(1)
  })

  it('an adoption (key among the changed fields) writes externalId and employeeNumber', async () => {
    const { target } = connect()
    const id = await handMade({ userName: 'ono.ren', displayName: 'Ono Ren' })
    const user = employee('E2006', 'ono.ren', { displayName: '小野 蓮', familyName: '小野', givenName: '蓮' })
    await target.updateUser(id, user, ['key', 'displayName'])
    expect(stored('E2006')).toEqual([
      expect.objectContaining({ id, displayName: '小野 蓮', [enterprise]: { employeeNumber: 'E2006' } }),
    ])
  })
})

describe('SCIM target: reading', () => {
  it('reads back exactly what was written, and lists accounts without externalId too (key null)', async () => {
    const { target } = connect()
    const users = [
      employee('E3001', 'mori', { displayName: '森 大輔', familyName: '森', givenName: '大輔' }),
      employee('E3002', 'ikeda', {
        displayName: '池田 さくら',
        familyName: '池田',
        givenName: 'さくら',
        title: null,
      }),
    ]
    const refs = [await target.createUser(users[0]!, 'pw'), await target.createUser(users[1]!, null)]
    const strangerId = await handMade({ userName: 'admin.local', displayName: '管理者' })
    const state = await read(target)
    expect(state.users.filter((u) => u.key?.startsWith('E300'))).toEqual([
      asAccount(users[0]!, refs[0]),
      asAccount(users[1]!, refs[1]),
    ])
    expect(state.users.find((u) => u.ref === strangerId)).toMatchObject({ key: null, login: 'admin.local' })
    expect(state.licenceLimit).toBeNull()
  })

  it('follows every page of a large directory (201 users: pages of 200 and 1)', async () => {
    const big = await startScimServer()
    const total = 201
    try {
      for (let start = 0; start < total; start += 50) {
        const batch = Array.from({ length: Math.min(50, total - start) }, (_, i) => start + i)
        await Promise.all(
          batch.map((i) =>
            fetch(`${big.baseUrl}/Users`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${big.token}`, 'Content-Type': 'application/scim+json' },
              body: JSON.stringify({ userName: `user${i}`, externalId: `K${i}`, displayName: `社員 ${i}` }),
            }),
          ),
        )
      }
      const { target } = connect({ baseUrl: big.baseUrl, token: big.token })
      const state = await read(target)
      expect(new Set(state.users.map((u) => u.key)).size).toBe(total)
      const pages = big.requests().filter((r) => r.method === 'GET' && r.path.includes('/Users?startIndex'))
      const leanListing =
        '&excludedAttributes=meta,groups,photos,addresses,phoneNumbers,ims,entitlements,roles,x509Certificates'
      expect(pages.map((r) => r.path)).toEqual([
        `/scim/v2/Users?startIndex=1&count=200${leanListing}`,
        `/scim/v2/Users?startIndex=201&count=200${leanListing}`,
      ])
    } finally {
      await big.stop()
    }
  })

  it('stops when the run is cancelled', async () => {
    const { target } = connect()
    const controller = new AbortController()
    controller.abort()
    await expect(target.read(controller.signal)).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('SCIM target: groups', () => {
  it('creates, reads, updates and deletes a group with its members', async () => {
    const { target } = connect()
    const a = employee('E4001', 'kimura', { displayName: '木村 蒼', familyName: '木村', givenName: '蒼' })
    const b = employee('E4002', 'hayashi', { displayName: '林 陽菜', familyName: '林', givenName: '陽菜' })
    const [refA, refB] = [await target.createUser(a, null), await target.createUser(b, null)]
    const group = { key: 'G-EIGYO', displayName: '営業チーム', memberKeys: ['E4001', 'E4002'] }
    const ref = await target.createGroup(group, [refA, refB])
    const held = () => server.groups().find((g) => g.id === ref)
    expect(held()).toMatchObject({ externalId: 'G-EIGYO', displayName: '営業チーム' })
    expect(held()?.members).toEqual([{ value: refA }, { value: refB }])
    expect((await read(target)).groups.find((g) => g.key === 'G-EIGYO')).toEqual({
      key: 'G-EIGYO',
      displayName: '営業チーム',
      ref,
      handle: ref,
      memberRefs: [refA, refB],
    })

    await target.updateGroup(ref, { ...group, displayName: '営業一課', memberKeys: ['E4002'] }, [refB])
    expect(held()).toMatchObject({ displayName: '営業一課', members: [{ value: refB }] })
    await target.updateGroup(ref, { ...group, memberKeys: [] }, [])
    expect(held()?.members ?? []).toEqual([])

    await target.deleteGroup(ref)
    expect(held()).toBeUndefined()
    await expect(target.deleteGroup(ref)).resolves.toBeUndefined()
  })

  it('updating a group found without externalId (an adoption) marks it as Renkei’s', async () => {
    const { target } = connect()
    const group = { key: 'G-SOMU', displayName: '総務部', memberKeys: [] }
    const made = await fetch(`${server.baseUrl}/Groups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: '総務' }),
    })
    const ref = ((await made.json()) as { id: string }).id
    expect((await read(target)).groups.find((g) => g.ref === ref)).toMatchObject({ key: null })
    await target.updateGroup(ref, group, [])
    expect(server.groups().filter((g) => g.externalId === 'G-SOMU')).toEqual([
      expect.objectContaining({ id: ref, displayName: '総務部' }),
    ])
  })

  it('reads no groups and never asks for them when groups are not provisioned', async () => {
    const { target } = connect({ config: { provisionGroups: false } })
    const mark = server.requests().length
    expect((await read(target)).groups).toEqual([])
    expect(since(mark).some((r) => r.path.includes('/Groups'))).toBe(false)
  })
})

describe('SCIM target: failures', () => {
  it('a wrong token is an auth error, and the token never shows (the server echoes it)', async () => {
    const wrong = 'wrong-token-6d1f0c'
    const { target } = connect({ token: wrong })
    const error = await failure(read(target), 'auth', wrong)
    expect(error.localized.ja).toContain('トークン')
    expect(error.serverAnswer).toContain('401')
    await failure(target.createUser(employee('E5001', 'nobody'), null), 'auth', wrong)
    const check = await target.check()
    expect(check.ok).toBe(false)
    expect(JSON.stringify(check)).not.toContain(wrong)
  })

  it('a base URL with a wrong path is a permanent error telling what the URL should end with', async () => {
    const wrongPath = server.baseUrl.replace('/scim/v2', '/scim/v1')
    const error = await failure(read(connect({ baseUrl: wrongPath }).target), 'permanent')
    expect(error.localized.en).toContain('/scim/v2')
    expect(error.localized.en).toContain(wrongPath)
    await failure(read(connect({ baseUrl: `${server.baseUrl}/tenant` }).target), 'permanent')
  })

  it('https to a plain-HTTP server is a permanent TLS error', async () => {
    const baseUrl = server.baseUrl.replace('http://', 'https://')
    const { target, sleeps } = connect({ baseUrl })
    const error = await failure(read(target), 'permanent')
    expect(error.localized.en).toContain('TLS')
    expect(sleeps).toEqual([])
  })

  it('nothing listening is a transient error after the retries', async () => {
    const closed = createNetServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const { target, sleeps } = connect({ baseUrl: `http://127.0.0.1:${port}/scim/v2`, maxRetries: 2 })
    const error = await failure(read(target), 'transient')
    expect(error.serverAnswer).toContain('ECONNREFUSED')
    expect(sleeps).toHaveLength(2)
  })

  it('a server that accepts but never answers times out as transient', async () => {
    const sockets: Socket[] = []
    const silent: NetServer = createNetServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    try {
      const { target } = connect({
        baseUrl: `http://127.0.0.1:${port}/scim/v2`,
        maxRetries: 0,
        config: { timeoutSeconds: 1 },
      })
      const started = Date.now()
      const error = await failure(read(target), 'transient')
      expect(error.serverAnswer).toContain('ETIMEDOUT')
      expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    } finally {
      sockets.forEach((s) => s.destroy())
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    }
  })

  it('(injected fault) 429 with Retry-After 2 waits 2 s via the injected sleep, then succeeds', async () => {
    const { target, sleeps } = connect()
    server.injectFaults({ status: 429, count: 1, retryAfterSeconds: 2 })
    const state = await read(target)
    expect(sleeps).toEqual([2000])
    expect(state.users.length).toBeGreaterThan(0)
  })

  it('(injected fault) a 429 holds back every request of the run until its Retry-After has passed', async () => {
    let release = (): void => {}
    const sleeps: number[] = []
    const config = scimTargetConfig.parse({ kind: 'scim', baseUrl: server.baseUrl })
    const target = new ScimDirectoryTarget(config, server.token, {
      sleep: (ms) => {
        sleeps.push(ms)
        return new Promise((resolve) => (release = resolve))
      },
    })
    opened.push(target)
    server.injectFaults({ status: 429, count: 1, retryAfterSeconds: 3 })
    const first = target.createUser(employee('E5101', 'paused1'), null)
    while (sleeps.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const seen = server.requests().length
    const second = target.createUser(employee('E5102', 'paused2'), null)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.requests()).toHaveLength(seen)
    release()
    await Promise.all([first, second])
    expect(sleeps).toEqual([3000])
    expect(stored('E5101')).toHaveLength(1)
    expect(stored('E5102')).toHaveLength(1)
  })

  it('(injected fault) 429 without Retry-After waits 30 s, and a 429 that never ends is a quota error', async () => {
    const { target, sleeps } = connect({ maxRetries: 2 })
    server.injectFaults({ status: 429, count: 100 })
    await failure(read(target), 'quota')
    expect(sleeps).toEqual([30_000, 30_000])
  })

  it('(injected fault) 503 x3 backs off 1 s, 2 s, 4 s with jitter, then succeeds', async () => {
    const { target, sleeps } = connect()
    server.injectFaults({ status: 503, count: 3 })
    const id = await target.createUser(employee('E5002', 'okada'), null)
    expect(stored('E5002').map((u) => u.id)).toEqual([id])
    expect(sleeps).toHaveLength(3)
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0.8 * 1000 * 2 ** i)
      expect(ms).toBeLessThanOrEqual(1.2 * 1000 * 2 ** i)
    })
  })

  it('(injected fault) 503 forever is transient after maxRetries', async () => {
    const { target, sleeps } = connect({ maxRetries: 3 })
    server.injectFaults({ status: 503, count: 100 })
    const mark = server.requests().length
    const error = await failure(read(target), 'transient')
    expect(error.serverAnswer).toContain('503')
    expect(sleeps).toHaveLength(3)
    expect(since(mark)).toHaveLength(4)
  })

  it('a request the server refuses is permanent with the SCIM detail', async () => {
    const { target } = connect()
    const error = await failure(
      target.createGroup({ key: 'G-BAD', displayName: '幽霊', memberKeys: ['X'] }, ['no-such-user']),
      'permanent',
    )
    expect(error.localized.en).toContain('no-such-user')
    expect(error.localized.en).toContain('400')
  })
})

/** A self-signed certificate for 127.0.0.1, as a test or in-house server would have. */
function selfSigned(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-scim-tls-'))
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
  const args = '-x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1'
  const san = ['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert]
  execFileSync('openssl', ['req', ...args.split(' '), ...san], { stdio: 'ignore' })
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
}

describe('SCIM target: HTTPS', () => {
  let secure: RunningScimServer
  beforeAll(async () => {
    secure = await startScimServer({ tls: selfSigned() })
  })
  afterAll(async () => {
    await secure.stop()
  })

  it('refuses an unknown certificate as a permanent error naming it and where to add its CA', async () => {
    const { target, sleeps } = connect({ baseUrl: secure.baseUrl, token: secure.token })
    const error = await failure(read(target), 'permanent', secure.token)
    expect(error.localized.en).toContain('Settings → Network → Trusted CAs')
    expect(error.localized.ja).toContain('信頼する CA')
    expect(error.serverAnswer).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/)
    expect(sleeps).toEqual([])
  })

  it('works with the same server when certificate verification is turned off', async () => {
    const { target } = connect({
      baseUrl: secure.baseUrl,
      token: secure.token,
      config: { verifyCertificate: false },
    })
    await target.createUser(employee('E6001', 'tls.user'), null)
    expect((await read(target)).users.map((u) => u.key)).toEqual(['E6001'])
    expect((await target.check()).ok).toBe(true)
  })
})

describe('SCIM target: connection check', () => {
  it('answers in plain language naming the URL', async () => {
    const check = await connect().target.check()
    expect(check.ok).toBe(true)
    expect(check.message.ja).toContain(server.baseUrl)
    expect(check.message.en).toContain(server.baseUrl)
    expect(check.detail).toContain('ServiceProviderConfig')
  })

  it('reports a wrong URL without throwing', async () => {
    const check = await connect({ baseUrl: server.baseUrl.replace('/scim/v2', '/api') }).target.check()
    expect(check.ok).toBe(false)
    expect(check.message.en).toContain('/scim/v2')
  })
})
