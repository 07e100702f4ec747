/**
 * One-time visits end to end over real HTTPS (issue 13): A issues a signed visit URL for one of its
 * employees, B's partner endpoint (this file: 127.0.4.12 / .13) verifies it and applies the rules. The
 * browser's requests come from their own loopback source addresses (127.0.4.20, .21) so B's network rules
 * see a real source address. Site keys live in the real keychain; each site has its own clock.
 * Rules are set through `link.rules.update` (A's visit rules travel to B). The tests run in order on one
 * linked pair.
 */
import { request } from 'node:https'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import type { Core } from '../../src/main/core/core-types'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { offPeak } from '../support/sitelink-sites'
import { linkSites, nameSites, startTwoSites, type TestSite, type TwoSites } from '../support/two-sites'

const addresses = ['127.0.4.12', '127.0.4.13'] as const
const office = '127.0.4.20'
const outside = '127.0.4.21'

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly text: string
}

/** A GET of a visit URL as a browser (HTML) or a program (JSON) would send it, from a given source address. */
function open(url: string, ca: string, from: string, as: 'json' | 'browser'): Promise<Answer> {
  const accept =
    as === 'json' ? 'application/json' : 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
  return new Promise((resolve, reject) => {
    request(url, { ca, localAddress: from, headers: { accept } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
      .on('error', reject)
      .end()
  })
}

const json = (answer: Answer) => JSON.parse(answer.text) as Record<string, unknown>

async function visitHistory(core: Core): Promise<{ message: string; level: string }[]> {
  const page = await core.api['history.search']({ filter: { category: 'sitelink' }, limit: 500 })
  return page.entries
    .filter((e) => e.message.includes('訪問'))
    .map(({ message, level }) => ({ message, level }))
}

describe.skipIf(skipWithoutKeychain())('one-time visits over real HTTPS (gnome-keyring)', () => {
  const clocks = [new TestClock(offPeak), new TestClock(offPeak)] as const
  const secretStores = [0, 1].map((i) => new KeychainSecretStore(`renkei-test-visits-${process.pid}-${i}`))
  let sites: TwoSites
  let a: TestSite
  let b: TestSite
  let atA: string
  let atB: string

  const issue = (employeeKey: string) => a.core.api['link.visit.issue']({ id: atA, employeeKey })
  const latestAtB = async () => (await b.core.api['link.visits']({ id: atB, limit: 1 })).entries[0]!
  const latestAtA = async () => (await a.core.api['link.visits']({ id: atA, limit: 1 })).entries[0]!

  beforeAll(async () => {
    sites = await startTwoSites({
      addresses,
      options: [
        { clock: clocks[0], secrets: secretStores[0] },
        { clock: clocks[1], secrets: secretStores[1] },
      ],
    })
    ;({ a, b } = sites)
    await nameSites(sites)
    const people = Array.from({ length: 12 }, (_, i) => testEmployee(i + 1))
    people[10] = testEmployee(11, { active: false })
    writeHome(a.dataDir, testSnapshot(people))
    ;({ atA, atB } = await linkSites(sites))
    // B: everyone reads; 部長 (P1) writes; E000003 may not sign in; E000004 writes from the office only.
    await b.core.api['link.rules.update']({
      id: atB,
      accept: {
        rules: [
          { id: 'global', scope: 'global', permission: 'read' },
          { id: 'managers', scope: 'position', position: 'P1', permission: 'write' },
          { id: 'blocked', scope: 'employee', employee: 'E000003', permission: 'none' },
          {
            id: 'office-only',
            scope: 'employee',
            employee: 'E000004',
            permission: 'write',
            networks: [{ ranges: [`${outside}/32`], permission: 'none' }],
          },
        ],
      },
    })
  }, 60_000)

  afterAll(async () => {
    await sites?.close()
    for (const secrets of secretStores) for (const name of await secrets.names()) await secrets.delete(name)
  })

  it('a URL issued at A opens at B: allowed with the permission of the deciding rule, logged on both sides', async () => {
    const ticket = await issue('E000010')
    expect(ticket.url.startsWith(`${b.linkUrl}renkei-link/v1/visit/`)).toBe(true)
    expect(ticket.expiresAt).toBe(clocks[0].now() + 60_000)
    expect(await latestAtA()).toMatchObject({ side: 'issued', decision: 'allowed', employeeKey: 'E000010' })

    const answer = await open(ticket.url, sites.caPem, office, 'json')
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(json(answer)).toMatchObject({
      decision: 'allowed',
      permission: 'write',
      ruleId: 'managers',
      products: null,
      visitor: { key: 'E000010', name: '社員 10', email: 'user10@a.example.jp', partnerName: 'A商事 本社' },
    })
    expect(await latestAtB()).toMatchObject({
      side: 'received',
      decision: 'allowed',
      employeeKey: 'E000010',
      employeeName: '社員 10',
      partnerName: 'A商事 本社',
      address: office,
      permission: 'write',
      ruleId: 'managers',
    })
    const [line] = await visitHistory(b.core)
    expect(line).toMatchObject({ level: 'info' })
    expect(line!.message).toContain('社員 10（E000010）')
    expect(line!.message).toContain(office)
    expect(line!.message).toContain('managers')
    // The token is a credential: it is in neither the log nor the history.
    const token = ticket.url.split('/').pop()!
    expect(JSON.stringify(await b.core.api['link.visits']({}))).not.toContain(token.slice(0, 40))
    expect(JSON.stringify(await visitHistory(b.core))).not.toContain(token.slice(0, 40))
  })

  it('the same URL a second time is refused as used (410), logged and in the history as a warning', async () => {
    const ticket = await issue('E000001')
    expect((await open(ticket.url, sites.caPem, office, 'json')).status).toBe(200)
    const again = await open(ticket.url, sites.caPem, office, 'json')
    expect(again.status).toBe(410)
    expect(json(again)).toMatchObject({
      decision: 'refused',
      reason: {
        ja: expect.stringContaining('すでに使われています'),
        en: expect.stringContaining('already used'),
      },
      permission: null,
    })
    expect(await latestAtB()).toMatchObject({ decision: 'refused', employeeKey: 'E000001', address: office })
    expect((await latestAtB()).reason.en).toContain('already used')
    const [line] = await visitHistory(b.core)
    expect(line).toMatchObject({ level: 'warning' })
    expect(line!.message).toContain('すでに使われています')
  })

  it("a URL opened 61 seconds after it was issued (B's clock) is refused as expired (410)", async () => {
    const ticket = await issue('E000002')
    clocks[1].jump(61_000)
    const late = await open(ticket.url, sites.caPem, office, 'json')
    clocks[0].jump(61_000)
    expect(late.status).toBe(410)
    expect(json(late)).toMatchObject({
      decision: 'refused',
      reason: { en: expect.stringContaining('expired') },
    })
    expect(await latestAtB()).toMatchObject({ decision: 'refused', employeeKey: 'E000002' })
    expect((await latestAtB()).reason.ja).toContain('有効期限')
    expect((await visitHistory(b.core))[0]!.message).toContain('有効期限')
  })

  it('a URL whose payload was altered after signing is refused (400) and names nobody', async () => {
    const ticket = await issue('E000002')
    const [base, token] = [ticket.url.slice(0, ticket.url.lastIndexOf('/') + 1), ticket.url.split('/').pop()!]
    const [payload, signature] = token.split('.') as [string, string]
    const bytes = Buffer.from(payload, 'base64url')
    // One byte of the payload: the employee key E000002 becomes E000005, still a well-formed token.
    bytes[bytes.indexOf('E000002') + 6] = '5'.charCodeAt(0)
    const tampered = `${base}${bytes.toString('base64url')}.${signature}`
    const answer = await open(tampered, sites.caPem, office, 'json')
    expect(answer.status).toBe(400)
    expect(json(answer)).toMatchObject({
      decision: 'refused',
      visitor: null,
      reason: { ja: expect.stringContaining('署名'), en: expect.stringContaining('signature') },
    })
    expect(await latestAtB()).toMatchObject({
      decision: 'refused',
      employeeKey: null,
      partnerName: 'A商事 本社',
    })
    const [line] = await visitHistory(b.core)
    expect(line).toMatchObject({ level: 'warning' })
    expect(line!.message).toContain('署名が正しくありません')
    expect(line!.message).toContain('不明な訪問者')
    // The real URL still works: the altered one did not use it up.
    expect((await open(ticket.url, sites.caPem, office, 'json')).status).toBe(200)
  })

  it("B's accept rule 'none' denies the visit (403) with the rule named in the answer, the log and the history", async () => {
    const ticket = await issue('E000003')
    const answer = await open(ticket.url, sites.caPem, office, 'json')
    expect(answer.status).toBe(403)
    expect(json(answer)).toMatchObject({
      decision: 'denied',
      permission: 'none',
      ruleId: 'blocked',
      visitor: { key: 'E000003' },
      reason: { ja: expect.stringContaining('ログイン不可'), en: expect.stringContaining('does not allow') },
    })
    expect(await latestAtB()).toMatchObject({ decision: 'denied', permission: 'none', ruleId: 'blocked' })
    const [line] = await visitHistory(b.core)
    expect(line).toMatchObject({ level: 'warning' })
    expect(line!.message).toContain('blocked')
  })

  it('a network rule decides by the source address: the office is let in, the same person from outside is not', async () => {
    const fromOffice = await open((await issue('E000004')).url, sites.caPem, office, 'json')
    expect(fromOffice.status).toBe(200)
    expect(json(fromOffice)).toMatchObject({ permission: 'write', ruleId: 'office-only' })
    expect(await latestAtB()).toMatchObject({ decision: 'allowed', address: office })

    const fromOutside = await open((await issue('E000004')).url, sites.caPem, outside, 'json')
    expect(fromOutside.status).toBe(403)
    expect(json(fromOutside)).toMatchObject({ decision: 'denied', permission: 'none', ruleId: 'office-only' })
    expect((json(fromOutside)['reason'] as { ja: string }).ja).toContain(outside)
    expect(await latestAtB()).toMatchObject({ decision: 'denied', address: outside, ruleId: 'office-only' })
    expect((await visitHistory(b.core))[0]!.message).toContain(outside)
  })

  it("A's visit rules decide who gets a URL at A, and B applies them as received: a URL issued before they narrowed is denied", async () => {
    const issuedBefore = await issue('E000005')
    await a.core.api['link.rules.update']({
      id: atA,
      visit: { everyone: false, targets: [{ kind: 'department', code: 'D1' }] },
    })
    await expect(issue('E000005')).rejects.toMatchObject({
      localized: {
        ja: expect.stringContaining('訪問設定の対象外'),
        en: expect.stringContaining('visit rules'),
      },
    })
    expect(await latestAtA()).toMatchObject({ side: 'issued', decision: 'denied', employeeKey: 'E000005' })
    expect((await latestAtA()).reason.en).toContain('visit rules')
    // D1 is a target: E000001 (main department D1) still gets a URL.
    expect((await issue('E000001')).url).toContain('/renkei-link/v1/visit/')
    await expect(issue('E000011')).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('無効'), en: expect.stringContaining('not active') },
    })
    await expect(issue('E999999')).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('社員名簿にいません'), en: expect.stringContaining('not in') },
    })

    // Saved rules reach B at once; B then refuses the URL issued before, by A's rules as received.
    await vi.waitFor(
      async () =>
        expect((await b.core.api['link.rules.get']({ id: atB })).partnerVisit?.everyone).toBe(false),
      { timeout: 20_000 },
    )
    const late = await open(issuedBefore.url, sites.caPem, office, 'json')
    expect(late.status).toBe(403)
    expect(json(late)).toMatchObject({
      decision: 'denied',
      reason: { en: expect.stringContaining("partner's visit rules") },
    })
    expect(await latestAtB()).toMatchObject({ decision: 'denied', employeeKey: 'E000005', ruleId: null })

    await a.core.api['link.rules.update']({ id: atA, visit: { everyone: true, targets: [] } })
    await vi.waitFor(
      async () => expect((await b.core.api['link.rules.get']({ id: atB })).partnerVisit?.everyone).toBe(true),
      { timeout: 20_000 },
    )
  })

  it('a browser gets a page (Japanese first, English below, strict CSP); an allowed visit can be handed off', async () => {
    const refused = await open(`${b.linkUrl}renkei-link/v1/visit/not-a-token`, sites.caPem, office, 'browser')
    expect(refused.status).toBe(400)
    expect(refused.headers['content-type']).toMatch(/^text\/html/)
    expect(refused.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'")
    expect(refused.text.indexOf('形式が正しくありません')).toBeGreaterThan(0)
    expect(refused.text.indexOf('not well formed')).toBeGreaterThan(
      refused.text.indexOf('形式が正しくありません'),
    )
    const [unknown] = (await b.core.api['link.visits']({ limit: 1 })).entries
    expect(unknown).toMatchObject({ decision: 'refused', linkId: null, employeeKey: null, address: office })

    const page = await open((await issue('E000002')).url, sites.caPem, office, 'browser')
    expect(page.status).toBe(200)
    expect(page.text).toContain('訪問を受け入れました')
    expect(page.text).toContain('Visit accepted')
    expect(page.text).not.toMatch(/<script|src=|href=/)

    const handed: string[] = []
    b.core.sitelink.visits.useHandoff({
      afterAllowedVisit: async (visit) => {
        handed.push(`${visit.employee.key} ${visit.outcome.accept?.permission} ${visit.address}`)
        return { status: 302, headers: { location: 'https://groupware.b.example/login' } }
      },
    })
    try {
      const redirect = await open((await issue('E000010')).url, sites.caPem, office, 'browser')
      expect(redirect.status).toBe(302)
      expect(redirect.headers['location']).toBe('https://groupware.b.example/login')
      expect(redirect.headers['cache-control']).toBe('no-store')
      // A refusal is never handed off.
      const denied = await open((await issue('E000003')).url, sites.caPem, office, 'browser')
      expect(denied.status).toBe(403)
      expect(denied.text).toContain('ログイン不可')
      expect(handed).toEqual([`E000010 write ${office}`])
    } finally {
      b.core.sitelink.visits.useHandoff(null)
    }
  })

  it('the visit log pages newest first with an id cursor', async () => {
    const first = await b.core.api['link.visits']({ id: atB, limit: 3 })
    expect(first.entries).toHaveLength(3)
    expect(first.entries[0]!.id).toBeGreaterThan(first.entries[2]!.id)
    const next = await b.core.api['link.visits']({ id: atB, limit: 3, before: first.nextBefore! })
    expect(next.entries[0]!.id).toBeLessThan(first.entries[2]!.id)
    const all = await b.core.api['link.visits']({ limit: 500 })
    expect(all.nextBefore).toBeNull()
    // Every URL opened at B above is one row: 13 on the link and the malformed one on none.
    const received = all.entries.filter((e) => e.side === 'received')
    expect(received).toHaveLength(14)
    expect(received.filter((e) => e.linkId === atB)).toHaveLength(13)
    await expect(b.core.api['link.visits']({ id: 'no-such-link' })).rejects.toMatchObject({
      localized: { ja: expect.any(String), en: expect.any(String) },
    })
  })
})
