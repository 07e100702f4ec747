/**
 * Renkei sites over the in-process transport (partner-loopback.ts) that can be stopped and started
 * again on the same data directory, key and secrets, with a machine identity the test chooses: what the
 * test-copy guard needs. Tests using it say "(in-process transport)" in their names.
 */
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { openDatabase } from '../../src/main/core/store/database'
import { PartnerLoopback, testSiteKey } from './partner-loopback'
import { offPeak } from './sitelink-sites'
import { openTestCore, tempDataDir } from './test-core'

export interface RestartableSite {
  core: Core
  readonly dataDir: string
  readonly linkUrl: string
  readonly key: ReturnType<typeof testSiteKey>
  readonly secrets: MemorySecretStore
  /** What the OS reader would answer on the machine this site runs on. */
  machineId: string
}

export class RestartableSites {
  readonly loopback = new PartnerLoopback()
  readonly clock = new TestClock(offPeak)
  private readonly sites: RestartableSite[] = []

  async open(companyName: string, host: string, adminName: string): Promise<RestartableSite> {
    const site = {
      dataDir: tempDataDir('renkei-machine-'),
      linkUrl: `https://${host}/`,
      key: testSiteKey(),
      secrets: new MemorySecretStore(),
      machineId: `machine of ${host}`,
    } as RestartableSite
    site.core = await this.start(site, false)
    await site.core.api['link.site.update']({ companyName, linkUrl: site.linkUrl, adminName })
    this.sites.push(site)
    return site
  }

  /** Stops the site and starts it again on the same data directory (the scheduler running this time). */
  async restart(site: RestartableSite): Promise<void> {
    await site.core.close()
    site.core = await this.start(site, true)
  }

  async linked(from: RestartableSite, to: RestartableSite): Promise<{ atFrom: string; atTo: string }> {
    const { url } = await from.core.api['link.request']({})
    const atTo = (await to.core.api['link.accept']({ url })).summary.id
    const atFrom = (await from.core.api['link.list']({})).links.find((l) => l.state === 'pending')!.id
    await from.core.api['link.start']({ id: atFrom })
    return { atFrom, atTo }
  }

  async close(): Promise<void> {
    await Promise.all(this.sites.map((site) => site.core.close()))
  }

  private async start(site: RestartableSite, startScheduler: boolean): Promise<Core> {
    const core = await openTestCore(site.dataDir, {
      clock: this.clock,
      secrets: site.secrets,
      startScheduler,
      siteLink: {
        client: this.loopback.client(site.key),
        siteKey: site.key,
        machineIdentity: { current: () => site.machineId },
      },
    })
    this.loopback.attach(site.linkUrl, core)
    return core
  }
}

/** What the data directory remembers as its machine, rewritten while the site is stopped (a copy made elsewhere). */
export function rewriteStoredMachine(dataDir: string, identity: string | null): void {
  const db = openDatabase(dataDir)
  try {
    if (identity === null) db.prepare("DELETE FROM settings WHERE key = 'sitelink.machine'").run()
    else
      db.prepare(
        "UPDATE settings SET value = json_set(value, '$.identity', ?) WHERE key = 'sitelink.machine'",
      ).run(identity)
  } finally {
    db.close()
  }
}
