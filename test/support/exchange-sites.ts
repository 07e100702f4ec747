/**
 * Two Renkei cores linked for the site link data exchange tests, with the transport replaced by an
 * in-process one: a PartnerClient that calls the partner core's routes directly, passing the caller's key
 * id where the HTTPS listener would pass the verified signature's. Tests that use it say "(in-process transport)".
 */
import type { DirectoryEmployee, DirectorySnapshot } from '../../src/shared/model/directory'
import type { Localized } from '../../src/shared/model/localized'
import type { LinkScheduleItem, PresenceEntry, SiteProfile } from '../../src/shared/model/sitelink'
import type { Core, CoreOptions } from '../../src/main/core/core-types'
import { diffHome } from '../../src/main/core/directory/home-diff'
import { HomeDirectoryRepository } from '../../src/main/core/directory/home-directory-repository'
import type {
  ExchangeLink,
  ExchangeLinks,
} from '../../src/main/core/engines/sitelink/exchange/exchange-ports'
import type { LinkBatch } from '../../src/main/core/engines/sitelink/exchange/exchange-wire'
import type { PartnerClient, PartnerRequest } from '../../src/main/core/engines/sitelink/sitelink-ports'
import { openDatabase } from '../../src/main/core/store/database'
import { openTestCore, tempDataDir } from './test-core'

interface TestLink extends ExchangeLink {
  readonly partnerKeyId: string
  paused: boolean
  unlinked: boolean
}

/** The handshake's link records as the exchange sees them, changed by the test. */
export class TestLinks implements ExchangeLinks {
  private readonly links = new Map<string, TestLink>()
  private readonly unlinkListeners: ((id: string) => void)[] = []
  private readonly relinkListeners: ((id: string) => void)[] = []

  add(link: ExchangeLink & { partnerKeyId: string }): void {
    this.links.set(link.id, { ...link, paused: false, unlinked: false })
  }

  activeLinks(): ExchangeLink[] {
    return [...this.links.values()]
      .filter((l) => !l.paused && !l.unlinked)
      .map(({ id, linkUrl, siteName }) => ({ id, linkUrl, siteName }))
  }

  linkForKey(keyId: string) {
    const link = [...this.links.values()].find((l) => l.partnerKeyId === keyId)
    return link ? { id: link.id, active: !link.paused && !link.unlinked, siteName: link.siteName } : null
  }

  has(id: string): boolean {
    return this.links.has(id)
  }

  onUnlink(listener: (id: string) => void): void {
    this.unlinkListeners.push(listener)
  }

  onRelink(listener: (id: string) => void): void {
    this.relinkListeners.push(listener)
  }

  pause(id: string, paused: boolean): void {
    this.links.get(id)!.paused = paused
  }

  unlink(id: string): void {
    this.links.get(id)!.unlinked = true
    this.unlinkListeners.forEach((listener) => listener(id))
  }

  relink(id: string): void {
    this.relinkListeners.forEach((listener) => listener(id))
  }
}

/** A refusal with the partner's own words, as the HTTPS client's PartnerRequestError carries them. */
export class PartnerRefusal extends Error {
  constructor(
    readonly status: number,
    readonly localized: Localized,
  ) {
    super(localized.en)
  }
}

export interface LoopbackHooks {
  /** Runs before each request reaches the partner: throw to fail it, await to hold it. */
  before?: (request: PartnerRequest) => Promise<void> | void
  /** Runs after the partner answered, before the caller sees the answer. */
  after?: (request: PartnerRequest, answer: unknown) => Promise<void> | void
}

/** Calls `partner()`'s routes in-process, as a caller signing with `callerKeyId`. */
export function inProcessPartnerClient(
  callerKeyId: string,
  partner: () => Core,
  hooks: LoopbackHooks = {},
): PartnerClient {
  return {
    getPublic: () => Promise.reject(new Error('not used by the exchange')),
    async send(_linkUrl, request) {
      await hooks.before?.(request)
      const route = partner()
        .sitelink.routes()
        .find((r) => r.method === request.method && r.path === request.path)
      if (!route) throw new PartnerRefusal(404, { ja: '経路がありません', en: 'no such route' })
      // Through JSON, as over the wire: nothing shared by reference between the two cores.
      const body = JSON.parse(JSON.stringify(request.body ?? null)) as unknown
      const response = await route.handle({
        method: request.method,
        path: request.path,
        params: {},
        body,
        keyId: callerKeyId,
        remoteAddress: '127.0.0.1',
      })
      if (response.status >= 300) {
        throw new PartnerRefusal(response.status, (response.body as { message: Localized }).message)
      }
      await hooks.after?.(request, response.body)
      return response.body
    },
  }
}

export interface TestSite {
  readonly dir: string
  readonly links: TestLinks
  /** This site's link id for its partner. */
  readonly linkId: string
  readonly keyId: string
  readonly profile: { current: SiteProfile | null }
  readonly schedules: LinkScheduleItem[]
  readonly presence: PresenceEntry[]
  /** Every batch this site sent (whatever the partner answered). */
  readonly sent: LinkBatch[]
  readonly hooks: LoopbackHooks
  core: Core
}

/** The site link ports of one site, over arrays the test fills. */
export function sitePorts(site: Omit<TestSite, 'core'>, partner: () => Core): CoreOptions['siteLink'] {
  return {
    links: site.links,
    client: inProcessPartnerClient(site.keyId, partner, {
      before: async (request) => {
        site.sent.push(request.body as LinkBatch)
        await site.hooks.before?.(request)
      },
      after: (request, answer) => site.hooks.after?.(request, answer),
    }),
    profile: { profile: () => site.profile.current },
    schedules: {
      windowStart: (now) => {
        const d = new Date(now)
        return new Date(d.getFullYear(), d.getMonth() - 1, 1).getTime()
      },
      items: async function* () {
        yield* site.schedules
      },
    },
    presence: { entries: () => site.presence },
  }
}

/** Site `name` linked to `partnerName`, with its data in `dir`. */
export function siteAt(name: string, partnerName: string, dir: string): Omit<TestSite, 'core'> {
  const links = new TestLinks()
  const linkId = `link-to-${partnerName}`
  links.add({
    id: linkId,
    linkUrl: `https://${partnerName}.example.jp/`,
    siteName: partnerName,
    partnerKeyId: `key-${partnerName}`,
  })
  return {
    dir,
    links,
    linkId,
    keyId: `key-${name}`,
    profile: {
      current: { companyName: `${name} 株式会社`, siteName: name, linkUrl: `https://${name}.example.jp/` },
    },
    schedules: [],
    presence: [],
    sent: [],
    hooks: {},
  }
}

/** Sites A and B, each linked to the other, with their own data directories. */
export async function openLinkedPair(
  overrides: Partial<Omit<CoreOptions, 'dataDir'>> = {},
): Promise<{ a: TestSite; b: TestSite; reopen(site: TestSite): Promise<void>; close(): Promise<void> }> {
  const a = siteAt('a', 'b', tempDataDir('renkei-exchange-a-')) as TestSite
  const b = siteAt('b', 'a', tempDataDir('renkei-exchange-b-')) as TestSite
  const open = (site: TestSite, partner: () => TestSite) =>
    openTestCore(site.dir, { ...overrides, siteLink: sitePorts(site, () => partner().core) })
  a.core = await open(a, () => b)
  b.core = await open(b, () => a)
  return {
    a,
    b,
    async reopen(site) {
      await site.core.close()
      site.core = await open(site, () => (site === a ? b : a))
    },
    async close() {
      await a.core.close()
      await b.core.close()
    },
  }
}

export function testEmployee(n: number, overrides: Partial<DirectoryEmployee> = {}): DirectoryEmployee {
  const key = `E${String(n).padStart(6, '0')}`
  return {
    key,
    login: `user${n}`,
    nameJa: `社員 ${n}`,
    nameEn: `Employee ${n}`,
    kana: null,
    email: `user${n}@a.example.jp`,
    mainDepartment: `D${n % 20}`,
    otherDepartments: [],
    positions: n % 10 === 0 ? ['P1'] : [],
    groups: [],
    active: true,
    ...overrides,
  }
}

export function testSnapshot(employees: readonly DirectoryEmployee[], departments = 20): DirectorySnapshot {
  return {
    employees,
    departments: Array.from({ length: departments }, (_, i) => ({
      code: `D${i}`,
      nameJa: `部署 ${i}`,
      nameEn: null,
      parent: i === 0 ? null : 'D0',
      order: i,
    })),
    positions: [
      { code: 'P1', nameJa: '部長', nameEn: 'Manager', rank: 1 },
      { code: 'P2', nameJa: '課長', nameEn: null, rank: 2 },
    ],
    groups: [],
  }
}

/** Replaces the home directory as a directory import would (a second connection: the core may be open). */
export function writeHome(dir: string, snapshot: DirectorySnapshot, at = Date.now()): void {
  const db = openDatabase(dir)
  try {
    const home = new HomeDirectoryRepository(db)
    home.applyImport(diffHome(home, snapshot, { now: at, graceDays: 0 }), at)
  } finally {
    db.close()
  }
}
