/**
 * Private CAs: an HTTPS server with a certificate from a CA made in the test (in no store) is refused with a
 * message naming the certificate, its issuer and what to add — until the CA is added under Settings → Network;
 * then it is trusted, straight and through a real proxy (tinyproxy's CONNECT tunnel) alike. LDAPS trusts the
 * same list.
 */
import { readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { LdapDirectorySource } from '../../src/main/core/connectors/ldap/ldap-directory-source'
import { createNetworkLayer } from '../../src/main/core/network/network-layer'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { calendarSecretName } from '../../src/shared/model/calendar-config'
import { directorySecretNames, ldapSourceConfig } from '../../src/shared/model/directory-config'
import { networkSettings } from '../../src/shared/model/network'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startRadicale, type Radicale } from '../support/radicale'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { skipBecause } from '../support/skip-reason'
import { startSlapd, type Slapd } from '../support/slapd'
import { makeTestCa, type TestCa } from '../support/test-ca'
import { openTestCore, tempDataDir } from '../support/test-core'
import { startTinyproxy, tinyproxyMissing, type Tinyproxy } from '../support/tinyproxy'

const caName = 'Renkei Test Root CA'
const serverName = 'scim.corp.test'

describe('trusted CAs (Settings → Network) for HTTPS', () => {
  let ca: TestCa
  let scim: RunningScimServer
  let dir: string
  let core: Core

  beforeAll(async () => {
    ca = makeTestCa(caName, serverName, ['IP:127.0.0.1', `DNS:${serverName}`])
    scim = await startScimServer({ tls: { key: ca.key, cert: ca.cert } })
  }, 30_000)
  afterAll(async () => {
    await scim?.stop()
  })
  beforeEach(async () => {
    dir = tempDataDir('renkei-net-ca-')
    const secrets = new MemorySecretStore()
    await secrets.set(directorySecretNames.targetScimToken, scim.token)
    // The machine's own variables may name a proxy: this core reads none.
    core = await openTestCore(dir, { secrets, environment: {} })
    await core.api['directory.config.update']({
      target: { kind: 'scim', baseUrl: scim.baseUrl, provisionGroups: false },
    })
  })
  afterEach(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses the server before its CA is added, naming the certificate, its issuer and what to add', async () => {
    const test = await core.api['network.test']({ url: `${scim.baseUrl}/ServiceProviderConfig` })
    expect(test.status).toBeNull()
    expect(test.trusted).toBe(false)
    expect(test.chain[0]).toMatchObject({ subject: `CN=${serverName}`, issuer: `CN=${caName}` })
    expect(test.error?.en).toContain(`CN=${serverName}, issued by CN=${caName}`)
    expect(test.error?.en).toContain('Settings → Network → Trusted CAs')
    expect(test.error?.ja).toContain(`発行者 CN=${caName}`)

    // A connector reports the same words (SCIM's connection check).
    const check = await core.api['directory.check']({ side: 'target' })
    expect(check.ok).toBe(false)
    expect(check.message.en).toContain(`CN=${serverName}`)
    expect(check.message.en).toContain(`"CN=${caName}"`)
  })

  it('trusts it once the CA is added (list shows subject, issuer, expiry); removing it refuses again', async () => {
    const state = await core.api['network.ca.add']({ pem: ca.caPem })
    expect(state.trustedCas).toHaveLength(1)
    const [added] = state.trustedCas[0]!.certificates
    expect(added).toMatchObject({ subject: `CN=${caName}`, issuer: `CN=${caName}` })
    expect(Date.parse(added!.validTo)).toBeGreaterThan(Date.now())

    const test = await core.api['network.test']({ url: `${scim.baseUrl}/ServiceProviderConfig` })
    // SCIM answers 401 without its token: an HTTP answer at all means TLS was accepted.
    expect(test).toMatchObject({ status: 401, trusted: true, error: null })
    expect(test.chain.map((c) => c.subject)).toEqual([`CN=${serverName}`, `CN=${caName}`])
    expect((await core.api['directory.check']({ side: 'target' })).ok).toBe(true)

    await core.api['network.ca.remove']({ id: state.trustedCas[0]!.id })
    expect((await core.api['network.test']({ url: `${scim.baseUrl}/ServiceProviderConfig` })).trusted).toBe(
      false,
    )
  })

  it('refuses what is not a CA certificate, changing nothing', async () => {
    for (const pem of ['hello', ca.cert]) {
      await expect(core.api['network.ca.add']({ pem })).rejects.toMatchObject({ code: 'invalid-input' })
    }
    await core.api['network.ca.add']({ pem: ca.caPem })
    await expect(core.api['network.ca.add']({ pem: ca.caPem })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    expect((await core.api['network.get']({})).trustedCas).toHaveLength(1)
  })

  describe.skipIf(skipBecause(tinyproxyMissing(), 'tinyproxy is not installed', 'RENKEI_REQUIRE_KEYCHAIN'))(
    'through a proxy',
    () => {
      let proxy: Tinyproxy
      beforeAll(async () => {
        proxy = await startTinyproxy()
      })
      afterAll(async () => {
        await proxy?.stop()
      })

      it('trusts the added CA inside the CONNECT tunnel too', async () => {
        await core.api['network.update']({ mode: 'manual', proxyUrl: proxy.url })
        const before = await core.api['network.test']({ url: `${scim.baseUrl}/ServiceProviderConfig` })
        expect(before).toMatchObject({
          status: null,
          trusted: false,
          route: { kind: 'proxy', proxy: proxy.url },
        })
        await core.api['network.ca.add']({ pem: ca.caPem })
        const after = await core.api['network.test']({ url: `${scim.baseUrl}/ServiceProviderConfig` })
        expect(after).toMatchObject({
          status: 401,
          trusted: true,
          route: { kind: 'proxy', proxy: proxy.url },
        })
        expect(proxy.requests()).toContain(`CONNECT 127.0.0.1:${new URL(scim.baseUrl).port} HTTP/1.1`)
      })
    },
  )
})

describe('trusted CAs for LDAPS', () => {
  let slapd: Slapd
  beforeAll(async () => {
    slapd = await startSlapd({ tls: true })
  }, 30_000)
  afterAll(async () => {
    await slapd?.stop()
  })

  it('an LDAPS source trusts the CA list of the network layer (no CA of its own)', async () => {
    const layer = createNetworkLayer({
      settings: () => networkSettings.parse({}),
      trustedCaPems: () => [slapd.caPem!],
      proxyPassword: async () => null,
      env: { httpProxy: '', httpsProxy: '', noProxy: [] },
      systemCas: [],
      resolveProxy: null,
    })
    const config = ldapSourceConfig.parse({
      kind: 'ldap',
      url: slapd.ldapsUrl!,
      security: 'ldaps',
      bindDn: slapd.rootDn,
      baseDn: slapd.suffix,
    })
    const without = await new LdapDirectorySource(config, slapd.rootPassword).check()
    expect(without.ok).toBe(false)
    const withLayer = new LdapDirectorySource(config, slapd.rootPassword, { trustedCas: layer.caList() })
    expect((await withLayer.check()).ok).toBe(true)
    await layer.close()
  })
})

describe('trusted CAs for CalDAV behind TLS', () => {
  const caldavCa = 'Renkei CalDAV Test CA'
  let radicale: Radicale
  let feeds: IcsFeedServer
  let front: TlsServer
  let frontOrigin: string
  let caPem: string
  let dir: string
  let core: Core

  beforeAll(async () => {
    const tls = makeTestCa(caldavCa, 'caldav.corp.test', ['IP:127.0.0.1'])
    caPem = tls.caPem
    ;[radicale, feeds] = await Promise.all([startRadicale(), startIcsFeedServer()])
    feeds.setFeed('/google.ics', readFileSync(join(__dirname, '../fixtures/calendar/google.ics'), 'utf8'))
    // TLS in front of Radicale, as a reverse proxy with the company's certificate would be.
    front = createTlsServer({ key: tls.key, cert: tls.cert }, (socket) => {
      const upstream = connect(radicale.port, '127.0.0.1')
      socket.pipe(upstream).pipe(socket)
      socket.on('error', () => upstream.destroy())
      upstream.on('error', () => socket.destroy())
    })
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
    const address = front.address()
    frontOrigin = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
    dir = tempDataDir('renkei-net-caldav-')
    const secrets = new MemorySecretStore()
    await secrets.set(calendarSecretName('u0001', 'target'), radicale.users['alice']!)
    core = await openTestCore(dir, { secrets, environment: {} })
    const calendarUrl = await radicale.makeCalendar('alice', 'tls', { timeZone: 'Asia/Tokyo' })
    await core.api['calendar.pairs.save']({
      id: 'u0001',
      number: 1,
      name: '山田 太郎',
      employeeKey: '',
      permitted: true,
      source: { kind: 'ics', url: feeds.url('/google.ics'), auth: 'none', username: '', maxMegabytes: 20 },
      target: {
        kind: 'caldav',
        url: calendarUrl.replace(radicale.url, frontOrigin),
        preset: 'generic',
        auth: 'basic',
        username: 'alice',
      },
      direction: 'one-way',
      conflictPolicy: 'source-wins',
    })
  }, 30_000)
  afterAll(async () => {
    await core?.close()
    front?.close()
    await Promise.all([radicale?.stop(), feeds?.stop()])
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses the CalDAV server before its CA is added, with a clear message, and syncs once it is', async () => {
    const refused = await core.api['calendar.run']({ id: 'u0001' })
    expect(refused.outcome).not.toBe('ok')
    expect(refused.message.en).toContain(`issued by CN=${caldavCa}`)
    expect(refused.message.ja).toContain('信頼する CA')

    await core.api['network.ca.add']({ pem: caPem })
    const trusted = await core.api['calendar.run']({ id: 'u0001' })
    expect(trusted.outcome).toBe('ok')
    expect(trusted.created).toBeGreaterThan(0)
  })
})
