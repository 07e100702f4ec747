import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { RestartableSites, rewriteStoredMachine, type RestartableSite } from '../support/restartable-sites'

let sites: RestartableSites
afterEach(async () => sites.close())

const hour = 60 * 60 * 1000
const stateRoute = 'renkei-link/v1/state'

const summaryOf = async (site: RestartableSite, id: string) =>
  (await site.core.api['link.get']({ id })).summary
const kinds = async (site: RestartableSite, id: string) =>
  (await site.core.api['link.get']({ id })).transitions.map((t) => t.kind)
const machineWarnings = async (core: Core) =>
  (
    await core.api['history.search']({
      filter: { category: 'sitelink', level: 'warning', text: '別の端末' },
    })
  ).entries
const siteLinkHealth = async (core: Core) =>
  (await core.api['health.get']({})).engines.find((e) => e.engine.engine === 'site-link')!.engine

/** A linked to B; A holds a planned send for B that has not gone yet (its company name changed). */
async function linkedPair() {
  sites = new RestartableSites()
  const a = await sites.open('A商事株式会社', 'a.renkei.test', '管理者A')
  const b = await sites.open('B工業株式会社', 'b.renkei.test', '管理者B')
  const ab = await sites.linked(a, b)
  await a.core.api['link.sendNow']({ id: ab.atFrom })
  await a.core.api['link.site.update']({ companyName: 'A商事ホールディングス' })
  return { a, b, ab }
}

/** A's data directory is copied onto another machine, and started there. */
async function startOnAnotherMachine(a: RestartableSite): Promise<void> {
  await a.core.close()
  rewriteStoredMachine(a.dataDir, 'the production machine')
  await sites.restart(a)
}

describe('test copies: machine identity (in-process transport)', () => {
  it('a first start and an upgrade store the identity and pause nothing (in-process transport)', async () => {
    const { a, ab } = await linkedPair()
    expect(await a.core.api['link.machine.get']({})).toEqual({
      state: 'same',
      detectedAt: null,
      pausedLinks: [],
    })
    await sites.restart(a)
    // An older Renkei kept no identity: the first start of this one is not a change.
    await a.core.close()
    rewriteStoredMachine(a.dataDir, null)
    a.machineId = 'a machine this data directory never knew'
    await sites.restart(a)
    expect((await a.core.api['link.machine.get']({})).state).toBe('same')
    expect((await summaryOf(a, ab.atFrom)).paused).toBe(false)
    expect(await machineWarnings(a.core)).toEqual([])
    // What that start stored is this machine: the next start elsewhere is a change.
    a.machineId = 'yet another machine'
    await sites.restart(a)
    expect((await a.core.api['link.machine.get']({})).state).toBe('changed')
  })

  it('a new machine pauses every link before anything is sent; the partner sees the pause (in-process transport)', async () => {
    const { a, b, ab } = await linkedPair()
    const c = await sites.open('C物産株式会社', 'c.renkei.test', '管理者C')
    const d = await sites.open('D運輸株式会社', 'd.renkei.test', '管理者D')
    const ac = await sites.linked(a, c)
    const ad = await sites.linked(a, d)
    await a.core.api['link.pause']({ id: ad.atFrom })
    await a.core.api['link.sendNow']({})
    await a.core.api['link.site.update']({ companyName: 'A商事グループ' })
    const receiptsAtB = (await b.core.api['link.activity']({ id: ab.atTo })).receipts
    expect((await a.core.api['link.activity']({ id: ab.atFrom })).plannedKinds).toEqual(['company'])
    sites.loopback.detach(c.linkUrl)
    const callsBefore = sites.loopback.calls.length

    await startOnAnotherMachine(a)
    const detectedAt = sites.clock.now()
    await sites.clock.advance(2 * hour)

    expect(await summaryOf(a, ab.atFrom)).toMatchObject({ paused: true, pauseReason: 'machine' })
    expect(await summaryOf(a, ac.atFrom)).toMatchObject({
      paused: true,
      pauseReason: 'machine',
      lastError: { en: expect.stringContaining('c.renkei.test') },
    })
    // Paused by the admin before: stays the admin's pause.
    expect(await summaryOf(a, ad.atFrom)).toMatchObject({ paused: true, pauseReason: 'admin' })
    const state = await a.core.api['link.machine.get']({})
    expect(state).toMatchObject({ state: 'changed', detectedAt })
    expect(state.pausedLinks.map((link) => link.id).sort()).toEqual([ab.atFrom, ac.atFrom].sort())

    // The partner heard the pause and nothing else left A (the scheduler ran for two hours): no batch,
    // B's receipts as they were. The planned change goes after a resume (next test).
    expect(await kinds(b, ab.atTo)).toEqual(['request', 'accept', 'start', 'pause'])
    const calls = sites.loopback.calls.slice(callsBefore)
    expect(calls).toEqual([{ to: b.linkUrl, method: 'POST', path: stateRoute }])
    expect((await b.core.api['link.activity']({ id: ab.atTo })).receipts).toEqual(receiptsAtB)

    const [warning, ...more] = await machineWarnings(a.core)
    expect(more).toEqual([])
    expect(warning!.message).toContain('この端末で再開')
    expect(warning!.messageEn).toContain('Resume on this machine')
    const health = await siteLinkHealth(a.core)
    expect(health.state).not.toBe('ok')
    expect(health.note?.en).toContain('another machine')
  })

  it('「この端末で再開」 resumes those links, tells the partner and sends again (in-process transport)', async () => {
    const { a, b, ab } = await linkedPair()
    await startOnAnotherMachine(a)
    const companyBefore = (await b.core.api['link.activity']({ id: ab.atTo })).receipts.company

    const after = await a.core.api['link.machine.confirm']({ action: 'resume-here' })
    expect(after).toEqual({ state: 'same', detectedAt: null, pausedLinks: [] })
    expect(await summaryOf(a, ab.atFrom)).toMatchObject({ paused: false, pauseReason: null })
    expect(await kinds(b, ab.atTo)).toEqual(['request', 'accept', 'start', 'pause', 'resume'])
    const audit = await a.core.api['history.search']({
      filter: { category: 'audit', text: 'この端末で再開' },
    })
    expect(audit.entries).toHaveLength(1)

    await sites.clock.advance(hour)
    await a.core.api['link.sendNow']({ id: ab.atFrom })
    expect((await b.core.api['link.activity']({ id: ab.atTo })).receipts.company).toBeGreaterThan(
      companyBefore ?? 0,
    )
    // This machine is the production site now: a restart here pauses nothing.
    await sites.restart(a)
    expect((await a.core.api['link.machine.get']({})).state).toBe('same')
    expect((await summaryOf(a, ab.atFrom)).paused).toBe(false)
    expect(await machineWarnings(a.core)).toHaveLength(1)
  })

  it('「テスト用のコピーなので停止のまま」 keeps the links paused across restarts, warned once (in-process transport)', async () => {
    const { a, b, ab } = await linkedPair()
    await startOnAnotherMachine(a)
    const kept = await a.core.api['link.machine.confirm']({ action: 'keep-paused' })
    expect(kept).toMatchObject({ state: 'test-copy', pausedLinks: [{ id: ab.atFrom }] })
    await expect(a.core.api['link.machine.confirm']({ action: 'keep-paused' })).rejects.toMatchObject({
      localized: {
        ja: expect.stringContaining('何も変更していません'),
        en: expect.stringContaining('Nothing was changed'),
      },
    })

    await sites.restart(a)
    expect((await a.core.api['link.machine.get']({})).state).toBe('test-copy')
    expect(await summaryOf(a, ab.atFrom)).toMatchObject({ paused: true, pauseReason: 'machine' })
    expect(await machineWarnings(a.core)).toHaveLength(1)
    expect(await kinds(b, ab.atTo)).toEqual(['request', 'accept', 'start', 'pause'])
    expect((await siteLinkHealth(a.core)).state).toBe('stopped')

    // The admin may still resume one link by hand; it is no longer a machine pause.
    await a.core.api['link.resume']({ id: ab.atFrom })
    expect(await summaryOf(a, ab.atFrom)).toMatchObject({ paused: false, pauseReason: null })
    expect((await a.core.api['link.machine.get']({})).pausedLinks).toEqual([])
  })

  it('nothing to confirm on the machine it was set up on: refused in Japanese and English (in-process transport)', async () => {
    const { a, ab } = await linkedPair()
    for (const action of ['resume-here', 'keep-paused'] as const) {
      await expect(a.core.api['link.machine.confirm']({ action })).rejects.toMatchObject({
        localized: {
          ja: expect.stringContaining('何も変更していません'),
          en: expect.stringContaining('Nothing was changed'),
        },
      })
    }
    expect((await a.core.api['link.machine.get']({})).state).toBe('same')
    expect((await summaryOf(a, ab.atFrom)).paused).toBe(false)
  })

  it('a site with no linked partner moves without a decision: nothing to pause, no banner (in-process transport)', async () => {
    sites = new RestartableSites()
    const a = await sites.open('A商事株式会社', 'a.renkei.test', '管理者A')
    await startOnAnotherMachine(a)
    expect(await a.core.api['link.machine.get']({})).toEqual({
      state: 'same',
      detectedAt: null,
      pausedLinks: [],
    })
    expect(await machineWarnings(a.core)).toEqual([])
    // The new machine was taken as the site's: a restart there is no change either.
    await sites.restart(a)
    expect((await a.core.api['link.machine.get']({})).state).toBe('same')
  })
})
