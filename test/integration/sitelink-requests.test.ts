import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { testSiteKey } from '../support/partner-loopback'
import { TestSites, type TestSite } from '../support/sitelink-sites'

const dayMs = 24 * 60 * 60 * 1000
let sites: TestSites
afterEach(async () => sites.close())

async function openPair(): Promise<{ a: TestSite; b: TestSite }> {
  sites = new TestSites()
  const a = await sites.open('A商事株式会社', null, 'a.renkei.test', '管理者A')
  const b = await sites.open('B工業株式会社', null, 'b.renkei.test', '管理者B')
  return { a, b }
}

const expired = {
  localized: { ja: expect.stringContaining('有効期限'), en: expect.stringContaining('expired') },
}
const unusable = {
  localized: {
    ja: expect.stringContaining('すでに受諾された'),
    en: expect.stringContaining('already accepted'),
  },
}

describe('link requests (in-process transport)', () => {
  it('a request works for 24 hours and not a moment longer (in-process transport)', async () => {
    const { a, b } = await openPair()
    const { url, requestedAt, expiresAt } = await a.core.api['link.request']({})
    expect(expiresAt - requestedAt).toBe(dayMs)
    sites.clock.jump(dayMs - 1)
    await expect(b.core.api['link.load']({ url })).resolves.toMatchObject({ expiresAt })
    expect((await a.core.api['link.request.current']({})).request).toEqual({
      requestedAt,
      expiresAt,
      requester: '管理者A',
    })
    sites.clock.jump(1)
    await expect(b.core.api['link.load']({ url })).rejects.toMatchObject(expired)
    await expect(b.core.api['link.accept']({ url })).rejects.toMatchObject(expired)
    expect((await a.core.api['link.request.current']({})).request).toBeNull()
    expect((await a.core.api['link.list']({})).links).toEqual([])
    expect((await b.core.api['link.list']({})).links).toEqual([])
  })

  it('a new request invalidates the old URL (in-process transport)', async () => {
    const { a, b } = await openPair()
    const first = await a.core.api['link.request']({})
    const second = await a.core.api['link.request']({})
    expect(second.url).not.toBe(first.url)
    await expect(b.core.api['link.load']({ url: first.url })).rejects.toMatchObject(unusable)
    await expect(b.core.api['link.accept']({ url: first.url })).rejects.toMatchObject(unusable)
    await expect(b.core.api['link.accept']({ url: second.url })).resolves.toBeTruthy()
  })

  it('a consumed token is refused at both ends (in-process transport)', async () => {
    const { a, b } = await openPair()
    const c = await sites.open('C物産株式会社', null, 'c.renkei.test', '管理者C')
    const { url } = await a.core.api['link.request']({})
    await b.core.api['link.accept']({ url })
    await expect(c.core.api['link.accept']({ url })).rejects.toMatchObject(unusable)
    expect((await c.core.api['link.list']({})).links).toEqual([])
    expect((await a.core.api['link.list']({})).links).toHaveLength(1)

    // A replayed accept (the same signed body again, straight to the route) is refused and noted at A.
    const accept = a.core.sitelink.routes().find((route) => route.path === 'renkei-link/v1/accept')!
    const key = testSiteKey()
    const { pem } = await key.publicKey()
    const token = new URL(url).pathname.split('/').pop()!
    const replay = await accept.handle({
      method: 'POST',
      path: accept.path,
      params: {},
      keyId: key.keyId,
      remoteAddress: '127.0.0.1',
      body: {
        token,
        partner: { companyName: 'X', siteName: null, linkUrl: 'https://x.renkei.test/' },
        registrant: 'x',
        acceptedAt: sites.clock.now(),
        publicKey: pem,
      },
    })
    expect(replay).toMatchObject({
      status: 404,
      body: { error: { code: 'request-unusable', ...unusable.localized } },
    })
    const warnings = await a.core.api['history.search']({
      filter: { category: 'sitelink', level: 'warning' },
    })
    // C never got that far: its load was refused, and loading records nothing at A.
    expect(warnings.entries.map((e) => e.message)).toEqual([
      expect.stringContaining('リンク受諾を断りました'),
    ])
  })

  it('the token is never stored: not in SQLite, the history or the current request', async () => {
    const { a } = await openPair()
    const { url } = await a.core.api['link.request']({})
    const token = new URL(url).pathname.split('/').pop()!
    const current = await a.core.api['link.request.current']({})
    expect(JSON.stringify(current)).not.toContain(token)
    expect(current.note.ja).toContain('一度だけ表示')
    expect(current.note.en).toContain('shown once')
    const history = await a.core.api['history.search']({ filter: {}, limit: 500 })
    expect(JSON.stringify(history)).not.toContain(token)
    await sites.close()
    for (const file of readdirSync(a.dataDir).filter((name) => name.startsWith('renkei.sqlite'))) {
      expect(readFileSync(join(a.dataDir, file)).includes(token)).toBe(false)
    }
  })

  it('asks for the site profile before a request or an accept; changes nothing', async () => {
    const { a } = await openPair()
    const bare = await sites.openBare()
    expect((await bare.core.api['link.site.get']({})).ready).toBe(false)
    const needsProfile = {
      localized: { ja: expect.stringContaining('会社名とリンクURL'), en: expect.any(String) },
    }
    await expect(bare.core.api['link.request']({})).rejects.toMatchObject(needsProfile)
    const { url } = await a.core.api['link.request']({})
    await expect(bare.core.api['link.accept']({ url })).rejects.toMatchObject(needsProfile)
    expect((await a.core.api['link.list']({})).links).toEqual([])
    expect((await a.core.api['link.request.current']({})).request).not.toBeNull()
  })
})

describe('what a partner may not do (in-process transport)', () => {
  it('refuses an accept whose key is not a public key, and an own request, changing nothing', async () => {
    const { a } = await openPair()
    const { url } = await a.core.api['link.request']({})
    await expect(a.core.api['link.load']({ url })).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('このサイト自身のリンク要求'), en: expect.any(String) },
    })
    const accept = a.core.sitelink.routes().find((route) => route.path === 'renkei-link/v1/accept')!
    const hostile = await accept.handle({
      method: 'POST',
      path: accept.path,
      params: {},
      keyId: 'x',
      remoteAddress: '127.0.0.1',
      body: {
        token: new URL(url).pathname.split('/').pop()!,
        partner: { companyName: 'X', siteName: null, linkUrl: 'https://x.renkei.test/' },
        registrant: 'x',
        acceptedAt: 0,
        publicKey: 'not a key',
      },
    })
    expect(hostile.status).toBe(401)
    expect((await a.core.api['link.list']({})).links).toEqual([])
    expect((await a.core.api['link.request.current']({})).request).not.toBeNull()
  })

  it("refuses a partner's state call that does not fit this side's record", async () => {
    const { a, b } = await openPair()
    await sites.pending(a, b)
    const state = a.core.sitelink.routes().find((route) => route.path === 'renkei-link/v1/state')!
    const call = (kind: string) =>
      state.handle({
        method: 'POST',
        path: state.path,
        params: {},
        keyId: b.keyId,
        remoteAddress: '127.0.0.1',
        body: { kind, at: 0, actor: '管理者B', siteName: 'B' },
      })
    // The acceptor cannot start the requester's link, nor pause a link that is not linked.
    for (const kind of ['start', 'pause']) {
      const answer = await call(kind)
      expect(answer).toMatchObject({
        status: 409,
        body: { error: { code: 'state-refused', ja: expect.stringContaining('できません') } },
      })
    }
    expect((await call('url-change')).status).toBe(400)
    expect((await a.core.api['link.list']({})).links.map((l) => l.state)).toEqual(['pending'])
  })
})

describe('link limits (in-process transport)', () => {
  it('warns past 100 linked sites and refuses the 201st at both ends', async () => {
    const { a, b } = await openPair()
    const accept = a.core.sitelink.routes().find((route) => route.path === 'renkei-link/v1/accept')!
    for (let n = 0; n < 200; n++) {
      const { url } = await a.core.api['link.request']({})
      const key = testSiteKey()
      const { pem } = await key.publicKey()
      const response = await accept.handle({
        method: 'POST',
        path: accept.path,
        params: {},
        keyId: key.keyId,
        remoteAddress: '127.0.0.1',
        body: {
          token: new URL(url).pathname.split('/').pop()!,
          partner: { companyName: `会社${n}`, siteName: null, linkUrl: `https://s${n}.renkei.test/` },
          registrant: 'admin',
          acceptedAt: sites.clock.now(),
          publicKey: pem,
        },
      })
      expect(response.status).toBe(200)
      if (n === 99) expect((await a.core.api['link.list']({})).warning).toBeNull()
    }
    const list = await a.core.api['link.list']({})
    expect(list.activeCount).toBe(200)
    expect(list.warning?.ja).toContain('推奨は 100 サイトまで')
    const { url } = await a.core.api['link.request']({})
    await expect(b.core.api['link.accept']({ url })).rejects.toMatchObject({
      localized: {
        ja: expect.stringContaining('200 サイトまで'),
        en: expect.stringContaining('At most 200'),
      },
    })
    expect((await b.core.api['link.list']({})).links).toEqual([])
    expect((await a.core.api['link.list']({})).activeCount).toBe(200)
  }, 120_000)
})
