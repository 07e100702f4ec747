/**
 * One whole Renkei core whose partner-facing HTTPS endpoint listens on a loopback address at 443 with a
 * certificate from a throwaway test CA (as two-sites.ts builds a site, for one site only), its link URL set,
 * so the notice relay's mounts are reachable the way a groupware reaches them.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core, CoreOptions } from '../../src/main/core/core-types'
import { makePartnerCerts } from './partner-certs'
import { openTestCore, tempDataDir } from './test-core'

export interface NoticeSite {
  readonly core: Core
  readonly dataDir: string
  /** https://<address>/renkei/ */
  readonly linkUrl: string
  readonly caPem: string
  close(): Promise<void>
}

export async function openNoticeSite(
  address: string,
  prepare: (dataDir: string) => void,
  overrides: Partial<Omit<CoreOptions, 'dataDir'>> = {},
): Promise<NoticeSite> {
  const certs = makePartnerCerts([address])
  const dataDir = tempDataDir('renkei-notice-site-')
  prepare(dataDir)
  const core = await openTestCore(dataDir, { environment: {}, listenForPartners: true, ...overrides })
  const linkUrl = `https://${address}/renkei/`
  const close = async (): Promise<void> => {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    writeFileSync(join(dataDir, 'endpoint-cert.pem'), certs.sites[0]!.cert)
    writeFileSync(join(dataDir, 'endpoint-key.pem'), certs.sites[0]!.key, { mode: 0o600 })
    await core.api['link.site.update']({
      companyName: 'A商事株式会社',
      siteName: 'A商事 本社',
      linkUrl,
      adminName: '管理者A',
    })
    await core.api['link.endpoint.update']({
      enabled: true,
      bindAddress: address,
      port: 443,
      certificate: {
        kind: 'pem',
        certFile: join(dataDir, 'endpoint-cert.pem'),
        keyFile: join(dataDir, 'endpoint-key.pem'),
      },
    })
  } catch (error) {
    await close()
    throw error
  }
  return { core, dataDir, linkUrl, caPem: certs.caPem, close }
}
