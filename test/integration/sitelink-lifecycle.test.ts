import { afterEach, describe, expect, it } from 'vitest'
import { testSiteKey } from '../support/partner-loopback'
import { TestSites, type TestSite } from '../support/sitelink-sites'

let sites: TestSites
afterEach(async () => sites.close())

async function openLinked(): Promise<{ a: TestSite; b: TestSite; atA: string; atB: string }> {
  sites = new TestSites()
  const a = await sites.open('A商事株式会社', null, 'a.renkei.test', '管理者A')
  const b = await sites.open('B工業株式会社', 'B工業 東京', 'b.renkei.test', '管理者B')
  const { requesterLink, acceptorLink } = await sites.linked(a, b)
  return { a, b, atA: requesterLink, atB: acceptorLink }
}

const kinds = async (site: TestSite, id: string): Promise<string[]> =>
  (await site.core.api['link.get']({ id })).transitions.map((t) => t.kind)

describe('link life cycle (in-process transport)', () => {
  it('pause and resume stay on the home side; the partner records them (in-process transport)', async () => {
    const { a, b, atA, atB } = await openLinked()
    const paused = await b.core.api['link.pause']({ id: atB })
    expect(paused.summary.paused).toBe(true)
    expect((await a.core.api['link.get']({ id: atA })).summary.paused).toBe(false)
    expect(await kinds(a, atA)).toEqual(['request', 'accept', 'start', 'pause'])
    await expect(b.core.api['link.pause']({ id: atB })).rejects.toThrow(/Nothing was changed/)
    await expect(b.core.api['link.relink']({ id: atB })).rejects.toThrow(/resume a paused one first/)
    await b.core.api['link.resume']({ id: atB })
    expect((await b.core.api['link.get']({ id: atB })).summary.paused).toBe(false)
    expect(await kinds(a, atA)).toEqual(['request', 'accept', 'start', 'pause', 'resume'])
    const seenAtA = (await a.core.api['link.get']({ id: atA })).transitions.at(-1)
    expect(seenAtA).toMatchObject({ actor: '管理者B', siteName: 'B工業 東京' })
  })

  it('a link URL change reaches every linked partner (in-process transport)', async () => {
    const { a, b, atA, atB } = await openLinked()
    const moved = 'https://new-a.renkei.test/renkei/'
    sites.loopback.detach(a.linkUrl)
    sites.loopback.attach(moved, a.core)
    const settings = await a.core.api['link.site.update']({ linkUrl: 'https://new-a.renkei.test/renkei' })
    expect(settings.linkUrl).toBe(moved)
    expect((await b.core.api['link.get']({ id: atB })).summary.partner.linkUrl).toBe(moved)
    expect(await kinds(b, atB)).toEqual(['request', 'accept', 'start', 'url-change'])
    expect(await kinds(a, atA)).toEqual(['request', 'accept', 'start', 'url-change'])
    // B's next call reaches A at its new URL.
    await b.core.api['link.pause']({ id: atB })
    expect(await kinds(a, atA)).toContain('pause')
  })

  it('a bad link URL changes nothing and tells no partner', async () => {
    const { a, b, atB } = await openLinked()
    for (const linkUrl of [
      'http://a.renkei.test/',
      'https://a.renkei.test:8443/',
      'https://u:p@a.renkei.test/',
    ]) {
      await expect(a.core.api['link.site.update']({ linkUrl })).rejects.toThrow(/nothing was changed/)
    }
    expect((await a.core.api['link.site.get']({})).linkUrl).toBe(a.linkUrl)
    expect(await kinds(b, atB)).toEqual(['request', 'accept', 'start'])
  })

  it('unlink reaches the partner; a later link to the same partner is a new record (in-process transport)', async () => {
    const { a, b, atA, atB } = await openLinked()
    await a.core.api['link.unlink']({ id: atA })
    expect((await b.core.api['link.get']({ id: atB })).summary.state).toBe('unlinked')
    await expect(a.core.api['link.unlink']({ id: atA })).rejects.toThrow(/Nothing was changed/)
    const again = await sites.linked(b, a)
    expect(again.acceptorLink).not.toBe(atA)
    expect(again.requesterLink).not.toBe(atB)
    expect(await kinds(a, again.acceptorLink)).toEqual(['request', 'accept', 'start'])
    const states = (await a.core.api['link.list']({})).links.map((l) => l.state)
    expect(states).toEqual(['unlinked', 'linked'])
  })

  it('unlink still happens when the partner is down, and the failure is kept (in-process transport)', async () => {
    const { a, b, atA } = await openLinked()
    sites.loopback.detach(b.linkUrl)
    const unlinked = await a.core.api['link.unlink']({ id: atA })
    expect(unlinked.summary.state).toBe('unlinked')
    expect(unlinked.summary.lastError?.en).toContain('b.renkei.test')
    const warnings = await a.core.api['history.search']({
      filter: { category: 'sitelink', level: 'warning' },
    })
    expect(warnings.entries[0]?.message).toContain('リンク解除を相手先に伝えられませんでした')
  })

  it('a pending link the partner never recorded can be rejected, not started (in-process transport)', async () => {
    sites = new TestSites()
    const a = await sites.open('A商事株式会社', null, 'a.renkei.test', '管理者A')
    // C accepted, but its own record was lost (the accept answer never reached it): C does not know A's key.
    const c = await sites.open('C物産株式会社', null, 'c.renkei.test', '管理者C')
    const { url } = await a.core.api['link.request']({})
    const accept = a.core.sitelink.routes().find((route) => route.path === 'renkei-link/v1/accept')!
    const lost = testSiteKey()
    await accept.handle({
      method: 'POST',
      path: accept.path,
      params: {},
      keyId: lost.keyId,
      remoteAddress: '127.0.0.1',
      body: {
        token: new URL(url).pathname.split('/').pop()!,
        partner: { companyName: 'C物産株式会社', siteName: null, linkUrl: c.linkUrl },
        registrant: '管理者C',
        acceptedAt: sites.clock.now(),
        publicKey: (await lost.publicKey()).pem,
      },
    })
    const id = (await a.core.api['link.list']({})).links[0]!.id
    await expect(a.core.api['link.start']({ id })).rejects.toThrow(/nothing was changed/)
    expect((await a.core.api['link.get']({ id })).summary.state).toBe('pending')
    const rejected = await a.core.api['link.reject']({ id })
    expect(rejected.summary).toMatchObject({ state: 'rejected', lastError: null })
  })

  it('start and relink at peak hours ask first, then go on or wait for 22:00 (in-process transport)', async () => {
    sites = new TestSites()
    const a = await sites.open('A商事株式会社', null, 'a.renkei.test', '管理者A')
    const b = await sites.open('B工業株式会社', null, 'b.renkei.test', '管理者B')
    const { requesterLink, acceptorLink } = await sites.pending(a, b)
    const peak = new Date(2026, 11, 2, 17, 45).getTime()
    sites.clock.jump(peak - sites.clock.now())
    const asked = await a.core.api['link.start']({ id: requesterLink })
    expect(asked).toMatchObject({ outcome: 'peak', tonightAt: new Date(2026, 11, 2, 22, 0).getTime() })
    if (asked.outcome === 'peak') expect(asked.warning.ja).toContain('17:30〜18:30')
    expect((await b.core.api['link.get']({ id: acceptorLink })).summary.state).toBe('pending')
    const tonight = await a.core.api['link.start']({ id: requesterLink, sendTonight: true })
    expect(tonight).toMatchObject({ outcome: 'done', firstSendAt: new Date(2026, 11, 2, 22, 0).getTime() })
    expect((await b.core.api['link.get']({ id: acceptorLink })).summary.state).toBe('linked')
    expect((await b.core.api['link.relink']({ id: acceptorLink })).outcome).toBe('peak')
    const relinked = await b.core.api['link.relink']({ id: acceptorLink, confirmPeak: true })
    expect(relinked).toMatchObject({ outcome: 'done', firstSendAt: null })
    expect(await kinds(a, requesterLink)).toEqual(['request', 'accept', 'start', 'relink'])
  })
})
