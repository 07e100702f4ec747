/**
 * The site link end to end over real HTTPS (issue 12 item 9): two cores, each with its partner endpoint on its
 * own loopback address at 443 (this file: 127.0.7.x), certificates from a test CA both trust, site keys and
 * secrets in the real keychain, the real client (signatures, certificate checks). Nothing in process: every
 * partner call goes through TLS. A's schedules come from a calendar-sync pair (ICS feed → Radicale).
 * The tests run in order on one pair of sites, as an admin would go through the life of a link.
 */
import { request } from 'node:https'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { calendarSecretName } from '../../src/shared/model/calendar-config'
import { KeychainSiteKey } from '../../src/main/core/connectors/peer/site-key'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { openDatabase } from '../../src/main/core/store/database'
import type { Core } from '../../src/main/core/core-types'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { skipWithoutKeychain } from '../support/keychain'
import { makeSelfSigned } from '../support/partner-certs'
import { startTestPartnerListener } from '../support/partner-transport'
import { startRadicale, type Radicale } from '../support/radicale'
import { sendSigned, signedPost } from '../support/signed-request'
import { offPeak } from '../support/sitelink-sites'
import { nameSites, startTwoSites, type TestSite, type TwoSites } from '../support/two-sites'

const hour = 3_600_000
const addresses = ['127.0.7.1', '127.0.7.2'] as const
const selfSignedAddress = '127.0.7.3'

const feedText = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Renkei tests//JA',
  'BEGIN:VEVENT',
  'UID:meeting-1',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20261203T010000Z',
  'DTEND:20261203T020000Z',
  'SUMMARY:営業会議',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:private-1',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20261204T010000Z',
  'DTEND:20261204T020000Z',
  'CLASS:PRIVATE',
  'SUMMARY:人事面談',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

/** GET over HTTPS trusting only `caPem`. */
function httpsGet(url: string, caPem: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca: caPem }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }),
      )
    })
      .on('error', reject)
      .end()
  })
}

async function linkHistory(core: Core): Promise<string[]> {
  const page = await core.api['history.search']({ filter: { category: 'sitelink' }, limit: 500 })
  return page.entries.map((entry) => entry.message)
}

const linkIdAt = async (site: TestSite): Promise<string> =>
  (await site.core.api['link.list']({})).links.find((link) => link.state !== 'unlinked')!.id

const directory = (site: TestSite, id: string, query = '社員') =>
  site.core.api['link.partnerDirectory']({ id, query })

describe.skipIf(skipWithoutKeychain())('site link over real HTTPS (gnome-keyring)', () => {
  const clock = new TestClock(offPeak)
  const secretStores = [0, 1].map((i) => new KeychainSecretStore(`renkei-test-https-${process.pid}-${i}`))
  let sites: TwoSites
  let a: TestSite
  let b: TestSite
  let feeds: IcsFeedServer
  let radicale: Radicale
  /** The link A→B once started: its id at A and at B. */
  let atA: string
  let atB: string

  beforeAll(async () => {
    feeds = await startIcsFeedServer()
    feeds.setFeed('/e1.ics', feedText)
    radicale = await startRadicale()
    sites = await startTwoSites({
      addresses,
      options: [
        { clock, secrets: secretStores[0] },
        { clock, secrets: secretStores[1] },
      ],
    })
    ;({ a, b } = sites)
    await nameSites(sites)
    writeHome(a.dataDir, testSnapshot(Array.from({ length: 30 }, (_, i) => testEmployee(i + 1))))
    const calendarUrl = await radicale.makeCalendar('alice', 'e1', { timeZone: 'Asia/Tokyo' })
    await secretStores[0]!.set(calendarSecretName('p1', 'target'), radicale.users['alice']!)
    await a.core.api['calendar.pairs.save']({
      id: 'p1',
      number: 1,
      name: '社員 1',
      employeeKey: 'E000001',
      permitted: true,
      source: { kind: 'ics', url: feeds.url('/e1.ics'), auth: 'none', username: '', maxMegabytes: 20 },
      target: { kind: 'caldav', url: calendarUrl, preset: 'generic', auth: 'basic', username: 'alice' },
      direction: 'one-way',
      conflictPolicy: 'source-wins',
    })
  }, 60_000)

  afterAll(async () => {
    await sites?.close()
    await feeds?.stop()
    await radicale?.stop()
    for (const secrets of secretStores) for (const name of await secrets.names()) await secrets.delete(name)
  })

  it('B requests, A loads and accepts, B starts; loading published nothing to B', async () => {
    const ticket = await b.core.api['link.request']({})
    expect(ticket.url.startsWith(`${b.linkUrl}renkei-link/v1/request/`)).toBe(true)
    const historyBefore = await linkHistory(b.core)
    const preview = await a.core.api['link.load']({ url: ticket.url })
    expect(preview).toMatchObject({
      partner: { companyName: 'B工業株式会社', siteName: 'B工業 東京', linkUrl: b.linkUrl },
      requester: '管理者B',
    })
    // Loading is an unsigned read: the requester records nothing and knows nothing of A.
    expect((await b.core.api['link.list']({})).links).toEqual([])
    expect(await linkHistory(b.core)).toEqual(historyBefore)

    const accepted = await a.core.api['link.accept']({ url: ticket.url })
    expect(accepted.summary).toMatchObject({ role: 'acceptor', state: 'pending' })
    const [atRequester] = (await b.core.api['link.list']({})).links
    expect(atRequester).toMatchObject({
      role: 'requester',
      state: 'pending',
      partner: { siteName: 'A商事 本社' },
    })
    // The same URL accepted again (a replayed accept) is refused, in both languages.
    await expect(a.core.api['link.accept']({ url: ticket.url })).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('受諾'), en: expect.stringContaining('accept') },
    })
    expect((await b.core.api['link.start']({ id: atRequester!.id })).outcome).toBe('done')
    expect((await a.core.api['link.get']({ id: accepted.summary.id })).summary.state).toBe('linked')

    // Clean slate for the other direction: B unlinks, A follows.
    await b.core.api['link.unlink']({ id: atRequester!.id })
    expect((await a.core.api['link.get']({ id: accepted.summary.id })).summary.state).toBe('unlinked')
  })

  it('a request expires after 24 hours: load and accept are refused in both languages', async () => {
    const { url } = await a.core.api['link.request']({})
    clock.jump(24 * hour + 1)
    const expired = {
      localized: { ja: expect.stringMatching(/期限/), en: expect.stringMatching(/expired/i) },
    }
    await expect(b.core.api['link.load']({ url })).rejects.toMatchObject(expired)
    await expect(b.core.api['link.accept']({ url })).rejects.toMatchObject(expired)
    expect((await a.core.api['link.list']({})).links.filter((l) => l.state === 'pending')).toEqual([])
  })

  it("A requests, B loads and accepts, A starts: A's people, departments, positions and presence appear at B", async () => {
    // Today at both sites (the clock moved a day in the test before).
    await a.core.api['presence.set']({
      employeeKey: 'E000002',
      date: '2026-12-03',
      kind: 'trip',
      destination: '大阪',
    })
    const { url } = await a.core.api['link.request']({})
    await b.core.api['link.load']({ url })
    const accepted = await b.core.api['link.accept']({ url })
    atB = accepted.summary.id
    atA = await linkIdAt(a)
    expect((await a.core.api['link.start']({ id: atA })).outcome).toBe('done')
    expect((await b.core.api['link.get']({ id: atB })).summary.state).toBe('linked')

    // Start sends everything at once, in the background: company, departments, positions, people, presence.
    await vi.waitFor(
      async () => {
        const receipts = (await b.core.api['link.get']({ id: atB })).summary.receipts
        expect(receipts).toMatchObject({
          company: expect.any(Number),
          department: expect.any(Number),
          position: expect.any(Number),
          employee: expect.any(Number),
          presence: expect.any(Number),
        })
      },
      { timeout: 20_000 },
    )
    const page = await directory(b, atB)
    expect(page.total).toBe(30)
    expect(page.company).toMatchObject({ companyName: 'A商事株式会社' })
    const top = await b.core.api['link.partnerDirectory']({ id: atB })
    expect(top.positions.map((p) => p.code).sort()).toEqual(['P1', 'P2'])
    expect(top.departments.map((d) => d.code)).toContain('D0')
    const traveller = page.employees.find((e) => e.key === 'E000002')
    expect(traveller?.presence).toMatchObject({ kind: 'trip', destination: '大阪' })
  })

  it('a replayed signed request is refused at the endpoint and recorded', async () => {
    // The same signed bytes twice: the endpoint refuses the second as a replay and records it.
    const siteKey = new KeychainSiteKey(secretStores[1]!)
    const body = { token: 'x', publicKey: (await siteKey.publicKey()).pem }
    const key = await siteKey.signingKey()
    const signed = await signedPost(`${a.linkUrl}renkei-link/v1/accept`, body, key, clock.now())
    const first = await sendSigned(signed, sites.caPem)
    expect(first.status).not.toBe(401)
    const second = await sendSigned(signed, sites.caPem)
    expect(second.status).toBe(401)
    expect(second.body.error?.code).toBe('replay')
    expect((await linkHistory(a.core)).filter((m) => m.includes('renkei-link/v1/accept'))).toHaveLength(1)
  })

  it('a batch tampered with after signing is refused, recorded at B, and applies nothing', async () => {
    const key = await new KeychainSiteKey(secretStores[0]!).signingKey()
    const batch = { v: 1, kind: 'company', seq: 999, upserts: [], deletes: [] }
    const signed = await signedPost(`${b.linkUrl}renkei-link/v1/batches`, batch, key, clock.now())
    signed.body = Buffer.from(JSON.stringify({ ...batch, seq: 1000 }))
    const answer = await sendSigned(signed, sites.caPem)
    expect(answer.status).toBe(401)
    expect(answer.body.error?.code).toBe('digest-mismatch')
    const refusals = (await linkHistory(b.core)).filter((m) => m.includes('renkei-link/v1/batches'))
    expect(refusals.filter((m) => m.includes('ダイジェスト'))).toHaveLength(1)
    expect((await directory(b, atB)).company).toMatchObject({ companyName: 'A商事株式会社' })
  })

  it('a partner with a self-signed certificate is refused', async () => {
    const listener = await startTestPartnerListener({
      address: selfSignedAddress,
      certificate: makeSelfSigned(selfSignedAddress),
      routes: [
        {
          method: 'GET',
          path: 'renkei-link/v1/request/:token',
          auth: 'none',
          handle: async () => ({ status: 200, body: {} }),
        },
      ],
    })
    try {
      await expect(
        b.core.api['link.load']({ url: `${listener.linkUrl}renkei-link/v1/request/${'t'.repeat(43)}` }),
      ).rejects.toMatchObject({
        localized: { ja: expect.stringMatching(/自己署名/), en: expect.stringMatching(/self-signed/i) },
      })
    } finally {
      await listener.close()
    }
  })

  it('pause: nothing is sent or received until resume', async () => {
    await a.core.api['link.pause']({ id: atA })
    writeHome(a.dataDir, testSnapshot(Array.from({ length: 31 }, (_, i) => testEmployee(i + 1))))
    expect((await a.core.api['link.sendNow']({})).links).toEqual([])
    expect((await directory(b, atB)).total).toBe(30)
    // B's send to the paused A is refused there, and kept at B.
    await b.core.api['link.site.update']({ siteName: 'B工業 東京本社' })
    const refused = await b.core.api['link.sendNow']({ id: atB })
    expect(refused.links[0]!.pending).toBeGreaterThan(0)
    expect((await a.core.api['link.partnerDirectory']({ id: atA })).company).toMatchObject({
      siteName: 'B工業 東京',
    })

    await a.core.api['link.resume']({ id: atA })
    expect((await a.core.api['link.sendNow']({ id: atA })).links[0]).toMatchObject({
      pending: 0,
      error: null,
    })
    expect((await directory(b, atB)).total).toBe(31)
    expect((await b.core.api['link.sendNow']({ id: atB })).links[0]).toMatchObject({
      pending: 0,
      error: null,
    })
    expect((await a.core.api['link.partnerDirectory']({ id: atA })).company).toMatchObject({
      siteName: 'B工業 東京本社',
    })
  })

  it('a link URL change reaches the partner, which then calls the new URL', async () => {
    const moved = `https://${addresses[1]}/moved/`
    expect((await b.core.api['link.site.update']({ linkUrl: moved })).linkUrl).toBe(moved)
    expect((await a.core.api['link.get']({ id: atA })).summary.partner.linkUrl).toBe(moved)
    writeHome(a.dataDir, testSnapshot(Array.from({ length: 32 }, (_, i) => testEmployee(i + 1))))
    expect((await a.core.api['link.sendNow']({ id: atA })).links[0]).toMatchObject({
      pending: 0,
      error: null,
    })
    expect((await directory(b, atB)).total).toBe(32)
  })

  it('relink resends everything: schedules from the 1st of the previous month, private ones busy-only', async () => {
    // What B holds before: one schedule from October (kept: before the window) and one from November that A
    // no longer has (dropped by the relink's reset). Today is 2026-12-03 here: the window starts 2026-11-01.
    const db = openDatabase(b.dataDir)
    const schedules = (): string[] =>
      db
        .prepare(`SELECT key FROM partner_items WHERE link_id = ? AND kind = 'schedule' ORDER BY key`)
        .pluck()
        .all(atB) as string[]
    try {
      const received = JSON.parse(
        db
          .prepare(`SELECT data FROM partner_items WHERE link_id = ? AND key = ?`)
          .pluck()
          .get(atB, 'E000001\tmeeting-1') as string,
      ) as { id: string; start: number; end: number }
      const insert = db.prepare(
        `INSERT INTO partner_items (link_id, kind, key, owner, start, data) VALUES (?, 'schedule', ?, 'E000001', ?, ?)`,
      )
      for (const [id, at] of [
        ['old-october', '2026-10-15T10:00:00+09:00'],
        ['gone-november', '2026-11-20T10:00:00+09:00'],
      ] as const) {
        const start = Date.parse(at)
        const data = JSON.stringify({ ...received, id, start, end: start + hour })
        insert.run(atB, `E000001\t${id}`, start, data)
      }

      expect((await a.core.api['link.relink']({ id: atA })).outcome).toBe('done')
      await vi.waitFor(async () => expect(schedules()).not.toContain('E000001\tgone-november'), {
        timeout: 20_000,
      })
      await vi.waitFor(() => expect(schedules()).toHaveLength(3), { timeout: 20_000 })
      expect(schedules()).toEqual(['E000001\tmeeting-1', 'E000001\told-october', 'E000001\tprivate-1'])
      const data = db
        .prepare(`SELECT data FROM partner_items WHERE link_id = ? AND kind = 'schedule'`)
        .pluck()
        .all(atB) as string[]
      expect(data.join()).toContain('営業会議')
      expect(data.join()).not.toContain('人事面談')
    } finally {
      db.close()
    }
  })

  it("the partner feed URL answers A's schedules as iCalendar through B's endpoint", async () => {
    const feedsAtB = await b.core.api['link.feeds']({ id: atB })
    const employee = feedsAtB.employees.find((e) => e.employeeKey === 'E000001')!
    expect(employee.url.startsWith(`https://${addresses[1]}/moved/`)).toBe(true)
    const feed = await httpsGet(employee.url, sites.caPem)
    expect(feed.status).toBe(200)
    expect(feed.type).toMatch(/text\/calendar/)
    expect(feed.text).toContain('営業会議')
    expect(feed.text).toContain('予定あり')
    expect(feed.text).not.toContain('人事面談')
  })

  it("unlink removes A's people at B but keeps the schedules received", async () => {
    await a.core.api['link.unlink']({ id: atA })
    expect((await b.core.api['link.get']({ id: atB })).summary.state).toBe('unlinked')
    const db = openDatabase(b.dataDir)
    try {
      const count = (kind: string): number =>
        db.prepare('SELECT count(*) FROM partner_items WHERE kind = ?').pluck().get(kind) as number
      expect(count('employee')).toBe(0)
      expect(count('department')).toBe(0)
      expect(count('position')).toBe(0)
      expect(count('schedule')).toBe(3)
    } finally {
      db.close()
    }
  })
})
