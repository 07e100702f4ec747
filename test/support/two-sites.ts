/**
 * Two Renkei sites for site link tests: two cores (each its own data directory and in-memory secrets), each
 * with its partner endpoint on its own loopback address at port 443, certificates from one test CA that both
 * cores trust (Settings → Network → trusted CAs). Pass addresses of the test file's own (127.0.1.x–127.0.9.x).
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, vi } from 'vitest'
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
  /** The link URL path of both sites before their profiles name one; default: the link URL's path ('/' until set). */
  readonly basePath?: string
  /** Per-site core options (a TestClock, a kept secret store, ...); the environment defaults to none. */
  readonly options?: readonly [Partial<Omit<CoreOptions, 'dataDir'>>?, Partial<Omit<CoreOptions, 'dataDir'>>?]
}

async function openSite(
  address: string,
  certificate: { readonly cert: string; readonly key: string },
  caPem: string,
  basePath: string | null,
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
    // Until the site profile names a link URL; without a path given, the endpoint follows the link URL's.
    if (basePath !== null) core.sitelink.endpoint.setBasePath(basePath)
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
  return { core, dataDir, address, linkUrl: `https://${address}${basePath ?? '/'}` }
}

export async function startTwoSites(options: TwoSitesOptions): Promise<TwoSites> {
  const [addressA, addressB] = options.addresses
  const basePath = options.basePath ?? null
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

/** The profiles most site link tests give their two sites: A商事 本社 (管理者A) and B工業 東京 (管理者B). */
export async function nameSites({ a, b }: Pick<TwoSites, 'a' | 'b'>): Promise<void> {
  await a.core.api['link.site.update']({
    companyName: 'A商事株式会社',
    siteName: 'A商事 本社',
    linkUrl: a.linkUrl,
    adminName: '管理者A',
  })
  await b.core.api['link.site.update']({
    companyName: 'B工業株式会社',
    siteName: 'B工業 東京',
    linkUrl: b.linkUrl,
    adminName: '管理者B',
  })
}

/**
 * A asks, B accepts, A starts the link; resolves once B holds A's people, positions and departments (rules
 * that name them can only be saved then). The two link ids, as A and as B know the link.
 */
export async function linkSites({ a, b }: Pick<TwoSites, 'a' | 'b'>): Promise<{ atA: string; atB: string }> {
  const { url } = await a.core.api['link.request']({})
  const atB = (await b.core.api['link.accept']({ url })).summary.id
  const atA = (await a.core.api['link.list']({})).links.find((link) => link.state === 'pending')!.id
  expect((await a.core.api['link.start']({ id: atA })).outcome).toBe('done')
  await vi.waitFor(
    async () =>
      expect((await b.core.api['link.get']({ id: atB })).summary.receipts).toMatchObject({
        employee: expect.any(Number),
        position: expect.any(Number),
        department: expect.any(Number),
      }),
    { timeout: 20_000 },
  )
  return { atA, atB }
}
