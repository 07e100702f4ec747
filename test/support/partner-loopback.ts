/**
 * In-process transport for site link tests (no listener, no certificates, fast): a PartnerClient that calls
 * the other core's partner routes directly. `sitelink-https.test.ts` covers the real one. The signature step is replaced by handing the route the caller's
 * key id, checked as the real endpoint checks it (`partner`: a key the callee registered; `presented`: the
 * key the body presents). Tests using it say "(in-process transport)" in their names.
 */
import { generateKeyPairSync, sign } from 'node:crypto'
import type { Core } from '../../src/main/core/core-types'
import { keyIdOf } from '../../src/main/core/connectors/peer/site-key'
import type {
  PartnerClient,
  PartnerRequest,
  PartnerResponse,
  PartnerRoute,
  SiteKey,
} from '../../src/main/core/engines/sitelink/sitelink-ports'
import type { Localized } from '../../src/shared/model/localized'

/** A refusal or failure as the transport reports one: a status and the partner's ja/en reason. */
export class LoopbackFailure extends Error {
  constructor(
    readonly status: number,
    readonly localized: Localized,
    /** The partner's own refusal, as connectors/peer keeps it on PartnerRequestError. */
    readonly refusal: { readonly code: string } | null = null,
  ) {
    super(localized.en)
  }
}

/** A fresh Ed25519 key pair; `keyId` as connectors/peer computes it. */
export function testSiteKey(): SiteKey & { readonly keyId: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const keyId = keyIdOf(pem)
  return {
    keyId,
    publicKey: async () => ({ pem, keyId }),
    sign: async (data) => sign(null, data, privateKey),
  }
}

function match(route: PartnerRoute, method: string, path: string): Record<string, string> | null {
  if (route.method !== method) return null
  const want = route.path.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (const [index, part] of want.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[index]!)
    else if (part !== got[index]) return null
  }
  return params
}

const unknownKey = {
  code: 'unknown-key',
  ja: 'リクエストの署名鍵を知りません。',
  en: 'The request was signed with a key this site does not know.',
}

/** What the loopback needs of a site: a whole core, or just a link engine's routes and keys. */
export interface LoopbackSite {
  readonly sitelink: Pick<Core['sitelink'], 'routes' | 'keys'>
}

export class PartnerLoopback {
  private readonly sites = new Map<string, LoopbackSite>()
  /** Every call that reached a site, for tests that check what was (not) sent. */
  readonly calls: { readonly to: string; readonly method: string; readonly path: string }[] = []

  /** Serves `core`'s routes at `linkUrl` (ending with "/"); attach again after a link URL change. */
  attach(linkUrl: string, core: LoopbackSite): void {
    this.sites.set(linkUrl, core)
  }

  /** The site stops answering (its server is down). */
  detach(linkUrl: string): void {
    this.sites.delete(linkUrl)
  }

  client(key: SiteKey): PartnerClient {
    return {
      getPublic: async (url) => {
        const base = [...this.sites.keys()].find((linkUrl) => url.startsWith(linkUrl))
        if (base === undefined) throw this.unreachable(url)
        return this.call(base, { method: 'GET', path: url.slice(base.length) }, null)
      },
      send: async (linkUrl, request) => this.call(linkUrl, request, (await key.publicKey()).keyId),
    }
  }

  private unreachable(url: string): LoopbackFailure {
    return new LoopbackFailure(0, { ja: `${url} に接続できません。`, en: `Cannot connect to ${url}.` })
  }

  private async call(linkUrl: string, request: PartnerRequest, keyId: string | null): Promise<unknown> {
    const core = this.sites.get(linkUrl)
    if (!core) throw this.unreachable(linkUrl)
    for (const route of core.sitelink.routes()) {
      const params = match(route, request.method, request.path)
      if (params === null) continue
      this.calls.push({ to: linkUrl, method: request.method, path: request.path })
      if (!this.authorized(core, route, request, keyId))
        throw new LoopbackFailure(401, unknownKey, unknownKey)
      const response = await route.handle({
        method: request.method,
        path: request.path,
        params,
        body: request.body ?? null,
        keyId: route.auth === 'none' ? null : keyId,
        remoteAddress: '127.0.0.1',
      })
      return this.answer(response)
    }
    throw new LoopbackFailure(404, { ja: '見つかりません。', en: 'Not found.' })
  }

  private authorized(
    core: LoopbackSite,
    route: PartnerRoute,
    request: PartnerRequest,
    keyId: string | null,
  ): boolean {
    if (route.auth === 'none') return true
    if (keyId === null) return false
    if (route.auth === 'partner') return core.sitelink.keys.publicKeyFor(keyId) !== null
    const presented = (request.body as { publicKey?: unknown } | undefined)?.publicKey
    return typeof presented === 'string' && keyIdOf(presented) === keyId
  }

  private answer(response: PartnerResponse): unknown {
    if (response.status < 400) return response.body
    // The endpoint's refusal shape, `{ error: { code, ja, en } }`, as connectors/peer reads it.
    const refusal = (response.body as { error?: Localized & { code: string } } | undefined)?.error
    const status = { ja: `HTTP ${response.status}`, en: `HTTP ${response.status}` }
    throw new LoopbackFailure(response.status, refusal ?? status, refusal ?? null)
  }
}
