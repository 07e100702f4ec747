import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestSites } from '../support/sitelink-sites'

let sites: TestSites
afterEach(async () => sites.close())

async function siteLinkHealth(core: Core) {
  const overview = await core.api['health.get']({})
  expect(overview.planned).not.toContain('site-link')
  return overview.engines.find((engine) => engine.engine.engine === 'site-link')!
}

describe('site link health (in-process transport)', () => {
  it('reports every live link: pending, paused, a partner that did not hear (in-process transport)', async () => {
    sites = new TestSites()
    const a = await sites.open('A商事株式会社', null, 'a.renkei.test', '管理者A')
    const b = await sites.open('B工業株式会社', 'B工業 東京', 'b.renkei.test', '管理者B')
    expect((await siteLinkHealth(a.core)).engine).toMatchObject({
      state: 'disabled',
      note: { en: 'No links yet' },
    })

    const { requesterLink } = await sites.pending(a, b)
    let health = await siteLinkHealth(a.core)
    // Pending: nothing goes yet, so no send is planned for it.
    expect(health.subjects).toMatchObject([
      { id: requesterLink, kind: 'link', name: 'B工業 東京', state: 'never-run', nextRunAt: null },
    ])

    await a.core.api['link.start']({ id: requesterLink })
    await a.core.api['link.pause']({ id: requesterLink })
    health = await siteLinkHealth(a.core)
    expect(health.subjects[0]).toMatchObject({
      state: 'stopped',
      note: { ja: '一時停止中（送受信しません）' },
    })
    expect(health.engine.state).toBe('stopped')

    sites.loopback.detach(b.linkUrl)
    await a.core.api['link.resume']({ id: requesterLink })
    health = await siteLinkHealth(a.core)
    expect(health.subjects[0]).toMatchObject({
      state: 'warning',
      lastFailure: { en: expect.stringContaining('b.renkei.test') },
      lastFailureAt: sites.clock.now(),
    })
    const attention = (await a.core.api['health.get']({})).attention
    expect(attention.map((subject) => subject.name)).toContain('B工業 東京')

    // The partner is back: a relink reaches it, everything is sent, and the link is healthy again.
    sites.loopback.attach(b.linkUrl, b.core)
    await a.core.api['link.relink']({ id: requesterLink })
    await a.core.api['link.sendNow']({ id: requesterLink })
    expect((await siteLinkHealth(a.core)).subjects[0]).toMatchObject({ state: 'ok', lastFailure: null })

    await a.core.api['link.unlink']({ id: requesterLink })
    expect((await siteLinkHealth(a.core)).subjects).toEqual([])
  })
})
