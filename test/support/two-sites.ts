/**
 * Two Renkei sites for site link tests: two cores (each its own data directory and in-memory secrets), each
 * with its partner endpoint on its own loopback address at port 443, certificates from one test CA that both
 * cores trust (Settings → Network → trusted CAs). Pass addresses of the test file's own (127.0.1.x–127.0.9.x).
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core, CoreOptions } from '../../src/main/core/core-types'
import { makePartnerCerts } from './partner-certs'
import { openTestCore, tempDataDir } from './test-core'

export interface TestSite {
  readonly core: Core
  readonly dataDir: string
  readonly address: string
  /** https://<address><basePath> */
  readonly linkUrl: string
}

export interface TwoSites {
  readonly a: TestSite
  readonly b: TestSite
  /** The CA that issued both endpoint certificates (trusted by both cores). */
  readonly caPem: string
  /** Closes both cores (their endpoints stop) and removes both data directories. */
  close(): Promise<void>
}

export interface TwoSitesOptions {
  /** Loopback addresses of A and B, e.g. ['127.0.6.1', '127.0.6.2']. */
  readonly addresses: readonly [string, string]
  /** The link URL path of both sites; default '/'. */
  readonly basePath?: string
  /** Per-site core options (a TestClock, a kept secret store, ...); the environment defaults to none. */
  readonly options?: readonly [Partial<Omit<CoreOptions, 'dataDir'>>?, Partial<Omit<CoreOptions, 'dataDir'>>?]
}

async function openSite(
  address: string,
  certificate: { readonly cert: string; readonly key: string },
  caPem: string,
  basePath: string,
  overrides: Partial<Omit<CoreOptions, 'dataDir'>>,
): Promise<TestSite> {
  const dataDir = tempDataDir('renkei-site-')
  // The machine's own proxy variables must not route one loopback site to the other.
  const core = await openTestCore(dataDir, { environment: {}, listenForPartners: true, ...overrides })
  try {
    const certFile = join(dataDir, 'endpoint-cert.pem')
    const keyFile = join(dataDir, 'endpoint-key.pem')
    writeFileSync(certFile, certificate.cert)
    writeFileSync(keyFile, certificate.key, { mode: 0o600 })
    await core.api['network.ca.add']({ pem: caPem })
    core.sitelink.endpoint.setBasePath(basePath)
    await core.api['link.endpoint.update']({
      enabled: true,
      bindAddress: address,
      port: 443,
      certificate: { kind: 'pem', certFile, keyFile },
    })
  } catch (error) {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  return { core, dataDir, address, linkUrl: `https://${address}${basePath}` }
}

export async function startTwoSites(options: TwoSitesOptions): Promise<TwoSites> {
  const [addressA, addressB] = options.addresses
  const basePath = options.basePath ?? '/'
  const certs = makePartnerCerts([addressA, addressB])
  const a = await openSite(addressA, certs.sites[0]!, certs.caPem, basePath, options.options?.[0] ?? {})
  let b: TestSite
  try {
    b = await openSite(addressB, certs.sites[1]!, certs.caPem, basePath, options.options?.[1] ?? {})
  } catch (error) {
    await a.core.close()
    rmSync(a.dataDir, { recursive: true, force: true })
    throw error
  }
  return {
    a,
    b,
    caPem: certs.caPem,
    async close() {
      await Promise.all([a.core.close(), b.core.close()])
      for (const site of [a, b]) rmSync(site.dataDir, { recursive: true, force: true })
    },
  }
}
