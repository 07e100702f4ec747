/**
 * The link life cycle over the real transport (this file: 127.0.8.x:443): two cores, each with its partner
 * endpoint, signed HTTPS calls, certificates from one test CA both trust, link URLs below a sub-path.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { offPeak } from '../support/sitelink-sites'
import { startTwoSites, type TestSite, type TwoSites } from '../support/two-sites'

let sites: TwoSites | undefined
afterEach(async () => {
  await sites?.close()
  sites = undefined
})

async function openHttpsPair(): Promise<{ a: TestSite; b: TestSite; clock: TestClock }> {
  const clock = new TestClock(offPeak)
  sites = await startTwoSites({
    addresses: ['127.0.8.1', '127.0.8.2'],
    basePath: '/renkei/',
    options: [{ clock }, { clock }],
  })
  const { a, b } = sites
  await a.core.api['link.site.update']({
    companyName: 'A商事株式会社',
    linkUrl: a.linkUrl,
    adminName: '管理者A',
  })
  await b.core.api['link.site.update']({
    companyName: 'B工業株式会社',
    linkUrl: b.linkUrl,
    adminName: '管理者B',
  })
  return { a, b, clock }
}

const kinds = async (site: TestSite, id: string): Promise<string[]> =>
  (await site.core.api['link.get']({ id })).transitions.map((t) => t.kind)

describe('site link over HTTPS', () => {
  it('requests, loads, accepts, starts, pauses and unlinks across two real endpoints', async () => {
    const { a, b } = await openHttpsPair()
    const { url } = await a.core.api['link.request']({})
    expect(url.startsWith(`${a.linkUrl}renkei-link/v1/request/`)).toBe(true)
    const preview = await b.core.api['link.load']({ url })
    expect(preview.partner).toEqual({ companyName: 'A商事株式会社', siteName: null, linkUrl: a.linkUrl })
    expect((await a.core.api['link.list']({})).links).toEqual([])

    const atB = (await b.core.api['link.accept']({ url })).summary.id
    const atA = (await a.core.api['link.list']({})).links[0]!.id
    await a.core.api['link.start']({ id: atA })
    expect((await b.core.api['link.get']({ id: atB })).summary.state).toBe('linked')

    await b.core.api['link.pause']({ id: atB })
    expect(await kinds(a, atA)).toEqual(['request', 'accept', 'start', 'pause'])
    expect((await b.core.api['link.get']({ id: atB })).summary.lastError).toBeNull()

    await a.core.api['link.unlink']({ id: atA })
    expect((await b.core.api['link.get']({ id: atB })).summary.state).toBe('unlinked')
    expect((await a.core.api['link.get']({ id: atA })).summary.lastError).toBeNull()
  })

  it("shows the requester's own refusal of an expired or used request, in both languages", async () => {
    const { a, b, clock } = await openHttpsPair()
    const first = await a.core.api['link.request']({})
    await a.core.api['link.request']({})
    await expect(b.core.api['link.load']({ url: first.url })).rejects.toMatchObject({
      localized: {
        ja: expect.stringContaining('すでに受諾された'),
        en: expect.stringContaining('127.0.8.1'),
      },
    })
    clock.jump(24 * 60 * 60 * 1000)
    const { url } = await a.core.api['link.request']({})
    clock.jump(24 * 60 * 60 * 1000)
    await expect(b.core.api['link.accept']({ url })).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('有効期限'), en: expect.stringContaining('expired') },
    })
    expect((await b.core.api['link.list']({})).links).toEqual([])
  })
})
