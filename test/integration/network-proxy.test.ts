/**
 * The network layer against a real forward proxy (Debian's tinyproxy, with Basic auth) and real servers: a
 * feed fetch and a CalDAV sync (Radicale) and a SCIM listing travel through the proxy — tinyproxy's own log
 * shows a CONNECT for each — NO_PROXY hosts do not, and the connection test says which path it took.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { calendarSecretName, type CalendarPairConfig } from '../../src/shared/model/calendar-config'
import { startInstalledAppFlow } from '../../src/main/core/connectors/oauth/oauth-flow'
import { OAuthTokenSource } from '../../src/main/core/connectors/oauth/token-source'
import { createNetworkLayer } from '../../src/main/core/network/network-layer'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { networkProxyPasswordSecret, networkSettings } from '../../src/shared/model/network'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startOidcServer } from '../support/oidc-server'
import { startRadicale, type Radicale } from '../support/radicale'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { skipBecause } from '../support/skip-reason'
import { openTestCore, tempDataDir } from '../support/test-core'
import { startTinyproxy, tinyproxyMissing, type Tinyproxy } from '../support/tinyproxy'
import { startWebhookReceiver } from '../support/webhook-receiver'

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/calendar', name), 'utf8')
const proxyUser = { user: 'tester', password: 's3cr3t' }
const noTinyproxy = skipBecause(
  tinyproxyMissing(),
  'tinyproxy is not installed (apt-get install -y tinyproxy)',
  'RENKEI_REQUIRE_KEYCHAIN',
)

describe.skipIf(noTinyproxy)('network layer through tinyproxy', () => {
  let proxy: Tinyproxy
  let radicale: Radicale
  let feeds: IcsFeedServer
  let scim: RunningScimServer
  let dir: string
  let secrets: MemorySecretStore
  let core: Core
  let calendarCount = 0

  beforeAll(async () => {
    ;[proxy, radicale, feeds, scim] = await Promise.all([
      startTinyproxy({ basicAuth: proxyUser }),
      startRadicale(),
      startIcsFeedServer(),
      startScimServer(),
    ])
    feeds.setFeed('/google.ics', fixture('google.ics'))
  }, 60_000)
  afterAll(async () => {
    await Promise.all([proxy?.stop(), radicale?.stop(), feeds?.stop(), scim?.stop()])
  })

  /** Each core gets the environment it is given, never the machine's own proxy variables. */
  async function openCore(environment: NodeJS.ProcessEnv = {}): Promise<Core> {
    return openTestCore(dir, {
      secrets,
      clock: new TestClock(Date.parse('2026-12-02T09:00:00+09:00')),
      environment,
    })
  }

  beforeEach(async () => {
    dir = tempDataDir('renkei-net-')
    secrets = new MemorySecretStore()
    await secrets.set(calendarSecretName('u0001', 'target'), radicale.users['alice']!)
    await secrets.set(directorySecretNames.targetScimToken, scim.token)
    core = await openCore()
  })
  afterEach(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const port = (url: string): string => new URL(url).port
  const tunnelled = (from: number, url: string): boolean =>
    proxy
      .requests()
      .slice(from)
      .some((line) => line.startsWith(`CONNECT 127.0.0.1:${port(url)} `))

  async function pair(): Promise<CalendarPairConfig> {
    const calendarUrl = await radicale.makeCalendar('alice', `net-${++calendarCount}`, {
      timeZone: 'Asia/Tokyo',
    })
    return {
      id: 'u0001',
      number: 1,
      name: '山田 太郎',
      employeeKey: '',
      permitted: true,
      source: { kind: 'ics', url: feeds.url('/google.ics'), auth: 'none', username: '', maxMegabytes: 20 },
      target: { kind: 'caldav', url: calendarUrl, preset: 'generic', auth: 'basic', username: 'alice' },
      direction: 'one-way',
      conflictPolicy: 'source-wins',
    }
  }

  async function manualProxy(noProxy: string[] = []): Promise<void> {
    await secrets.set(networkProxyPasswordSecret, proxyUser.password)
    await core.api['network.update']({
      mode: 'manual',
      proxyUrl: proxy.url,
      proxyUsername: proxyUser.user,
      noProxy,
    })
  }

  it('sends the feed fetch, the CalDAV sync and the SCIM listing through the manual proxy with Basic auth', async () => {
    await manualProxy()
    const from = proxy.requests().length
    await core.api['calendar.pairs.save'](await pair())
    const run = await core.api['calendar.run']({ id: 'u0001' })
    expect(run.outcome).toBe('ok')
    expect(run.created).toBeGreaterThan(0)
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(3)) },
      target: { kind: 'scim', baseUrl: scim.baseUrl, provisionGroups: false },
    })
    const plan = await core.api['directory.preview']({})
    expect(plan.counts.user.create).toBe(3)

    expect(tunnelled(from, feeds.origin)).toBe(true)
    expect(tunnelled(from, radicale.url)).toBe(true)
    expect(tunnelled(from, scim.baseUrl)).toBe(true)
  })

  it('sends the admin alert webhook through the proxy too', async () => {
    const hook = await startWebhookReceiver()
    try {
      await manualProxy()
      const from = proxy.requests().length
      const result = await core.api['alerts.test']({
        settings: { email: { enabled: false }, webhook: { enabled: true } },
        webhookUrl: hook.url,
      })
      expect(result.deliveries).toEqual([expect.objectContaining({ channel: 'webhook', ok: true })])
      expect(hook.posts).toHaveLength(1)
      expect(tunnelled(from, hook.url)).toBe(true)
    } finally {
      await hook.stop()
    }
  })

  it('goes straight to NO_PROXY hosts: the feed bypasses the proxy while CalDAV still uses it', async () => {
    await manualProxy([`127.0.0.1:${port(feeds.origin)}`])
    const from = proxy.requests().length
    const feedRequests = feeds.requests.length
    await core.api['calendar.pairs.save'](await pair())
    expect((await core.api['calendar.run']({ id: 'u0001' })).outcome).toBe('ok')
    expect(feeds.requests.length).toBeGreaterThan(feedRequests)
    expect(tunnelled(from, feeds.origin)).toBe(false)
    expect(tunnelled(from, radicale.url)).toBe(true)
  })

  it('takes HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment, and the test shows the path taken', async () => {
    await core.close()
    const withCredentials = proxy.url.replace('//', `//${proxyUser.user}:${proxyUser.password}@`)
    core = await openCore({
      HTTP_PROXY: withCredentials,
      NO_PROXY: `example.invalid,127.0.0.1:${port(scim.baseUrl)}`,
    })
    const from = proxy.requests().length
    const viaProxy = await core.api['network.test']({ url: feeds.url('/google.ics') })
    expect(viaProxy).toMatchObject({ status: 200, route: { kind: 'proxy', proxy: proxy.url }, error: null })
    // The route as shown never carries the proxy's credentials.
    expect(JSON.stringify(viaProxy)).not.toContain(proxyUser.password)
    expect(tunnelled(from, feeds.origin)).toBe(true)

    const bypass = await core.api['network.test']({ url: `${scim.baseUrl}/Users` })
    expect(bypass.route).toEqual({ kind: 'direct', reason: 'no-proxy' })
    expect(bypass.status).toBe(401)
    expect(tunnelled(from, scim.baseUrl)).toBe(false)
  })

  it('reports a proxy that refuses the credentials in plain words, in both languages', async () => {
    await core.api['network.update']({ mode: 'manual', proxyUrl: proxy.url, proxyUsername: proxyUser.user })
    await secrets.set(networkProxyPasswordSecret, 'wrong-password')
    const result = await core.api['network.test']({ url: feeds.url('/google.ics') })
    expect(result.status).toBeNull()
    expect(result.route).toEqual({ kind: 'proxy', proxy: proxy.url })
    expect(result.error?.en).toContain(`The proxy ${proxy.url}`)
    expect(result.error?.ja).toContain(`プロキシ ${proxy.url}`)
  })

  it('refuses a manual proxy URL that is not usable or holds credentials, changing nothing', async () => {
    const before = await core.api['network.get']({})
    for (const proxyUrl of ['not a url', 'ftp://proxy:21', `http://tester:s3cr3t@127.0.0.1:${proxy.port}`]) {
      await expect(core.api['network.update']({ mode: 'manual', proxyUrl })).rejects.toMatchObject({
        code: 'invalid-input',
      })
    }
    await expect(core.api['network.update']({ mode: 'system' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    expect(await core.api['network.get']({})).toEqual(before)
  })
})

describe.skipIf(noTinyproxy)('OAuth token endpoint through the proxy', () => {
  it('the code exchange and the refresh go through tinyproxy with the layer the calendar engine uses', async () => {
    const [oidc, proxy] = await Promise.all([startOidcServer(), startTinyproxy({ basicAuth: proxyUser })])
    const layer = createNetworkLayer({
      settings: () =>
        networkSettings.parse({ mode: 'manual', proxyUrl: proxy.url, proxyUsername: proxyUser.user }),
      trustedCaPems: () => [],
      proxyPassword: async () => proxyUser.password,
      env: { httpProxy: '', httpsProxy: '', noProxy: [] },
      systemCas: [],
      resolveProxy: null,
    })
    try {
      const tokens: string[] = []
      const save = async (token: string): Promise<void> => void tokens.push(token)
      const flow = await startInstalledAppFlow({
        client: oidc.client,
        clientSecret: null,
        onRefreshToken: save,
        fetch: layer.fetch,
      })
      await oidc.approve(flow.authorizeUrl)
      await flow.done
      expect(tokens).toHaveLength(1)
      const source = new OAuthTokenSource({
        client: oidc.client,
        clientSecret: null,
        loadRefreshToken: async () => tokens.at(-1) ?? null,
        saveRefreshToken: save,
        now: Date.now,
        fetch: layer.fetch,
      })
      expect(await source.accessToken(new AbortController().signal)).not.toBe('')
      const port = new URL(oidc.client.tokenEndpoint).port
      expect(proxy.requests().some((line) => line.startsWith(`CONNECT 127.0.0.1:${port} `))).toBe(true)
    } finally {
      await layer.close()
      await Promise.all([proxy.stop(), oidc.stop()])
    }
  })
})
