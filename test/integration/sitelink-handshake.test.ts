import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestSites, type TestSite } from '../support/sitelink-sites'

let sites: TestSites
afterEach(async () => sites.close())

async function linkHistory(core: Core): Promise<{ site: string; direction: string; message: string }[]> {
  const page = await core.api['history.search']({ filter: { category: 'sitelink' }, limit: 500 })
  return page.entries.map(({ site, direction, message }) => ({ site, direction, message })).reverse()
}

async function openPair(): Promise<{ a: TestSite; b: TestSite }> {
  sites = new TestSites()
  const a = await sites.open('株式会社NIコンサルティング', 'NIコンサルティング', 'a.renkei.test', '相川 弘')
  const b = await sites.open(
    '株式会社NIコンサルティング',
    'NIマーケティング',
    'b.renkei.test',
    'システム 管理者',
  )
  return { a, b }
}

describe('site link handshake (in-process transport)', () => {
  it('requests, loads, accepts and starts: both sides follow, with who did what (in-process transport)', async () => {
    const { a, b } = await openPair()
    const ticket = await a.core.api['link.request']({})
    expect(ticket.url).toMatch(/^https:\/\/a\.renkei\.test\/renkei-link\/v1\/request\/[A-Za-z0-9_-]{43}$/)
    expect(ticket.requester).toBe('相川 弘')

    const preview = await b.core.api['link.load']({ url: ticket.url })
    expect(preview).toMatchObject({
      partner: {
        companyName: '株式会社NIコンサルティング',
        siteName: 'NIコンサルティング',
        linkUrl: a.linkUrl,
      },
      requester: '相川 弘',
      requestedAt: ticket.requestedAt,
      expiresAt: ticket.requestedAt + 24 * 60 * 60 * 1000,
      partnerKeyId: a.keyId,
    })

    const accepted = await b.core.api['link.accept']({ url: ticket.url })
    expect(accepted.summary).toMatchObject({ role: 'acceptor', state: 'pending', paused: false })
    expect(accepted.partnerKeyId).toBe(a.keyId)
    const [atA] = (await a.core.api['link.list']({})).links
    expect(atA).toMatchObject({
      role: 'requester',
      state: 'pending',
      partner: { siteName: 'NIマーケティング', linkUrl: b.linkUrl },
    })
    expect((await a.core.api['link.request.current']({})).request).toBeNull()

    const heardAtB: string[] = []
    b.core.subscribe('link.changed', (list) => heardAtB.push(list.links[0]!.state))
    const started = await a.core.api['link.start']({ id: atA!.id })
    // Heard at once; the first data that follows the start is heard too (still linked).
    expect(heardAtB[0]).toBe('linked')
    expect(new Set(heardAtB)).toEqual(new Set(['linked']))
    expect(started.outcome).toBe('done')
    expect((await a.core.api['link.get']({ id: atA!.id })).summary.state).toBe('linked')
    const atB = await b.core.api['link.get']({ id: accepted.summary.id })
    expect(atB.summary.state).toBe('linked')
    const infoOf = (detail: typeof atB): string[] =>
      detail.transitions.map((t) => `${t.kind} ${t.actor} (${t.siteName})`)
    const expected = [
      'request 相川 弘 (NIコンサルティング)',
      'accept システム 管理者 (NIマーケティング)',
      'start 相川 弘 (NIコンサルティング)',
    ]
    expect(infoOf(atB)).toEqual(expected)
    expect(infoOf(await a.core.api['link.get']({ id: atA!.id }))).toEqual(expected)

    const aHistory = await linkHistory(a.core)
    expect(aHistory.filter((e) => e.site === 'NIマーケティング').map((e) => e.direction)).toEqual([
      'local',
      'receive',
      'local',
    ])
    const bHistory = await linkHistory(b.core)
    expect(bHistory.map((e) => [e.site, e.direction])).toEqual([
      ['NIコンサルティング', 'receive'],
      ['NIコンサルティング', 'local'],
      ['NIコンサルティング', 'receive'],
    ])
    expect(bHistory[2]!.message).toContain('リンク開始: 相川 弘（NIコンサルティング）')
  })

  it('loading a request publishes nothing: the requester records and sends nothing (in-process transport)', async () => {
    const { a, b } = await openPair()
    const { url } = await a.core.api['link.request']({})
    const before = await linkHistory(a.core)
    const callsBefore = sites.loopback.calls.length
    await b.core.api['link.load']({ url })
    await b.core.api['link.load']({ url })
    expect(await linkHistory(a.core)).toEqual(before)
    expect((await a.core.api['link.list']({})).links).toEqual([])
    expect((await b.core.api['link.list']({})).links).toEqual([])
    expect(await linkHistory(b.core)).toEqual([])
    // Only the unsigned GETs of the request: nothing signed, nothing about B.
    expect(sites.loopback.calls.slice(callsBefore).map((c) => `${c.method} ${c.to}`)).toEqual([
      `GET ${a.linkUrl}`,
      `GET ${a.linkUrl}`,
    ])
    // The request is still live after loading it.
    expect((await a.core.api['link.request.current']({})).request).not.toBeNull()
  })

  it('the other way round: the accepting side cannot start or reject; the requester rejects (in-process transport)', async () => {
    const { a, b } = await openPair()
    const { requesterLink, acceptorLink } = await sites.pending(b, a)
    for (const method of ['link.start', 'link.reject'] as const) {
      const refused = a.core.api[method]({ id: acceptorLink })
      await expect(refused).rejects.toMatchObject({
        localized: { ja: expect.stringContaining('要求した側の管理者') },
      })
    }
    expect((await a.core.api['link.get']({ id: acceptorLink })).summary.state).toBe('pending')
    const rejected = await b.core.api['link.reject']({ id: requesterLink })
    expect(rejected.summary.state).toBe('rejected')
    expect((await a.core.api['link.get']({ id: acceptorLink })).summary.state).toBe('rejected')
    // A rejected link ends there: no start afterwards.
    await expect(b.core.api['link.start']({ id: requesterLink })).rejects.toMatchObject({
      localized: { en: expect.stringContaining('Only a pending link') },
    })
  })

  it('the accepting side may unlink a pending link; the requester follows (in-process transport)', async () => {
    const { a, b } = await openPair()
    const { requesterLink, acceptorLink } = await sites.pending(a, b)
    await expect(a.core.api['link.unlink']({ id: requesterLink })).rejects.toThrow(/Nothing was changed/)
    await b.core.api['link.unlink']({ id: acceptorLink })
    expect((await a.core.api['link.get']({ id: requesterLink })).summary.state).toBe('unlinked')
    expect((await b.core.api['link.get']({ id: acceptorLink })).summary.state).toBe('unlinked')
  })

  it('start changes nothing when the partner cannot be reached (in-process transport)', async () => {
    const { a, b } = await openPair()
    const { requesterLink, acceptorLink } = await sites.pending(a, b)
    sites.loopback.detach(b.linkUrl)
    await expect(a.core.api['link.start']({ id: requesterLink })).rejects.toMatchObject({
      localized: {
        ja: expect.stringContaining('何も変更していません'),
        en: expect.stringContaining('b.renkei.test'),
      },
    })
    expect((await a.core.api['link.get']({ id: requesterLink })).summary.state).toBe('pending')
    sites.loopback.attach(b.linkUrl, b.core)
    await a.core.api['link.start']({ id: requesterLink })
    expect((await b.core.api['link.get']({ id: acceptorLink })).summary.state).toBe('linked')
  })
})
