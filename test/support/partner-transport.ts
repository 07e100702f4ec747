/**
 * Site link transport for tests: a partner listener (the real endpoint class, on a loopback address at
 * port 443 — tests run as root) and a partner client that trusts the test CA through a real network layer.
 * Pick a loopback address of your own per test file (127.0.1.x–127.0.9.x) so parallel files never collide.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock, type Clock } from '../../src/main/core/clock'
import { LinkNonceRepository } from '../../src/main/core/connectors/peer/nonce-repository'
import { createPartnerClient } from '../../src/main/core/connectors/peer/partner-client'
import { PartnerEndpoint } from '../../src/main/core/connectors/peer/partner-endpoint'
import type { PartnerRefusalEvent } from '../../src/main/core/connectors/peer/partner-listener'
import { KeychainSiteKey } from '../../src/main/core/connectors/peer/site-key'
import type {
  PartnerClient,
  PartnerKeys,
  PartnerRoute,
} from '../../src/main/core/engines/sitelink/sitelink-ports'
import { createNetworkLayer, type NetworkLayer } from '../../src/main/core/network/network-layer'
import type { ProxyEnvironment } from '../../src/main/core/network/proxy-route'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { openDatabase } from '../../src/main/core/store/database'
import { networkSettings } from '../../src/shared/model/network'
import type { SiteCertificate } from './partner-certs'

export interface TestPartnerListenerOptions {
  /** A loopback address of the test file's own; the listener binds <address>:443. */
  readonly address: string
  readonly certificate: SiteCertificate
  readonly routes: readonly PartnerRoute[]
  readonly keys?: PartnerKeys
  /** The link URL's path, e.g. `/link/`; default `/`. */
  readonly basePath?: string
  readonly clock?: Clock
}

export interface TestPartnerListener {
  /** https://<address><basePath> */
  readonly linkUrl: string
  readonly endpoint: PartnerEndpoint
  /** Every refused request, oldest first. */
  readonly refused: PartnerRefusalEvent[]
  close(): Promise<void>
}

export async function startTestPartnerListener(
  options: TestPartnerListenerOptions,
): Promise<TestPartnerListener> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-partner-'))
  writeFileSync(join(dir, 'cert.pem'), options.certificate.cert)
  writeFileSync(join(dir, 'key.pem'), options.certificate.key, { mode: 0o600 })
  const db = openDatabase(dir)
  const endpoint = new PartnerEndpoint({
    secrets: new MemorySecretStore(),
    nonces: new LinkNonceRepository(db),
    clock: options.clock ?? systemClock,
    listen: true,
  })
  const basePath = options.basePath ?? '/'
  endpoint.setRoutes(options.routes)
  endpoint.setBasePath(basePath)
  if (options.keys) endpoint.setPartnerKeys(options.keys)
  const refused: PartnerRefusalEvent[] = []
  endpoint.onRefused((event) => refused.push(event))
  const failed = await endpoint.apply({
    enabled: true,
    bindAddress: options.address,
    port: 443,
    certificate: { kind: 'pem', certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') },
  })
  const close = async (): Promise<void> => {
    await endpoint.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
  if (failed) {
    await close()
    throw new Error(failed.en)
  }
  return { linkUrl: `https://${options.address}${basePath}`, endpoint, refused, close }
}

export interface TestPartnerClientOptions {
  /** CAs trusted besides Node's store (the test CA); none: Node's store only. */
  readonly trustedCaPems?: readonly string[]
  /** HTTPS_PROXY / NO_PROXY as the layer reads them (mode 'environment'); default: direct. */
  readonly proxyEnv?: ProxyEnvironment
  readonly clock?: Clock
  readonly timeoutMs?: number
  readonly maxAnswerBytes?: number
}

export interface TestPartnerClient {
  readonly client: PartnerClient
  readonly siteKey: KeychainSiteKey
  readonly network: NetworkLayer
  /** Partner keys that know only this client's key. */
  keys(): Promise<PartnerKeys>
}

export function testPartnerClient(options: TestPartnerClientOptions = {}): TestPartnerClient {
  const siteKey = new KeychainSiteKey(new MemorySecretStore())
  const network = createNetworkLayer({
    settings: () => networkSettings.parse({ mode: options.proxyEnv ? 'environment' : 'none' }),
    trustedCaPems: () => [...(options.trustedCaPems ?? [])],
    proxyPassword: async () => null,
    env: options.proxyEnv ?? { httpProxy: '', httpsProxy: '', noProxy: [] },
    systemCas: [],
    resolveProxy: null,
  })
  const client = createPartnerClient({
    network,
    clock: options.clock ?? systemClock,
    signingKey: () => siteKey.signingKey(),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxAnswerBytes ? { maxAnswerBytes: options.maxAnswerBytes } : {}),
  })
  return {
    client,
    siteKey,
    network,
    async keys() {
      const { keyId, pem } = await siteKey.publicKey()
      return { publicKeyFor: (id) => (id === keyId ? pem : null) }
    },
  }
}
