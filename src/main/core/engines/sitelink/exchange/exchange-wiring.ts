import { ApiError } from '../../../../../shared/model/errors'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import type { HistoryRepository } from '../../../history/history-repository'
import type { Scheduler } from '../../../scheduler/scheduler'
import type { Db } from '../../../store/database'
import type { PartnerClient } from '../sitelink-ports'
import type {
  ExchangeLinks,
  PresenceExportSource,
  RulesExportSource,
  ScheduleExportSource,
  SiteProfileSource,
} from './exchange-ports'
import { createLinkSendJob, linkSendJobId } from './exchange-jobs'
import { SiteExchange } from './site-exchange'

/**
 * The ports the exchange talks through. Each is owned elsewhere (links: the handshake; client: connectors/
 * peer; profile: the site settings; schedules and presence: their sources); the host passes them in, and
 * what it leaves out is the site with no link yet: no links, no profile, nothing to export.
 */
export interface ExchangePorts {
  readonly links?: ExchangeLinks
  readonly client?: PartnerClient
  readonly profile?: SiteProfileSource
  readonly schedules?: ScheduleExportSource
  readonly presence?: PresenceExportSource
  readonly rules?: RulesExportSource
}

const noLinks: ExchangeLinks = {
  activeLinks: () => [],
  linkForKey: () => null,
  has: () => false,
  onUnlink: () => {},
  onRelink: () => {},
}

/** Without the partner endpoint configured nothing can be sent; with no links nothing ever asks. */
const noClient: PartnerClient = {
  getPublic: () => Promise.reject(notConfigured()),
  send: () => Promise.reject(notConfigured()),
}

function notConfigured(): ApiError {
  return new ApiError('invalid-input', {
    ja: '連携先との通信が設定されていません。リンクURLと証明書を設定してください。',
    en: 'Partner connections are not set up. Set the link URL and the certificate first.',
  })
}

const firstOfPreviousMonth = (now: number): number => {
  const d = new Date(now)
  return new Date(d.getFullYear(), d.getMonth() - 1, 1).getTime()
}

const noSchedules: ScheduleExportSource = {
  windowStart: firstOfPreviousMonth,
  items: async function* () {},
}

export interface ExchangeWiringDeps {
  readonly db: Db
  readonly home: HomeDirectoryRepository
  readonly history: HistoryRepository
  readonly scheduler: Scheduler
  readonly now: () => number
  readonly importInProgress: () => boolean
  readonly ports?: ExchangePorts
  readonly onChanged?: () => void
}

/** Builds the exchange and registers its debounced send job with the scheduler. */
export function createSiteExchange(deps: ExchangeWiringDeps): SiteExchange {
  const { scheduler, ports = {} } = deps
  const trigger = (): void => scheduler.trigger(linkSendJobId)
  const exchange = new SiteExchange({
    db: deps.db,
    home: deps.home,
    history: deps.history,
    now: deps.now,
    links: ports.links ?? noLinks,
    client: ports.client ?? noClient,
    profile: ports.profile ?? { profile: () => null },
    schedules: ports.schedules ?? noSchedules,
    presence: ports.presence ?? { entries: () => [] },
    rules: ports.rules ?? { items: () => [] },
    trigger,
    nextSendAt: () => scheduler.list().find((job) => job.id === linkSendJobId)?.nextRunAt ?? null,
    ...(deps.onChanged ? { onChanged: deps.onChanged } : {}),
  })
  scheduler.register(createLinkSendJob(exchange, deps.importInProgress, trigger))
  return exchange
}
