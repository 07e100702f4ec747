/**
 * The site link engine as the composition root builds it once: the link records (handshake, states), the
 * data exchange (outbox, receiving), presence, schedules and partner feeds, all joined to one partner
 * endpoint. `app.ts` hands in the concrete transport (connectors/peer); tests may replace ports.
 */
import { linkDataKinds, type LinkList } from '../../../../shared/model/sitelink'
import type { Language } from '../../../../shared/model/localized'
import type { CalendarConnectorFactory } from '../calendar/calendar-connector-factory'
import type { CalendarPairRepository } from '../calendar/calendar-pair-repository'
import type { ParsedCalendar } from '../calendar/calendar-connectors'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import type { HistoryRepository } from '../../history/history-repository'
import type { Scheduler } from '../../scheduler/scheduler'
import type { SecretStore } from '../../secrets/secret-store'
import type { Db } from '../../store/database'
import { createExchangeHandlers } from './exchange/exchange-handlers'
import type { ExchangeLinks } from './exchange/exchange-ports'
import { createSiteExchange, type ExchangePorts } from './exchange/exchange-wiring'
import { linkSendJobId, sendJobResult } from './exchange/exchange-jobs'
import type { SiteExchange } from './exchange/site-exchange'
import { createDeferredSendJob, DeferredSends } from './deferred-sends'
import { createFeedHandlers } from './feed-handlers'
import { createFeedRoute, type FeedDirectory } from './feed-route'
import { FeedTokens } from './feed-tokens'
import { partnerName } from './link-context'
import { LinkEngine } from './link-engine'
import { createLinkHandlers } from './link-handlers'
import { createMachineHandlers } from './machine/machine-handlers'
import { MachineStore } from './machine/machine-store'
import { MachineWatch } from './machine/machine-watch'
import { PresenceRepository } from './presence-repository'
import { createPresenceHandlers, PresenceService } from './presence-service'
import { calendarScheduleDeps, ScheduleSource } from './schedule-source'
import { scheduleExport } from './schedule-export'
import { ScheduleHorizons } from './schedule-horizons'
import { createOidcProvider, type OidcProviderParts } from './oidc/oidc-wiring'
import { createRuleHandlers } from './rules/rule-handlers'
import { RuleService } from './rules/rule-service'
import { createSiteVisits, type SiteVisits } from './visits/site-visits'
import { visitRulesOf } from './visits/visit-rule-source'
import type {
  MachineIdentity,
  PartnerClient,
  PartnerKeys,
  PartnerMount,
  PartnerRoute,
  SiteKey,
} from './sitelink-ports'

/** What tests may replace: the transport (in-process) and any of the exchange's ports. */
export type SiteLinkOverrides = ExchangePorts & {
  readonly siteKey?: SiteKey
  readonly machineIdentity?: MachineIdentity
}

export interface SiteLinkDeps {
  readonly db: Db
  readonly secrets: SecretStore
  readonly home: HomeDirectoryRepository
  readonly history: HistoryRepository
  readonly scheduler: Scheduler
  readonly now: () => number
  readonly client: PartnerClient
  readonly siteKey: SiteKey
  /** The data directory's machine identity (test copies: a change pauses every link). */
  readonly machineIdentity: MachineIdentity
  readonly calendar: {
    readonly pairs: CalendarPairRepository
    readonly connectors: CalendarConnectorFactory
    readonly parse: (text: string) => ParsedCalendar
  }
  readonly importInProgress: () => boolean
  readonly language: () => Language
  readonly signal: AbortSignal
  readonly onLinksChanged: (list: LinkList) => void
  readonly overrides?: SiteLinkOverrides
}

export interface SiteLink {
  readonly links: LinkEngine
  readonly exchange: SiteExchange
  /** Visit and accept rules per link: this site's, and each partner's as received. */
  readonly rules: RuleService
  /** Every route the partner endpoint serves below this site's link URL. */
  routes(): readonly PartnerRoute[]
  readonly keys: PartnerKeys
  /** The path of this site's link URL (the endpoint answers below it); "/" until one is set. */
  basePath(): string
  /** This site's link URL (the partner-facing listener's public address), null until one is set. */
  linkUrl(): string | null
  /** The name partners see for this site (site name, else company name). */
  siteName(): string
  /** Raw handlers below the base path: the OpenID Connect provider mode. */
  mounts(): readonly PartnerMount[]
  /** Where an allowed visit goes next (the OIDC provider mode's handoff). */
  readonly handoff: OidcProviderParts['handoff']
  readonly handlers: ReturnType<typeof createHandlers>
  /** One-time visits; `visits.useHandoff` plugs in the OpenID Connect provider mode. */
  readonly visits: SiteVisits
  /** Test copies: `checkAtStart()` before the scheduler starts; the health reporter reads its state. */
  readonly machine: MachineWatch
}

export function createSiteLink(deps: SiteLinkDeps): SiteLink {
  const overrides = deps.overrides ?? {}
  const client = overrides.client ?? deps.client
  const links = new LinkEngine({
    db: deps.db,
    client,
    siteKey: overrides.siteKey ?? deps.siteKey,
    history: deps.history,
    now: deps.now,
    onChange: deps.onLinksChanged,
  })
  const site = links.context.site
  const machine = new MachineWatch(
    links.context,
    new MachineStore(deps.db),
    overrides.machineIdentity ?? deps.machineIdentity,
  )
  const presenceStore = new PresenceRepository(deps.db)
  const presence = new PresenceService({
    presence: presenceStore,
    home: deps.home,
    history: deps.history,
    now: deps.now,
  })
  const schedules = new ScheduleSource(
    calendarScheduleDeps(deps.calendar.pairs, deps.calendar.connectors, deps.calendar.parse),
  )
  const deferred = new DeferredSends(deps.db)
  const horizons = new ScheduleHorizons(deps.db)
  const exchangeView = overrides.links ?? exchangeLinks(links, deferred, deps.now)
  const rules = new RuleService({
    db: deps.db,
    home: deps.home,
    history: deps.history,
    now: deps.now,
    links: {
      has: (id) => exchangeView.has(id),
      active: () => exchangeView.activeLinks(),
      name: (id) => {
        const link = links.links.get(id)
        return link
          ? partnerName(link)
          : (exchangeView.activeLinks().find((l) => l.id === id)?.siteName ?? id)
      },
    },
    actor: () => site.actor(),
    plannedSendAt: (id) => {
      const activity = exchange.activity(id)
      return activity.plannedSendAt ?? activity.retryAt
    },
  })
  const exchange = createSiteExchange({
    db: deps.db,
    home: deps.home,
    history: deps.history,
    scheduler: deps.scheduler,
    now: deps.now,
    importInProgress: deps.importInProgress,
    onChanged: () => deps.onLinksChanged(links.list()),
    ports: {
      links: exchangeView,
      client,
      profile: { profile: () => (site.settings().ready ? site.profile() : null) },
      schedules: scheduleExport(schedules, horizons, deps.now),
      presence: { entries: () => presenceStore.list({}) },
      rules: rules.sync,
      ...overrides,
    },
  })
  links.useActivity(exchange)
  presence.onChanged(() => exchange.planSend(['presence']))
  // リンク開始 and 再リンク: the full transfer goes now, or tonight when the admin chose to avoid peak hours.
  const sendAllAt = (linkId: string, sendAt: number | null): void => {
    if (sendAt === null) sendNow(linkId)
    else deferred.defer(linkId, sendAt)
  }
  links.listen({
    onStart: (linkId, sendAt) => {
      exchange.planSend(linkDataKinds)
      sendAllAt(linkId, sendAt)
    },
    onRelink: (linkId, sendAt) => {
      horizons.forget(linkId)
      sendAllAt(linkId, sendAt)
    },
    onUnlink: (linkId) => {
      deferred.forget(linkId)
      horizons.forget(linkId)
    },
    onSiteChanged: () => exchange.planSend(['company']),
  })
  const trackedSend = (linkId: string) =>
    deps.scheduler.track(
      linkSendJobId,
      () => exchange.send(linkId, deps.signal, { full: true }),
      sendJobResult,
    )
  // Failures are in the run record and the link's last error.
  const sendNow = (linkId: string): void => void trackedSend(linkId).catch(() => undefined)
  // Saved rules reach a reachable partner at once (seed: 通常数分以内); the plan is the outbox's fallback.
  rules.onSaved((linkId) => {
    exchange.planSend(['rules'])
    if (!exchangeView.activeLinks().some((l) => l.id === linkId)) return
    // A failure is in the run record, the link's last error and the outbox (retried with its backoff).
    return deps.scheduler.track(
      linkSendJobId,
      () => exchange.send(linkId, deps.signal, { kinds: ['rules'] }),
      sendJobResult,
    )
  })
  deps.scheduler.register(createDeferredSendJob(deferred, deps.now, (linkId) => trackedSend(linkId)))
  const feedTokens = new FeedTokens(deps.secrets)
  const feedDirectory = partnerFeedDirectory(links, exchange)
  const feedRoute = createFeedRoute({
    tokens: feedTokens,
    schedules: { itemsFor: async (linkId, key) => exchange.partnerSchedules(linkId, key) },
    directory: feedDirectory,
    language: deps.language,
    now: deps.now,
  })
  const oidc = createOidcProvider({
    db: deps.db,
    secrets: deps.secrets,
    history: deps.history,
    now: deps.now,
    linkUrl: () => site.settings().linkUrl,
  })
  const visits = createSiteVisits({
    db: deps.db,
    links: links.links,
    home: deps.home,
    siteKey: links.context.siteKey,
    history: deps.history,
    now: deps.now,
    rules: visitRulesOf(rules),
  })
  // An allowed visit from a browser goes on to the OIDC provider mode's sign-in when one is configured.
  visits.useHandoff(oidc.handoff)
  const handlers = createHandlers({
    oidc,
    visits,
    links,
    exchange,
    presence,
    rules,
    feedTokens,
    feedDirectory,
    linkUrl: () => site.settings().linkUrl,
    machine,
    deps,
  })
  return {
    links,
    exchange,
    rules,
    routes: () => [...links.routes(), ...exchange.routes(), feedRoute, visits.route],
    keys: links.partnerKeys(),
    basePath: () => {
      const linkUrl = site.settings().linkUrl
      return linkUrl === null ? '/' : new URL(linkUrl).pathname
    },
    linkUrl: () => site.settings().linkUrl,
    siteName: () => site.displayName(),
    mounts: () => [oidc.mount],
    handoff: oidc.handoff,
    handlers,
    visits,
    machine,
  }
}

function createHandlers(parts: {
  readonly oidc: OidcProviderParts
  readonly visits: SiteVisits
  readonly links: LinkEngine
  readonly exchange: SiteExchange
  readonly presence: PresenceService
  readonly rules: RuleService
  readonly feedTokens: FeedTokens
  readonly feedDirectory: FeedDirectory
  readonly linkUrl: () => string | null
  readonly machine: MachineWatch
  readonly deps: SiteLinkDeps
}) {
  const { deps } = parts
  return {
    ...createLinkHandlers(parts.links, deps.history),
    ...createExchangeHandlers({
      exchange: parts.exchange,
      scheduler: deps.scheduler,
      history: deps.history,
      signal: deps.signal,
    }),
    ...createPresenceHandlers(parts.presence),
    ...createFeedHandlers({
      tokens: parts.feedTokens,
      directory: parts.feedDirectory,
      linkUrl: parts.linkUrl,
    }),
    ...createRuleHandlers(parts.rules),
    ...parts.visits.handlers,
    ...createMachineHandlers(parts.machine),
    ...parts.oidc.handlers,
  }
}

/** The exchange's view of the link records; a link whose send waits for tonight is left out until then. */
function exchangeLinks(links: LinkEngine, deferred: DeferredSends, now: () => number): ExchangeLinks {
  return {
    activeLinks: () =>
      links
        .activeLinks()
        .filter((link) => !deferred.waiting(link.id, now()))
        .map((link) => ({
          id: link.id,
          linkUrl: link.partner.linkUrl,
          siteName: partnerName(link),
        })),
    linkForKey: (keyId) => {
      const link = links.links.activeByKey(keyId)
      return link ? { id: link.id, active: links.isActive(link.id), siteName: partnerName(link) } : null
    },
    has: (linkId) => links.links.get(linkId) !== null,
    onUnlink: (listener) => void links.listen({ onUnlink: listener }),
    onRelink: (listener) => void links.listen({ onRelink: (linkId) => listener(linkId) }),
  }
}

/** Names for the partner feeds: the link's partner site and the partner employees it received. */
function partnerFeedDirectory(links: LinkEngine, exchange: SiteExchange): FeedDirectory {
  return {
    siteName: (linkId) => {
      const link = links.links.get(linkId)
      return link ? partnerName(link) : null
    },
    employees: (linkId) => (links.links.get(linkId) ? exchange.partnerEmployees(linkId) : []),
  }
}
