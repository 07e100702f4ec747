/**
 * The site link transport against real HTTPS servers on loopback addresses at port 443 (this file: 127.0.4.x):
 * the partner listener with a certificate from a test CA, the partner client verifying it through the network
 * layer; Debian's nginx with auth_basic in front of a partner; tinyproxy as the forward proxy.
 */
import { request } from 'undici'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contentDigest, signRequest } from '../../src/main/core/connectors/peer/message-signing'
import { PartnerRequestError } from '../../src/main/core/connectors/peer/partner-errors'
import type { PartnerRoute } from '../../src/main/core/engines/sitelink/sitelink-ports'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { makePartnerCerts, makeSelfSigned, type PartnerCerts } from '../support/partner-certs'
import {
  startTestPartnerListener,
  testPartnerClient,
  type TestPartnerClient,
  type TestPartnerListener,
} from '../support/partner-transport'
import { nginxMissing, startNginxBasicAuth } from '../support/nginx'
import { skipBecause } from '../support/skip-reason'
import { startTinyproxy, tinyproxyMissing } from '../support/tinyproxy'

const partnerAddress = '127.0.4.1'
const selfSignedAddress = '127.0.4.2'
const basicAuthAddress = '127.0.4.3'
const nobodyAddress = '127.0.4.9'
const start = Date.parse('2026-12-02T09:00:00+09:00')

const routes: PartnerRoute[] = [
  {
    method: 'POST',
    path: 'renkei-link/v1/echo',
    auth: 'partner',
    handle: async (req) => ({ status: 200, body: { got: req.body, keyId: req.keyId, path: req.path } }),
  },
  {
    method: 'POST',
    path: 'renkei-link/v1/accept',
    auth: 'presented',
    handle: async (req) => ({ status: 200, body: { keyId: req.keyId } }),
  },
  {
    method: 'GET',
    path: 'renkei-link/v1/request/:token',
    auth: 'none',
    handle: async (req) => ({ status: 200, body: { token: req.params['token'] } }),
  },
  {
    method: 'GET',
    path: 'renkei-link/v1/slow',
    auth: 'none',
    handle: () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: {} }), 3000)),
  },
]

async function refusalOf(work: Promise<unknown>): Promise<PartnerRequestError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof PartnerRequestError))
    throw new Error(`expected a PartnerRequestError, got ${String(error)}`)
  return error
}

describe('site link transport over HTTPS', () => {
  let certs: PartnerCerts
  let clock: TestClock
  let partner: TestPartnerListener
  let site: TestPartnerClient

  beforeAll(async () => {
    certs = makePartnerCerts([partnerAddress, basicAuthAddress])
    clock = new TestClock(start)
    site = testPartnerClient({ trustedCaPems: [certs.caPem], clock })
    partner = await startTestPartnerListener({
      address: partnerAddress,
      certificate: certs.sites[0]!,
      routes,
      keys: await site.keys(),
      basePath: '/link/',
      clock,
    })
  })
  afterAll(async () => {
    await partner?.close()
    await site?.network.close()
  })
  beforeEach(() => {
    partner.refused.length = 0
  })

  /** A request signed by `site`, sent as-is (or altered) with the client's own dispatcher. */
  async function rawSigned(body: string, sendBody = body): Promise<{ status: number; json: unknown }> {
    const url = new URL('renkei-link/v1/echo', partner.linkUrl)
    const headers = await signRequest(
      { method: 'POST', url, body: Buffer.from(body) },
      await site.siteKey.signingKey(),
      clock.now(),
    )
    return raw(url, 'POST', { ...headers, 'content-type': 'application/json' }, sendBody)
  }

  async function raw(
    url: URL,
    method: 'GET' | 'POST',
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<{ status: number; json: unknown }> {
    const routed = await site.network.dispatcher(url)
    const answer = await request(url, { method, headers, body: body ?? null, dispatcher: routed.dispatcher })
    const text = await answer.body.text()
    return { status: answer.statusCode, json: text === '' ? null : (JSON.parse(text) as unknown) }
  }

  it('carries a signed request and its answer; the handler sees the verified key id', async () => {
    const { keyId } = await site.siteKey.publicKey()
    const answer = await site.client.send(partner.linkUrl, {
      method: 'POST',
      path: 'renkei-link/v1/echo',
      body: { employees: [{ key: 'e1', name: '山田 太郎' }] },
    })
    expect(answer).toEqual({
      got: { employees: [{ key: 'e1', name: '山田 太郎' }] },
      keyId,
      path: 'renkei-link/v1/echo',
    })
    expect(partner.refused).toEqual([])
  })

  it('refuses a body changed after signing, and says why', async () => {
    const answer = await rawSigned('{"amount":1}', '{"amount":1000}')
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({ error: { code: 'digest-mismatch' } })
    expect(partner.refused).toMatchObject([
      // The client connects from 127.0.0.1 (the loopback source address) to the partner's own address.
      { code: 'digest-mismatch', remoteAddress: '127.0.0.1', path: '/link/renkei-link/v1/echo' },
    ])
  })

  it('refuses a body changed together with its digest: the signature covers the digest', async () => {
    const url = new URL('renkei-link/v1/echo', partner.linkUrl)
    const signed = await signRequest(
      { method: 'POST', url, body: Buffer.from('{"amount":1}') },
      await site.siteKey.signingKey(),
      clock.now(),
    )
    const forged = { ...signed, 'content-digest': contentDigest(Buffer.from('{"amount":1000}')) }
    const answer = await raw(
      url,
      'POST',
      { ...forged, 'content-type': 'application/json' },
      '{"amount":1000}',
    )
    expect(answer).toMatchObject({ status: 401, json: { error: { code: 'bad-signature' } } })
    expect(partner.refused.map((r) => r.code)).toEqual(['bad-signature'])
  })

  it('refuses the same signed request sent twice (replay)', async () => {
    const url = new URL('renkei-link/v1/echo', partner.linkUrl)
    const headers = await signRequest(
      { method: 'POST', url, body: Buffer.from('{"a":1}') },
      await site.siteKey.signingKey(),
      clock.now(),
    )
    const first = await raw(url, 'POST', { ...headers, 'content-type': 'application/json' }, '{"a":1}')
    expect(first.status).toBe(200)
    const second = await raw(url, 'POST', { ...headers, 'content-type': 'application/json' }, '{"a":1}')
    expect(second.status).toBe(401)
    expect(second.json).toMatchObject({ error: { code: 'replay', ja: expect.stringContaining('リプレイ') } })
    expect(partner.refused.map((r) => r.code)).toEqual(['replay'])
  })

  it('refuses a signature made more than 5 minutes before or after its own clock', async () => {
    const signedAt = clock.now()
    const url = new URL('renkei-link/v1/echo', partner.linkUrl)
    const key = await site.siteKey.signingKey()
    const old = await signRequest(
      { method: 'POST', url, body: Buffer.from('{}') },
      key,
      signedAt - 6 * 60_000,
    )
    const stale = await raw(url, 'POST', { ...old, 'content-type': 'application/json' }, '{}')
    expect(stale.json).toMatchObject({ error: { code: 'stale' } })
    const ahead = await signRequest(
      { method: 'POST', url, body: Buffer.from('{}') },
      key,
      signedAt + 6 * 60_000,
    )
    const future = await raw(url, 'POST', { ...ahead, 'content-type': 'application/json' }, '{}')
    expect(future.json).toMatchObject({ error: { code: 'stale' } })
    const near = await signRequest(
      { method: 'POST', url, body: Buffer.from('{}') },
      key,
      signedAt - 4 * 60_000,
    )
    expect((await raw(url, 'POST', { ...near, 'content-type': 'application/json' }, '{}')).status).toBe(200)
  })

  it('refuses a request the partner clock sees as stale after time moved on (client error carries the reason)', async () => {
    const late = testPartnerClient({
      trustedCaPems: [certs.caPem],
      clock: new TestClock(clock.now() - 10 * 60_000),
    })
    partner.endpoint.setPartnerKeys(await late.keys())
    try {
      const error = await refusalOf(
        late.client.send(partner.linkUrl, { method: 'POST', path: 'renkei-link/v1/echo', body: {} }),
      )
      expect(error.code).toBe('partner-refused')
      expect(error.refusal?.code).toBe('stale')
      expect(error.localized.ja).toContain('5 分以上ずれています')
      expect(error.localized.en).toContain(partnerAddress)
    } finally {
      partner.endpoint.setPartnerKeys(await site.keys())
      await late.network.close()
    }
  })

  it('refuses a key no linked partner registered, and an unsigned call to a signed route', async () => {
    const stranger = testPartnerClient({ trustedCaPems: [certs.caPem], clock })
    try {
      const error = await refusalOf(
        stranger.client.send(partner.linkUrl, { method: 'POST', path: 'renkei-link/v1/echo', body: {} }),
      )
      expect(error.refusal?.code).toBe('unknown-key')
      expect(error.httpStatus).toBe(401)
    } finally {
      await stranger.network.close()
    }
    const unsigned = await raw(new URL('renkei-link/v1/echo', partner.linkUrl), 'POST', {}, '{}')
    expect(unsigned).toMatchObject({ status: 401, json: { error: { code: 'unsigned' } } })
    expect(partner.refused.map((r) => r.code)).toEqual(['unknown-key', 'unsigned'])
  })

  it('accepts a presented key only when the signature is made with that key', async () => {
    const newcomer = testPartnerClient({ trustedCaPems: [certs.caPem], clock })
    try {
      const own = await newcomer.siteKey.publicKey()
      const accepted = await newcomer.client.send(partner.linkUrl, {
        method: 'POST',
        path: 'renkei-link/v1/accept',
        body: { token: 't-1', publicKey: own.pem },
      })
      expect(accepted).toEqual({ keyId: own.keyId })
      const someoneElses = (await site.siteKey.publicKey()).pem
      const error = await refusalOf(
        newcomer.client.send(partner.linkUrl, {
          method: 'POST',
          path: 'renkei-link/v1/accept',
          body: { token: 't-1', publicKey: someoneElses },
        }),
      )
      expect(error.refusal?.code).toBe('unknown-key')
    } finally {
      await newcomer.network.close()
    }
  })

  it('serves an unsigned route to getPublic, and nothing but the registered routes', async () => {
    expect(await site.client.getPublic(`${partner.linkUrl}renkei-link/v1/request/abc%20def`)).toEqual({
      token: 'abc def',
    })
    const paths = [
      '/',
      '/api/status',
      '/link/',
      '/index.html',
      '/link/renkei-link/v1/../../api/status',
      '/renkei-link/v1/request/x',
    ]
    for (const path of paths) {
      const answer = await raw(new URL(path, `https://${partnerAddress}`), 'GET')
      expect(answer, path).toMatchObject({ status: 404, json: { error: { code: 'not-found' } } })
    }
    const wrongMethod = await raw(new URL('renkei-link/v1/echo', partner.linkUrl), 'GET')
    expect(wrongMethod.status).toBe(404)
    const error = await refusalOf(site.client.getPublic(`${partner.linkUrl}api/status`))
    expect(error.code).toBe('partner-refused')
    expect(error.refusal?.code).toBe('not-found')
  })

  it('refuses a partner with a self-signed certificate with the seed reason', async () => {
    const selfSigned = await startTestPartnerListener({
      address: selfSignedAddress,
      certificate: makeSelfSigned(selfSignedAddress),
      routes,
    })
    try {
      const error = await refusalOf(site.client.getPublic(`${selfSigned.linkUrl}renkei-link/v1/request/x`))
      expect(error.code).toBe('self-signed')
      expect(error.localized.ja).toContain('自己署名証明書はサポートしていません')
      expect(error.localized.en).toContain('Self-signed certificates are not supported')
    } finally {
      await selfSigned.close()
    }
  })

  it('refuses a partner whose CA is not trusted, naming the CA to add', async () => {
    const untrusting = testPartnerClient({ clock })
    try {
      const error = await refusalOf(untrusting.client.getPublic(`${partner.linkUrl}renkei-link/v1/request/x`))
      expect(error.code).toBe('untrusted-certificate')
      expect(error.localized.en).toContain('Renkei Test Link CA')
    } finally {
      await untrusting.network.close()
    }
  })

  it('says a partner that does not answer is unreachable', async () => {
    const error = await refusalOf(site.client.getPublic(`https://${nobodyAddress}/renkei-link/v1/request/x`))
    expect(error.code).toBe('unreachable')
    expect(error.kind).toBe('transient')
    expect(error.localized.ja).toContain(nobodyAddress)
  })

  it('gives up on a partner that does not answer in time', async () => {
    const impatient = testPartnerClient({ trustedCaPems: [certs.caPem], clock, timeoutMs: 300 })
    try {
      const error = await refusalOf(impatient.client.getPublic(`${partner.linkUrl}renkei-link/v1/slow`))
      expect(error.code).toBe('unreachable')
      expect(error.localized.en).toContain('timeout')
    } finally {
      await impatient.network.close()
    }
  })

  it('cuts off an answer larger than the client takes', async () => {
    const small = testPartnerClient({ trustedCaPems: [certs.caPem], clock, maxAnswerBytes: 1000 })
    try {
      const url = `${partner.linkUrl}renkei-link/v1/request/${'x'.repeat(1500)}`
      const error = await refusalOf(small.client.getPublic(url))
      expect(error.code).toBe('bad-response')
      expect(error.localized.en).toContain('larger than 1000 bytes')
      expect(await site.client.getPublic(url)).toEqual({ token: 'x'.repeat(1500) })
    } finally {
      await small.network.close()
    }
  })

  it('refuses link URLs on another port before sending anything', async () => {
    await expect(
      site.client.send(`https://${partnerAddress}:8443/`, { method: 'GET', path: 'renkei-link/v1/x' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      localized: { ja: expect.stringContaining('443ポートのみ') },
    })
  })

  describe.skipIf(
    skipBecause(
      nginxMissing(),
      'nginx is not installed (apt-get install -y nginx)',
      'RENKEI_REQUIRE_KEYCHAIN',
    ),
  )('behind nginx auth_basic', () => {
    it('refuses a partner behind HTTP Basic authentication with the seed reason', async () => {
      const nginx = await startNginxBasicAuth(basicAuthAddress, certs.sites[1]!, `https://${partnerAddress}`)
      try {
        const linkUrl = `https://${basicAuthAddress}/link/`
        const error = await refusalOf(
          site.client.send(linkUrl, { method: 'POST', path: 'renkei-link/v1/echo', body: {} }),
        )
        expect(error.code).toBe('basic-auth')
        expect(error.httpStatus).toBe(401)
        expect(error.localized.ja).toContain('Basic認証を使用しているサイトとの連携はサポートしていません')
        expect(error.localized.en).toContain('a site that uses "Basic" authentication is not supported')
      } finally {
        await nginx.stop()
      }
    })
  })

  describe.skipIf(skipBecause(tinyproxyMissing(), 'tinyproxy is not installed', 'RENKEI_REQUIRE_KEYCHAIN'))(
    'through a forward proxy',
    () => {
      it('sends through HTTPS_PROXY, and straight to hosts in NO_PROXY', async () => {
        const proxy = await startTinyproxy()
        const env = { httpProxy: '', httpsProxy: proxy.url, noProxy: [] as string[] }
        const proxied = testPartnerClient({ trustedCaPems: [certs.caPem], clock, proxyEnv: env })
        const bypassing = testPartnerClient({
          trustedCaPems: [certs.caPem],
          clock,
          proxyEnv: { ...env, noProxy: [partnerAddress] },
        })
        try {
          partner.endpoint.setPartnerKeys(await proxied.keys())
          const body = { through: 'proxy' }
          const answer = await proxied.client.send(partner.linkUrl, {
            method: 'POST',
            path: 'renkei-link/v1/echo',
            body,
          })
          expect(answer).toMatchObject({ got: body })
          expect(proxy.requests()).toEqual([`CONNECT ${partnerAddress}:443 HTTP/1.1`])
          await bypassing.client.getPublic(`${partner.linkUrl}renkei-link/v1/request/x`)
          expect(proxy.requests()).toHaveLength(1)
        } finally {
          partner.endpoint.setPartnerKeys(await site.keys())
          await Promise.all([proxied.network.close(), bypassing.network.close(), proxy.stop()])
        }
      })
    },
  )
})
