/** Two (or more) Renkei sites in one test, linked over the in-process transport (partner-loopback.ts). */
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { PartnerLoopback, testSiteKey } from './partner-loopback'
import { openTestCore, tempDataDir } from './test-core'

export interface TestSite {
  readonly core: Core
  readonly linkUrl: string
  readonly keyId: string
  readonly dataDir: string
}

/** 11:00 local on a weekday: outside the peak hours, so start and relink need no confirmation. */
export const offPeak = new Date(2026, 11, 2, 11, 0).getTime()

export class TestSites {
  readonly loopback = new PartnerLoopback()
  readonly clock = new TestClock(offPeak)
  private readonly opened: Core[] = []

  async open(
    companyName: string,
    siteName: string | null,
    host: string,
    adminName: string,
  ): Promise<TestSite> {
    const site = await this.openBare()
    const linkUrl = `https://${host}/`
    await site.core.api['link.site.update']({ companyName, siteName, linkUrl, adminName })
    this.loopback.attach(linkUrl, site.core)
    return { ...site, linkUrl }
  }

  /** A site whose admin has not filled in the site profile yet (no link URL: nothing reaches it). */
  async openBare(): Promise<TestSite> {
    const key = testSiteKey()
    const dataDir = tempDataDir('renkei-link-')
    const core = await openTestCore(dataDir, {
      clock: this.clock,
      siteLink: { client: this.loopback.client(key), siteKey: key },
    })
    this.opened.push(core)
    return { core, linkUrl: '', keyId: key.keyId, dataDir }
  }

  /** Request at `from`, accept at `to`: both hold a pending link. Returns the two link ids. */
  async pending(from: TestSite, to: TestSite): Promise<{ requesterLink: string; acceptorLink: string }> {
    const { url } = await from.core.api['link.request']({})
    const accepted = await to.core.api['link.accept']({ url })
    const { links } = await from.core.api['link.list']({})
    const requesterLink = links.find((link) => link.state === 'pending' && link.role === 'requester')!.id
    return { requesterLink, acceptorLink: accepted.summary.id }
  }

  async linked(from: TestSite, to: TestSite): Promise<{ requesterLink: string; acceptorLink: string }> {
    const ids = await this.pending(from, to)
    await from.core.api['link.start']({ id: ids.requesterLink })
    return ids
  }

  /** Closes every site (again is harmless: a core's close is idempotent). */
  async close(): Promise<void> {
    await Promise.all(this.opened.map((core) => core.close()))
  }
}
