/**
 * The one network layer: every outbound HTTP(S) request of the core goes through `fetch` (or, for node-style
 * request code, `dispatcher`), which picks the route (direct or which proxy), adds the proxy's Basic
 * credentials and trusts the admin's CAs besides the system's. The host builds it (composition root) and can
 * hand in the OS proxy resolver; the core never asks Electron itself.
 */
import { createSecureContext } from 'node:tls'
import { Agent, fetch as undiciFetch, ProxyAgent, type Dispatcher } from 'undici'
import { networkSettings, type NetworkRoute, type NetworkSettings } from '../../../shared/model/network'
import { ConnectorError } from '../connectors/connector-error'
import { networkCause } from '../connectors/network-cause'
import { trustedCaList } from './certificates'
import { certificateCode, certificateRefused, proxyRefused } from './network-messages'
import { routeFor, type ProxyEnvironment, type ResolveProxy } from './proxy-route'
import { probeTls, type ProbeTarget } from './tls-probe'

export interface NetworkLayerDeps {
  readonly settings: () => NetworkSettings
  /** PEM bundles the admin added (Settings → Network). */
  readonly trustedCaPems: () => readonly string[]
  /** The manual proxy's password from the keychain. */
  readonly proxyPassword: () => Promise<string | null>
  readonly env: ProxyEnvironment
  /** The OS store's PEM text (read once by the host). */
  readonly systemCas: readonly string[]
  /** The desktop host's OS proxy resolver (PAC included); null in the daemon and CLI. */
  readonly resolveProxy: ResolveProxy | null
}

export interface RequestOptions {
  /** false only where a connector lets the admin switch verification off (SCIM's own setting). */
  readonly verifyCertificate?: boolean
}

export interface RoutedDispatcher {
  readonly dispatcher: Dispatcher
  /** As shown to people: the proxy without credentials. */
  readonly route: NetworkRoute
  readonly proxy: ProbeTarget['proxy']
}

export interface NetworkLayer {
  /** fetch through the layer; certificate refusals become a ConnectorError naming the certificate. */
  readonly fetch: typeof fetch
  dispatcher(url: URL, options?: RequestOptions): Promise<RoutedDispatcher>
  /** The CAs an LDAPS / StartTLS connection trusts besides its own field; null: Node's default store. */
  caList(): string[] | null
  /** A failed request's error in plain words (certificate refused, proxy refused), else the error itself. */
  explain(error: unknown, url: URL, routed: RoutedDispatcher): Promise<unknown>
  /** Reads the chain of an https URL along the route a request would take. */
  probe(url: URL, routed: RoutedDispatcher, timeoutMs: number): ReturnType<typeof probeTls>
  /** Settings or CAs changed: the next request builds fresh dispatchers. */
  changed(): void
  close(): Promise<void>
}

type FetchWithDispatcher = (
  input: string | URL,
  init: Omit<RequestInit, 'dispatcher'> & { dispatcher: Dispatcher },
) => Promise<Response>
const routedFetch = undiciFetch as unknown as FetchWithDispatcher

/** The proxy URI as shown: scheme, host and port (credentials from an environment variable cut). */
function shownProxy(uri: string): string {
  try {
    const url = new URL(uri)
    return `${url.protocol}//${url.host}`
  } catch {
    return uri.replace(/\/\/[^@/]*@/, '//')
  }
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

export function createNetworkLayer(deps: NetworkLayerDeps): NetworkLayer {
  const cache = new Map<string, Dispatcher>()
  let ca: string[] | null | undefined

  const caList = (): string[] | null => (ca ??= trustedCaList(deps.trustedCaPems(), deps.systemCas))

  async function proxyOf(uri: string): Promise<NonNullable<ProbeTarget['proxy']>> {
    const settings = deps.settings()
    const parsed = new URL(uri)
    if (settings.mode === 'manual' && settings.proxyUsername !== '') {
      const password = (await deps.proxyPassword()) ?? ''
      return { uri: shownProxy(uri), authorization: basic(settings.proxyUsername, password) }
    }
    if (parsed.username !== '') {
      const [user, password] = [decodeURIComponent(parsed.username), decodeURIComponent(parsed.password)]
      return { uri: shownProxy(uri), authorization: basic(user, password) }
    }
    return { uri: shownProxy(uri), authorization: null }
  }

  function build(proxy: ProbeTarget['proxy'], verify: boolean): Dispatcher {
    const list = caList()
    // One parsed store per dispatcher: passing `ca` alone would parse a few hundred PEMs per connection.
    const context = list ? createSecureContext({ ca: list }) : null
    const tls = { ...(context ? { secureContext: context } : {}), rejectUnauthorized: verify }
    if (proxy === null) return new Agent({ connect: tls })
    return new ProxyAgent({
      uri: proxy.uri,
      ...(proxy.authorization ? { token: proxy.authorization } : {}),
      requestTls: tls,
      proxyTls: context ? { secureContext: context } : {},
    })
  }

  async function dispatcher(url: URL, options: RequestOptions = {}): Promise<RoutedDispatcher> {
    const raw = await routeFor(url, deps.settings(), deps.env, deps.resolveProxy)
    const proxy = raw.kind === 'proxy' ? await proxyOf(raw.proxy) : null
    const route: NetworkRoute = proxy ? { kind: 'proxy', proxy: proxy.uri } : raw
    const verify = options.verifyCertificate ?? true
    const key = JSON.stringify([proxy, verify])
    let found = cache.get(key)
    if (!found) cache.set(key, (found = build(proxy, verify)))
    return { dispatcher: found, route, proxy }
  }

  async function layerFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : input)
    const routed = await dispatcher(url)
    try {
      return await routedFetch(url, { ...init, dispatcher: routed.dispatcher })
    } catch (error) {
      throw await explained(error, url, routed)
    }
  }

  /** A certificate refusal or a refusing proxy in plain words; anything else as fetch threw it. */
  async function explained(error: unknown, url: URL, routed: RoutedDispatcher): Promise<unknown> {
    const cause = networkCause(error)
    const proxyStatus = /Proxy response \((\d+)\)/.exec(cause.message)
    if (routed.proxy && proxyStatus) {
      const message = proxyRefused(routed.proxy.uri, Number(proxyStatus[1]))
      return new ConnectorError('auth', message, cause.message)
    }
    if (cause.code === null || !certificateCode.test(cause.code) || url.protocol !== 'https:') return error
    const probe = await probeTls({ url, proxy: routed.proxy, ca: caList(), timeoutMs: 10_000 }).catch(
      () => null,
    )
    const message = certificateRefused(url.host, cause.code, probe?.chain ?? [])
    return new ConnectorError('permanent', message, `${cause.code}: ${cause.message}`)
  }

  return {
    fetch: layerFetch as typeof fetch,
    dispatcher,
    caList,
    explain: explained,
    probe: (url, routed, timeoutMs) => probeTls({ url, proxy: routed.proxy, ca: caList(), timeoutMs }),
    changed() {
      const old = [...cache.values()]
      cache.clear()
      ca = undefined
      for (const d of old) void d.close().catch(() => {})
    },
    async close() {
      await Promise.all([...cache.values()].map((d) => d.close().catch(() => {})))
      cache.clear()
    },
  }
}

let direct: NetworkLayer | null = null

/** Straight connections with Node's CA store: for connectors built without the host's layer (tests, tools). */
export function directNetwork(): NetworkLayer {
  return (direct ??= createNetworkLayer({
    settings: () => networkSettings.parse({ mode: 'none' }),
    trustedCaPems: () => [],
    proxyPassword: async () => null,
    env: { httpProxy: '', httpsProxy: '', noProxy: [] },
    systemCas: [],
    resolveProxy: null,
  }))
}
