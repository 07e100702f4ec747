import { rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../src/main/core/store/database'
import { ApiError } from '../../src/shared/model/errors'
import {
  openLinkedPair,
  testEmployee,
  testSnapshot,
  writeHome,
  type TestSite,
} from '../support/exchange-sites'

const employees = (count: number) => Array.from({ length: count }, (_, i) => testEmployee(i + 1))

describe('site link data exchange (in-process transport)', () => {
  let pair: Awaited<ReturnType<typeof openLinkedPair>>
  let a: TestSite
  let b: TestSite

  beforeEach(async () => {
    pair = await openLinkedPair()
    ;({ a, b } = pair)
  })
  afterEach(async () => {
    await pair.close()
    for (const site of [a, b]) rmSync(site.dir, { recursive: true, force: true })
  })

  const directory = (site: TestSite, input: { department?: string; query?: string; offset?: number } = {}) =>
    site.core.api['link.partnerDirectory']({ id: site.linkId, ...input })

  it('sends company, employees, departments, positions, schedules and presence; B browses them', async () => {
    writeHome(a.dir, testSnapshot(employees(4500)))
    a.schedules.push(
      {
        id: 'ev-1',
        employeeKey: 'E000001',
        start: Date.parse('2026-12-03T01:00:00Z'),
        end: Date.parse('2026-12-03T02:00:00Z'),
        allDay: false,
        busyOnly: false,
        summary: '定例会議',
        location: '会議室A',
        description: null,
      },
      {
        id: 'ev-2',
        employeeKey: 'E000001',
        start: Date.parse('2026-12-04T01:00:00Z'),
        end: Date.parse('2026-12-04T02:00:00Z'),
        allDay: false,
        busyOnly: true,
        summary: null,
        location: null,
        description: null,
      },
    )
    const today = new Date().toLocaleDateString('sv-SE')
    a.presence.push({
      employeeKey: 'E000002',
      date: today,
      kind: 'trip',
      destination: '大阪',
      returnAt: null,
      note: null,
      updatedAt: 1,
    })
    // A link's first send carries every kind, schedules included (later, schedules go when planned).
    const result = await a.core.api['link.sendNow']({})
    expect(result.links).toEqual([
      { linkId: a.linkId, delivered: expect.any(Number), pending: 0, error: null },
    ])
    // 4,500 people in batches of 2,000: three batches, besides the other kinds.
    expect(a.sent.filter((batch) => batch.kind === 'employee')).toHaveLength(3)

    const top = await directory(b)
    expect(top.company).toEqual({ companyName: 'a 株式会社', siteName: 'a' })
    expect(top.departments.map((d) => d.code)).toEqual(['D0'])
    expect(top.positions.map((p) => p.code)).toEqual(['P1', 'P2'])
    const sales = await directory(b, { department: 'D2' })
    expect(sales.path.map((d) => d.code)).toEqual(['D0', 'D2'])
    expect(sales.total).toBe(225)
    expect(sales.employees).toHaveLength(100)
    expect(sales.nextOffset).toBe(100)
    const found = await directory(b, { query: 'employee 2' })
    const e2 = found.employees.find((e) => e.key === 'E000002')!
    expect(e2.presence).toMatchObject({ kind: 'trip', destination: '大阪' })
    // No login leaves the home site (seed 機能制限).
    expect(JSON.stringify(a.sent)).not.toContain('user2"')

    const activity = await b.core.api['link.activity']({ id: b.linkId })
    for (const kind of ['company', 'employee', 'department', 'position', 'schedule', 'presence'] as const)
      expect(activity.receipts[kind]).toEqual(expect.any(Number))
    const sender = await a.core.api['link.activity']({ id: a.linkId })
    expect(sender).toMatchObject({ sending: false, pendingBatches: 0, lastError: null, plannedKinds: [] })
    expect(sender.lastSendAt).toEqual(expect.any(Number))
    const history = await b.core.api['history.search']({ filter: { direction: 'receive', site: 'a' } })
    expect(history.entries.length).toBeGreaterThan(0)
  })

  it('after the first transfer sends only the 1% that changed, and deletes', async () => {
    const people = employees(1000)
    writeHome(a.dir, testSnapshot(people))
    await a.core.api['link.sendNow']({})
    a.sent.length = 0
    const changed = people.map((e, i) => (i % 100 === 7 ? { ...e, nameJa: `${e.nameJa} 改` } : e))
    writeHome(a.dir, testSnapshot(changed.filter((e) => e.key !== 'E000500' && e.key !== 'E000501')))
    await a.core.api['link.sendNow']({})

    expect(a.sent.map((batch) => batch.kind)).toEqual(['employee'])
    const [batch] = a.sent
    expect(batch!.upserts.map((u) => u.key)).toEqual(people.filter((_, i) => i % 100 === 7).map((e) => e.key))
    expect(batch!.deletes.sort()).toEqual(['E000500', 'E000501'])
    const found = await directory(b, { query: '社員 8 改' })
    expect(found.employees.map((e) => e.key)).toEqual(['E000008'])
    expect((await directory(b, { query: 'E000500' })).total).toBe(0)
    expect((await directory(b, { query: 'e00' })).total).toBe(998)
  })

  it('applies a batch number once: the same batch delivered twice is acknowledged, not applied again', async () => {
    writeHome(a.dir, testSnapshot(employees(10)))
    await a.core.api['link.sendNow']({})
    const employeeBatch = a.sent.find((batch) => batch.kind === 'employee')!
    const route = b.core.sitelink.routes().find((r) => r.path === 'renkei-link/v1/batches')!
    const replay = { ...employeeBatch, upserts: [{ key: 'E999999', data: testEmployeeData(999999) }] }
    const answer = await route.handle({
      method: 'POST',
      path: route.path,
      params: {},
      body: replay,
      keyId: a.keyId,
      remoteAddress: '127.0.0.1',
    })
    expect(answer).toEqual({ status: 200, body: { seq: employeeBatch.seq, applied: false } })
    expect((await directory(b, { query: 'E999999' })).total).toBe(0)
    expect((await directory(b, { query: 'e0000' })).total).toBe(10)
  })

  it('acknowledges without applying a kind a newer partner sends, so its later batches are not held up', async () => {
    const route = b.core.sitelink.routes().find((r) => r.path === 'renkei-link/v1/batches')!
    const post = (body: unknown) =>
      route.handle({
        method: 'POST',
        path: route.path,
        params: {},
        body,
        keyId: a.keyId,
        remoteAddress: '127.0.0.1',
      })
    const future = { v: 1, kind: 'meeting-rooms', seq: 3, upserts: [{ key: 'R1', data: {} }], deletes: [] }
    expect(await post(future)).toEqual({ status: 200, body: { seq: 3, applied: false } })
    // A known kind still has to be well-formed, and a kind that is no name at all is refused.
    expect((await post({ ...future, kind: 'employee' })).status).toBe(400)
    expect((await post({ ...future, kind: 'Not A Kind!' })).status).toBe(400)
    const db = openDatabase(b.dir)
    try {
      expect(
        db.prepare("SELECT count(*) FROM partner_items WHERE kind = 'meeting-rooms'").pluck().get(),
      ).toBe(0)
    } finally {
      db.close()
    }
  })

  it('keeps what a partner could not take and delivers it at the next send', async () => {
    writeHome(a.dir, testSnapshot(employees(50)))
    b.hooks.before = undefined
    a.hooks.before = () => {
      throw new Error('connect ECONNREFUSED 127.0.0.3:443')
    }
    const failed = await a.core.api['link.sendNow']({})
    expect(failed.links[0]!.error!.en).toContain('ECONNREFUSED')
    expect(failed.links[0]!.delivered).toBe(0)
    const waiting = await a.core.api['link.activity']({ id: a.linkId })
    expect(waiting.pendingBatches).toBeGreaterThan(0)
    expect(waiting.lastError?.ja).toContain('次の送信のタイミングで再送します')
    expect(waiting.retryAt).toEqual(expect.any(Number))
    expect((await directory(b, { query: 'e0000' })).total).toBe(0)

    a.hooks.before = undefined
    const retried = await a.core.api['link.sendNow']({})
    expect(retried.links[0]).toMatchObject({ error: null, pending: 0 })
    expect((await directory(b, { query: 'e0000' })).total).toBe(50)
    expect(await a.core.api['link.activity']({ id: a.linkId })).toMatchObject({
      lastError: null,
      retryAt: null,
    })
  })

  it('「クリア」 while sending drops the planned batches; their data goes with the next send', async () => {
    writeHome(a.dir, testSnapshot(employees(6000)))
    let release = (): void => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let calls = 0
    a.hooks.before = async () => {
      if (++calls === 2) await held
    }
    const sending = a.core.api['link.sendNow']({})
    await waitFor(async () => (await a.core.api['link.activity']({ id: a.linkId })).sending)
    await waitFor(() => calls >= 2)
    const clearing = a.core.api['link.clear']({})
    release()
    const { cleared } = await clearing
    await sending
    expect(cleared).toBeGreaterThan(0)
    const after = await a.core.api['link.activity']({ id: a.linkId })
    expect(after).toMatchObject({ pendingBatches: 0, sending: false })
    expect((await directory(b, { query: 'e00' })).total).toBeLessThan(6000)

    a.hooks.before = undefined
    await a.core.api['link.sendNow']({})
    expect((await directory(b, { query: 'e00' })).total).toBe(6000)
  })

  it('a paused link sends nothing, and a paused receiver refuses batches', async () => {
    writeHome(a.dir, testSnapshot(employees(5)))
    a.links.pause(a.linkId, true)
    await expect(a.core.api['link.sendNow']({ id: a.linkId })).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('一時停止中'), en: expect.stringContaining('paused') },
    })
    expect((await a.core.api['link.sendNow']({})).links).toEqual([])
    expect(a.sent).toEqual([])

    a.links.pause(a.linkId, false)
    b.links.pause(b.linkId, true)
    const refused = await a.core.api['link.sendNow']({})
    expect(refused.links[0]!.error!.ja).toContain('一時停止中または解除済み')
    expect((await directory(b, { query: 'e0000' })).total).toBe(0)
    b.links.pause(b.linkId, false)
    await a.core.api['link.sendNow']({})
    expect((await directory(b, { query: 'e0000' })).total).toBe(5)
  })

  it("unlink removes the partner's people as if deleted and keeps its schedules", async () => {
    writeHome(a.dir, testSnapshot(employees(30)))
    a.schedules.push(schedule('ev-1', 'E000001', '2026-12-10T01:00:00Z'))
    a.links.relink(a.linkId)
    await a.core.api['link.sendNow']({})
    b.links.unlink(b.linkId)
    const page = await directory(b)
    expect(page).toMatchObject({ departments: [], employees: [], positions: [] })
    expect((await directory(b, { query: 'e0000' })).total).toBe(0)
    expect(page.company).not.toBeNull()
    // Schedules stay: the partner feeds still show them.
    const activity = await b.core.api['link.activity']({ id: b.linkId })
    expect(activity.receipts.schedule).toEqual(expect.any(Number))
    expect(activity.employeesTotal).toBe(0)
  })

  it('an unlink during a send leaves nothing behind for that link', async () => {
    writeHome(a.dir, testSnapshot(employees(10)))
    let release = (): void => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    a.hooks.before = () => held
    const sending = a.core.api['link.sendNow']({})
    await waitFor(async () => (await a.core.api['link.activity']({ id: a.linkId })).sending)
    a.links.unlink(a.linkId)
    release()
    await sending
    expect(await a.core.api['link.activity']({ id: a.linkId })).toMatchObject({
      lastSendAt: null,
      pendingBatches: 0,
      plannedKinds: [],
    })
  })

  it('relink resends everything; the receiver drops what the sender no longer has', async () => {
    writeHome(a.dir, testSnapshot(employees(40)))
    await a.core.api['link.sendNow']({})
    // A backup restored at A: B holds people A no longer has, and A's sent state is stale.
    writeHome(a.dir, testSnapshot(employees(20)))
    a.sent.length = 0
    a.links.relink(a.linkId)
    expect((await a.core.api['link.activity']({ id: a.linkId })).plannedKinds).toEqual([
      'company',
      'employee',
      'department',
      'position',
      'schedule',
      'presence',
      'rules',
    ])
    await a.core.api['link.sendNow']({})
    const employeeBatches = a.sent.filter((batch) => batch.kind === 'employee')
    expect(employeeBatches[0]!.reset).toEqual({ from: null })
    expect(employeeBatches.flatMap((batch) => batch.upserts)).toHaveLength(20)
    expect((await directory(b, { query: 'e0000' })).total).toBe(20)
  })

  it('refuses employees past 100,000 in total across linked sites, and warns past 30,000', async () => {
    writeHome(b.dir, testSnapshot(employees(99_995)))
    writeHome(a.dir, testSnapshot(employees(10)))
    const refused = await a.core.api['link.sendNow']({})
    expect(refused.links[0]!.error).toEqual({
      ja: expect.stringContaining('上限の 100,000 名を超えます'),
      en: expect.stringContaining('over the limit of 100,000'),
    })
    expect((await directory(b, { query: 'e0000' })).total).toBe(0)
    const activity = await b.core.api['link.activity']({ id: b.linkId })
    expect(activity.employeesTotal).toBe(99_995)
    expect(activity.employeesWarning?.ja).toContain('推奨の 30,000 名')

    // The refused batch stays first in the outbox; 「クリア」 drops it and the next diff sends what A has now.
    writeHome(a.dir, testSnapshot(employees(5)))
    expect((await a.core.api['link.sendNow']({})).links[0]!.error).not.toBeNull()
    await a.core.api['link.clear']({ id: a.linkId })
    expect((await a.core.api['link.sendNow']({})).links[0]!.error).toBeNull()
    expect((await b.core.api['link.activity']({ id: b.linkId })).employeesTotal).toBe(100_000)
  }, 60_000)

  it('「今すぐ実行」 of the send job on the Dashboard sends like 「今すぐ送信」', async () => {
    writeHome(a.dir, testSnapshot(employees(7)))
    expect((await a.core.api['jobs.runNow']({ id: 'sitelink.send' })).started).toEqual(['sitelink.send'])
    await vi.waitFor(async () => expect((await directory(b, { query: 'e0000' })).total).toBe(7))
  })

  it('refuses an unknown link in both languages', async () => {
    const error = await a.core.api['link.activity']({ id: 'nope' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).localized.ja).toContain('リンク「nope」はありません')
  })
})

function testEmployeeData(n: number) {
  const { login: _login, groups: _groups, ...data } = testEmployee(n)
  return data
}

function schedule(id: string, employeeKey: string, startIso: string) {
  const start = Date.parse(startIso)
  return {
    id,
    employeeKey,
    start,
    end: start + 3_600_000,
    allDay: false,
    busyOnly: false,
    summary: '打合せ',
    location: null,
    description: null,
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('condition not reached')
}
