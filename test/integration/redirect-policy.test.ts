import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCalDavConnector } from '../../src/main/core/connectors/caldav/caldav-connector'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { createFeedConnector } from '../../src/main/core/connectors/ics/ics-feed'
import { requestTokens } from '../../src/main/core/connectors/oauth/token-endpoint'
import { ScimDirectoryTarget } from '../../src/main/core/connectors/scim/scim-directory-target'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { secretsInDataDir } from '../support/secret-scan'
import { openTestCore, tempDataDir } from '../support/test-core'

const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n'
/** Where the last request for /feed-ok came from, and whether it carried credentials. */
const seen: { path: string; authorization: string | undefined }[] = []
let server: Server
let base: string
let otherOrigin: string

/** A server of ours that redirects where it is told, as a compromised or misconfigured one would. */
function answer(request: IncomingMessage): { status: number; location?: string; body?: string } {
  const path = request.url ?? '/'
  seen.push({ path, authorization: request.headers.authorization })
  const routes: Record<string, { status: number; location?: string; body?: string }> = {
    '/feed-metadata': { status: 302, location: 'http://169.254.169.254/latest/meta-data/iam/' },
    '/feed-decimal': { status: 302, location: 'http://2852039166/latest/' },
    '/feed-mapped': { status: 308, location: 'http://[::ffff:169.254.169.254]/latest/' },
    '/feed-v6': { status: 301, location: 'http://[fe80::1]/feed.ics' },
    '/feed-name': { status: 307, location: 'http://metadata.google.internal/computeMetadata/v1/' },
    '/feed-hop': { status: 302, location: '/feed-ok' },
    '/feed-cross': { status: 302, location: `${otherOrigin}/feed-ok` },
    '/feed-ok': { status: 200, body: calendar },
    '/scim/ServiceProviderConfig': {
      status: 200,
      body: '{"patch":{"supported":false},"db_password":"hunter2"}',
    },
    '/feed-dump': { status: 500, body: `db_password=hunter2\napi_key: k-99\n${'内部エラー'.repeat(600)}` },
    '/dav/': { status: 301, location: 'http://169.254.169.254/dav/' },
    '/token': { status: 307, location: 'http://[fe80::a9fe:a9fe]/token' },
  }
  return routes[path] ?? { status: 404 }
}

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume()
    const { status, location, body } = answer(request)
    response.writeHead(status, location ? { Location: location } : { 'Content-Type': 'text/calendar' })
    response.end(body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  base = `http://127.0.0.1:${port}`
  otherOrigin = `http://localhost:${port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const feed = (path: string, auth: 'none' | 'bearer' = 'none') =>
  createFeedConnector(
    { url: `${base}${path}`, auth, username: '', maxMegabytes: 1 },
    auth === 'none' ? null : 'feed-token',
    {
      timeoutMs: 3000,
    },
  ).fetch(null, new AbortController().signal)

async function refusal(work: Promise<unknown>): Promise<ConnectorError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectorError)
  return error as ConnectorError
}

function expectRedirectRefused(error: ConnectorError, address: string): void {
  expect(error.kind).toBe('permanent')
  expect(error.localized.ja).toContain(
    'リンクローカルまたはクラウドのメタデータ用アドレスのため、たどりませんでした',
  )
  expect(error.localized.en).toContain(
    `(${address}), a link-local or cloud metadata address, so Renkei did not follow it`,
  )
}

describe('one redirect policy for every outbound HTTP connector', () => {
  it.each([
    ['/feed-metadata', '169.254.169.254'],
    ['/feed-decimal', '169.254.169.254'],
    ['/feed-v6', 'fe80::1'],
    ['/feed-mapped', '::ffff:a9fe:a9fe'],
    ['/feed-name', 'metadata.google.internal'],
  ])(
    'iCalendar feed: a redirect from %s to a link-local/metadata address is refused',
    async (path, address) => {
      expectRedirectRefused(await refusal(feed(path)), address)
    },
  )

  it('CalDAV: a PROPFIND redirected to a link-local address is refused', async () => {
    const dav = createCalDavConnector(
      { url: `${base}/dav/` },
      { kind: 'basic', username: 'alice', password: 'pw' },
      { timeoutMs: 3000 },
    )
    expectRedirectRefused(await refusal(dav.info(new AbortController().signal)), '169.254.169.254')
  })

  it('OAuth token endpoint: a redirect to fe80::/10 is refused', async () => {
    const tokens = requestTokens({
      client: {
        clientId: 'c',
        authorizationEndpoint: `${base}/auth`,
        tokenEndpoint: `${base}/token`,
        scope: 's',
      },
      clientSecret: null,
      grant: { grant_type: 'refresh_token', refresh_token: 'r' },
      invalidGrant: { ja: '再認可', en: 'reauthorize' },
      fetch,
    })
    expectRedirectRefused(await refusal(tokens), 'fe80::a9fe:a9fe')
  })

  it('still follows ordinary redirects, and carries credentials to the same origin only', async () => {
    seen.length = 0
    expect(await feed('/feed-hop', 'bearer')).toMatchObject({ status: 'fetched', text: calendar })
    expect(await feed('/feed-cross', 'bearer')).toMatchObject({ status: 'fetched', text: calendar })
    expect(seen).toEqual([
      { path: '/feed-hop', authorization: 'Bearer feed-token' },
      { path: '/feed-ok', authorization: 'Bearer feed-token' },
      { path: '/feed-cross', authorization: 'Bearer feed-token' },
      { path: '/feed-ok', authorization: undefined },
    ])
  })
})

describe("a server's answer on its way to the history", () => {
  it('has credentials cut and is at most 500 bytes', async () => {
    const error = await refusal(feed('/feed-dump'))
    expect(error.serverAnswer).toContain('HTTP 500')
    expect(error.serverAnswer).not.toMatch(/hunter2|k-99/)
    expect(Buffer.byteLength(error.serverAnswer ?? '')).toBeLessThanOrEqual(500)
  })

  it('a SCIM connection check shows the same gated answer', async () => {
    const scim = new ScimDirectoryTarget(
      {
        kind: 'scim',
        baseUrl: `${base}/scim`,
        verifyCertificate: true,
        provisionGroups: false,
        timeoutSeconds: 5,
      },
      'scim-token',
    )
    const result = await scim.check()
    expect(result.ok).toBe(false)
    expect(result.detail).toContain('"db_password":"***"')
    expect(result.detail).not.toContain('hunter2')
  })

  it('through a calendar run: the history keeps the refusal and a gated answer, and no credential at rest', async () => {
    const dataDir = tempDataDir('renkei-answer-gate-')
    const secrets = new MemorySecretStore()
    const core = await openTestCore(dataDir, { version: 't', secrets })
    try {
      await secrets.set('calendar.gate-u1.target', 'target-pw')
      const runWithFeed = async (path: string) => {
        await core.api['calendar.pairs.save']({
          id: 'gate-u1',
          number: 1,
          name: '山田 太郎',
          source: { kind: 'ics', url: `${base}${path}` },
          // Never reached: the source fails first.
          target: { kind: 'caldav', url: 'http://127.0.0.1:1/alice/calendar/', username: 'alice' },
        })
        return core.api['calendar.run']({ id: 'gate-u1' })
      }
      expect((await runWithFeed('/feed-dump')).outcome).toBe('error')
      expect((await runWithFeed('/feed-metadata')).outcome).toBe('error')
      const errors = (await core.api['history.search']({ filter: { level: 'error' } })).entries
      expect(errors.map((e) => e.messageEn).join('\n')).toContain('a link-local or cloud metadata address')
      for (const entry of errors) {
        const answer = (entry.detail as { serverAnswer?: string }).serverAnswer ?? ''
        expect(Buffer.byteLength(answer)).toBeLessThanOrEqual(500)
      }
      expect(secretsInDataDir(dataDir, ['hunter2', 'k-99'])).toEqual([])
    } finally {
      await core.close()
    }
  })
})
