/** One-time visits as the site link wiring builds them: the landing route, the API methods, the hand-off seam. */
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import type { HistoryRepository } from '../../../history/history-repository'
import type { Db } from '../../../store/database'
import type { LinkRepository } from '../link-repository'
import type { PartnerRoute, SiteKey } from '../sitelink-ports'
import { createVisitHandlers } from './visit-handlers'
import { VisitLogRepository } from './visit-log-repository'
import type { VisitHandoff, VisitRuleSource } from './visit-ports'
import { createVisitRoute } from './visit-route'

export interface SiteVisitsDeps {
  readonly db: Db
  readonly links: LinkRepository
  readonly home: HomeDirectoryRepository
  readonly siteKey: SiteKey
  readonly history: HistoryRepository
  readonly now: () => number
  readonly rules: VisitRuleSource
}

export interface SiteVisits {
  readonly route: PartnerRoute
  readonly handlers: ReturnType<typeof createVisitHandlers>
  /** An allowed visit from a browser is handed to this (the OpenID Connect provider mode). */
  useHandoff(handoff: VisitHandoff | null): void
}

export function createSiteVisits(deps: SiteVisitsDeps): SiteVisits {
  const log = new VisitLogRepository(deps.db)
  let handoff: VisitHandoff | null = null
  const shared = { links: deps.links, rules: deps.rules, log, siteKey: deps.siteKey, now: deps.now }
  return {
    route: createVisitRoute({ ...shared, db: deps.db, history: deps.history, handoff: () => handoff }),
    handlers: createVisitHandlers({ ...shared, home: deps.home }),
    useHandoff: (next) => void (handoff = next),
  }
}
