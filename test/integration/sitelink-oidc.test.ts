/**
 * The OpenID Connect provider mode over real HTTPS: A (127.0.4.14) and B (127.0.4.15) are linked; B's
 * partner endpoint serves the provider at `<link URL>renkei-link/v1/oidc`; B's groupware is openid-client
 * (the real RP library) behind a loopback HTTP server on 127.0.4.14; keys and client secrets in the real
 * keychain. A plain HTTP client plays the visitor's browser, following redirects from A's visit URL (or
 * the handoff's answer) through the RP and the provider back to the RP's redirect URI, where the code
 * becomes a validated ID token. (127.0.4.13 is the visits test's.)
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oidcClientSecretName, type OidcSettingsInput } from '../../src/shared/model/sitelink-rules'
import { ApiError } from '../../src/shared/model/errors'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import type { VerifiedVisit } from '../../src/main/core/engines/sitelink/visits/visit-ports'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { browse, randomSecret, startRelyingParty, type RelyingParty } from '../support/oidc-relying-party'
import { linkSites, nameSites, startTwoSites, type TestSite, type TwoSites } from '../support/two-sites'

const addresses = ['127.0.4.14', '127.0.4.15'] as const
const clientId = 'groupware.b'

/** What a visit landing route hands over once a visit of A's employee 山田 passed both sides' rules. */
function allowedVisit(at: number): VerifiedVisit {
  return {
    linkId: 'link-1',
    partnerName: 'A商事 本社',
    partnerKeyId: 'a-key-id',
    employee: { key: 'E000001', name: '山田 太郎', email: 'yamada@a.example' },
    address: '127.0.4.14',
    at,
    outcome: {
      allowed: true,
      reason: { ja: '許可', en: 'allowed' },
      visit: { allowed: true, target: null, trail: [] },
      accept: {
        permission: 'write',
        ruleId: 'dept-sales',
        ruleScope: 'department',
        network: null,
        products: ['schedule', 'presence'],
        view: { mode: 'deny', departments: ['HR'], employees: [] },
        trail: [],
      },
    },
  }
}

describe.skipIf(skipWithoutKeychain())('OpenID Connect provider mode over real HTTPS (gnome-keyring)', () => {
  const clock = new TestClock(Date.now())
  const secretStores = [0, 1].map((i) => new KeychainSecretStore(`renkei-test-oidc-${process.pid}-${i}`))
  let sites: TwoSites
  let a: TestSite
  let b: TestSite
  /** The link at A (to B) and at B (from A). */
  let atA: string
  let atB: string
  let issuer: string
  let rp: RelyingParty
  const secret = randomSecret()

  const settings = (patch: Partial<OidcSettingsInput> = {}): OidcSettingsInput => ({
    enabled: true,
    clients: [
      {
        clientId,
        name: 'B社グループウェア',
        redirectUris: [rp.redirectUri],
        initiateLoginUri: rp.initiateLoginUri,
      },
    ],
    ...patch,
  })

  /** The handoff's 302 for a visit, as the visit landing route would answer the browser. */
  const handoffLocation = async (visit = allowedVisit(clock.now())): Promise<string> => {
    const answer = await b.core.sitelink.handoff.afterAllowedVisit(visit)
    expect(answer?.status).toBe(302)
    return answer!.headers!['location']!
  }

  const warnings = async (): Promise<string[]> =>
    (await b.core.api['history.search']({ filter: { category: 'sitelink' }, limit: 100 })).entries
      .filter((entry) => entry.level === 'warning')
      .map((entry) => entry.message)

  beforeAll(async () => {
    sites = await startTwoSites({
      addresses,
      basePath: '/renkei/',
      options: [
        { clock, secrets: secretStores[0] },
        { clock, secrets: secretStores[1] },
      ],
    })
    ;({ a, b } = sites)
    await nameSites(sites)
    writeHome(a.dataDir, testSnapshot(Array.from({ length: 12 }, (_, i) => testEmployee(i + 1))))
    ;({ atA, atB } = await linkSites(sites))
    await b.core.api['link.rules.update']({
      id: atB,
      accept: {
        rules: [
          { id: 'global', scope: 'global', permission: 'read' },
          { id: 'managers', scope: 'position', position: 'P1', permission: 'write', products: ['schedule'] },
        ],
      },
    })
    issuer = `${b.linkUrl}renkei-link/v1/oidc`
    rp = await startRelyingParty({
      address: addresses[0],
      issuer,
      clientId,
      clientSecret: secret,
      caPem: sites.caPem,
    })
  }, 60_000)

  afterAll(async () => {
    await rp?.stop()
    await sites?.close()
    for (const secrets of secretStores) for (const name of await secrets.names()) await secrets.delete(name)
  })

  it('settings: refuses a plain-http redirect URI off this machine and a duplicate client id (ja/en), changing nothing', async () => {
    const before = await b.core.api['link.oidc.get']({})
    expect(before).toEqual({ enabled: false, issuer, clients: [] })
    const insecure = b.core.api['link.oidc.update']({
      enabled: true,
      clients: [{ ...settings().clients[0]!, redirectUris: ['http://groupware.example/callback'] }],
    })
    await expect(insecure).rejects.toBeInstanceOf(ApiError)
    await expect(insecure).rejects.toMatchObject({
      localized: {
        ja: expect.stringContaining('https ではありません'),
        en: expect.stringContaining('not https'),
      },
    })
    const twice = b.core.api['link.oidc.update']({
      enabled: true,
      clients: [settings().clients[0]!, { ...settings().clients[0]!, name: 'もう一つ' }],
    })
    await expect(twice).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('重複'), en: expect.stringContaining('used twice') },
    })
    expect(await b.core.api['link.oidc.get']({})).toEqual(before)
  })

  it('enabling with no client is allowed and says so; a client secret is only ever reported as set', async () => {
    const empty = await b.core.api['link.oidc.update']({ enabled: true, clients: [] })
    expect(empty).toEqual({ enabled: true, issuer, clients: [] })
    expect(await warnings()).toContainEqual(expect.stringContaining('まだ誰もサインインできません'))
    const added = await b.core.api['link.oidc.update'](settings())
    expect(added.clients[0]).toMatchObject({ clientId, secretSet: false })
    // A client without a secret cannot sign anyone in: the landing route keeps its own page.
    expect(await b.core.sitelink.handoff.afterAllowedVisit(allowedVisit(clock.now()))).toBeNull()
    await b.core.api['secrets.set']({ name: oidcClientSecretName(clientId), value: secret })
    const withSecret = await b.core.api['link.oidc.get']({})
    expect(withSecret.clients[0]!.secretSet).toBe(true)
    expect(JSON.stringify(withSecret)).not.toContain(secret)
    const files = readdirSync(b.dataDir).filter((name) => name.startsWith('renkei.sqlite'))
    expect(files).toContain('renkei.sqlite')
    for (const file of files) expect(readFileSync(join(b.dataDir, file)).includes(secret)).toBe(false)
  })

  it('removing a client removes its secret from the keychain (a client added later under that id sets a new one)', async () => {
    const other = {
      clientId: 'other.rp',
      name: '別システム',
      redirectUris: ['https://other.example/cb'],
      initiateLoginUri: null,
    }
    await b.core.api['link.oidc.update'](settings({ clients: [...settings().clients, other] }))
    await b.core.api['secrets.set']({ name: oidcClientSecretName('other.rp'), value: randomSecret() })
    const secretNames = async () => (await b.core.api['secrets.list']({})).map((info) => info.name)
    expect(await secretNames()).toContain(oidcClientSecretName('other.rp'))
    const after = await b.core.api['link.oidc.update'](settings())
    expect(after.clients.map((client) => client.clientId)).toEqual([clientId])
    expect(await secretNames()).not.toContain(oidcClientSecretName('other.rp'))
    expect(await secretNames()).toContain(oidcClientSecretName(clientId))
  })

  it('discovery at the issuer (openid-client): endpoints below the link URL, code flow, openid profile email', async () => {
    const metadata = (await rp.discover()).serverMetadata()
    expect(metadata.issuer).toBe(issuer)
    expect(metadata.authorization_endpoint).toBe(`${issuer}/auth`)
    expect(metadata.token_endpoint).toBe(`${issuer}/token`)
    expect(metadata.response_types_supported).toEqual(['code'])
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email']))
    expect(metadata.id_token_signing_alg_values_supported).toContain('RS256')
    // Only paths below the mount reach the provider; a look-alike prefix is the listener's plain 404.
    const lookalike = await browse(`${issuer}x/.well-known/openid-configuration`, sites.caPem)
    expect(lookalike.status).toBe(404)
    expect(JSON.parse(lookalike.text)).toMatchObject({ error: { code: 'not-found' } })
  })

  it('handoff driven directly with a VerifiedVisit (the landing route is covered end to end below): the RP signs the visitor in with the decided permission', async () => {
    const location = await handoffLocation()
    expect(location.startsWith(`${rp.initiateLoginUri}?`)).toBe(true)
    expect(new URL(location).searchParams.get('iss')).toBe(issuer)
    const page = await browse(location, sites.caPem)
    expect(page.status, page.text).toBe(200)
    expect(page.url.startsWith(rp.redirectUri)).toBe(true)
    const { claims } = JSON.parse(page.text) as { claims: Record<string, unknown> }
    expect(claims).toMatchObject({
      iss: issuer,
      aud: clientId,
      sub: 'a-key-id:E000001',
      name: '山田 太郎',
      email: 'yamada@a.example',
      renkei_permission: 'write',
      renkei_products: ['schedule', 'presence'],
      renkei_view: { mode: 'deny', departments: ['HR'], employees: [] },
      renkei_partner: 'A商事 本社',
      renkei_rule: 'dept-sales',
    })
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(300)
  })

  it('one browser, two visitors: the second visit signs in the second visitor, not the session of the first', async () => {
    const browser = new Map<string, string>()
    const first = await browse(await handoffLocation(), sites.caPem, browser)
    expect(JSON.parse(first.text).claims.sub).toBe('a-key-id:E000001')
    const other = allowedVisit(clock.now())
    const second = await browse(
      await handoffLocation({ ...other, employee: { key: 'E000002', name: '佐藤 花子', email: null } }),
      sites.caPem,
      browser,
    )
    const { claims } = JSON.parse(second.text) as { claims: Record<string, unknown> }
    expect(claims).toMatchObject({ sub: 'a-key-id:E000002', name: '佐藤 花子' })
    expect(claims).not.toHaveProperty('email')
  })

  it("end to end from A's visit URL: B's landing route allows the visit and the RP signs the visitor in", async () => {
    const ticket = await a.core.api['link.visit.issue']({ id: atA, employeeKey: 'E000010' })
    const page = await browse(ticket.url, sites.caPem)
    expect(page.trail[0]).toBe(ticket.url)
    expect(page.trail[1]!.startsWith(`${rp.initiateLoginUri}?`)).toBe(true)
    expect(page.status, page.text).toBe(200)
    const { claims } = JSON.parse(page.text) as { claims: Record<string, unknown> }
    expect(claims).toMatchObject({
      iss: issuer,
      aud: clientId,
      sub: expect.stringMatching(/^[\w-]{43}:E000010$/),
      name: '社員 10',
      email: 'user10@a.example.jp',
      renkei_permission: 'write',
      renkei_products: ['schedule'],
      renkei_view: null,
      renkei_partner: 'A商事 本社',
      renkei_rule: 'managers',
    })
    const other = await browse(
      (await a.core.api['link.visit.issue']({ id: atA, employeeKey: 'E000001' })).url,
      sites.caPem,
    )
    expect(JSON.parse(other.text).claims).toMatchObject({ renkei_permission: 'read', renkei_rule: 'global' })
  })

  it('a login grant is single use: the same hint again gets a ja/en page and a history warning', async () => {
    const location = await handoffLocation()
    expect((await browse(location, sites.caPem)).status).toBe(200)
    const again = await browse(location, sites.caPem)
    expect(again.status).toBe(400)
    expect(again.text).toContain('使用済みか、無効です')
    expect(again.text).toContain('already used or is not valid')
    expect(again.text).not.toMatch(/at .+\.js|Error:/)
    expect(await warnings()).toContainEqual(
      expect.stringContaining('OpenID Connect のサインインを断りました'),
    )
  })

  it('a login grant expires after 2 minutes', async () => {
    const location = await handoffLocation()
    await clock.advance(120_001)
    const late = await browse(location, sites.caPem)
    expect(late.status).toBe(400)
    expect(late.text).toContain('有効期限（2分）が切れました')
  })

  it('a relying party with a wrong client secret is refused at the token endpoint (invalid_client)', async () => {
    const impostor = await startRelyingParty({
      address: addresses[0],
      issuer,
      clientId,
      clientSecret: 'not-the-secret',
      caPem: sites.caPem,
    })
    try {
      await b.core.api['link.oidc.update'](
        settings({
          clients: [
            {
              clientId,
              name: 'B社グループウェア',
              redirectUris: [impostor.redirectUri],
              initiateLoginUri: impostor.initiateLoginUri,
            },
          ],
        }),
      )
      const page = await browse(await handoffLocation(), sites.caPem)
      expect(page.url.startsWith(impostor.redirectUri)).toBe(true)
      expect(page.status).toBe(400)
      expect(JSON.parse(page.text)).toEqual({ error: 'invalid_client', status: 401 })
    } finally {
      await impostor.stop()
      await b.core.api['link.oidc.update'](settings())
    }
  })

  it('turned off: no handoff (the landing route answers itself) and the issuer answers 404', async () => {
    await b.core.api['link.oidc.update'](settings({ enabled: false }))
    expect(await b.core.sitelink.handoff.afterAllowedVisit(allowedVisit(clock.now()))).toBeNull()
    const page = await browse(`${issuer}/.well-known/openid-configuration`, sites.caPem)
    expect(page.status).toBe(404)
    expect(page.text).toContain('無効です')
  })
})
