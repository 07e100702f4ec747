import type { ApiClient, HistoryFilter, Subscribe } from '../../shared/api'
import type { Language } from '../../shared/model/localized'
import type { PruneResult } from './history/history-pruner'
import type { ApiResult } from '../../shared/model/errors'
import type { AppStatus } from '../../shared/model/status'
import type { Clock } from './clock'
import type { PartnerEndpoint } from './connectors/peer/partner-endpoint'
import type { ResolveProxy } from './network/proxy-route'
import type { AccessTokenHolder } from './secrets/access-token'
import type { SecretStore } from './secrets/secret-store'
import type { PartnerKeys, PartnerMount, PartnerRoute } from './engines/sitelink/sitelink-ports'
import type { NoticeIntake } from './engines/notices/notice-ports'
import type { SiteLinkOverrides } from './engines/sitelink/sitelink-wiring'
import type { VisitHandoff } from './engines/sitelink/visits/visit-ports'
import type { SiteVisits } from './engines/sitelink/visits/site-visits'
import type { RuleService } from './engines/sitelink/rules/rule-service'

export interface CoreOptions {
  readonly dataDir: string
  readonly runtime: AppStatus['runtime']
  readonly version: string
  /** Defaults to the OS keychain (keytar). */
  readonly secrets?: SecretStore
  /** Defaults to the system clock. */
  readonly clock?: Clock
  /** Set by the daemon, which checks the access token and must hear of a new one at once. */
  readonly accessToken?: AccessTokenHolder
  /** Start the scheduler's timers (false for one-shot CLI commands). Default true. */
  readonly startScheduler?: boolean
  /**
   * Listen for partners (the site link endpoint) when its settings enable it. Default: as `startScheduler`,
   * so one-shot CLI commands never take the port from the running daemon (they still check certificates).
   */
  readonly listenForPartners?: boolean
  /** The desktop host's OS proxy resolver (Electron, PAC included); enables the 'system' proxy mode. */
  readonly resolveProxy?: ResolveProxy
  /** Where HTTPS_PROXY / NO_PROXY and the CA bundle variables are read; default process.env. */
  readonly environment?: NodeJS.ProcessEnv
  /** Set by the daemon: its URL on 127.0.0.1 once it listens (the notice gadget's URLs without a partner listener). */
  readonly localBaseUrl?: () => string | null
  /** Site link ports to use instead of the wired ones (tests: an in-process transport, simple sources). */
  readonly siteLink?: SiteLinkOverrides
}

/**
 * Operations on files of this machine. Deliberately outside the API contract: the renderer must
 * never be able to name a path to read or write. The CLI uses these.
 */
export interface LocalFiles {
  /** CSV keeps the 10,000 rule; JSON Lines archives everything that matches. Returns rows written. */
  exportHistory(filter: HistoryFilter, format: 'csv' | 'jsonl', file: string, language: Language): number
  importHistory(file: string): { inserted: number; skipped: number }
  pruneHistory(cutoff: number): Promise<PruneResult>
}

/** What an entry point (Electron, daemon, CLI, tests) gets from the composition root. */
export interface Core {
  /** Direct, typed calls (tests, CLI). Inputs are validated exactly as over a transport. */
  readonly api: ApiClient
  /** For transports: validates `rawInput` against the contract and never throws. */
  invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>>
  readonly subscribe: Subscribe
  readonly files: LocalFiles
  /**
   * Site link: the partner endpoint (HTTPS listener), the routes it serves (partner requests only, never
   * the admin API) and the keys it verifies signatures with.
   */
  readonly sitelink: {
    readonly endpoint: PartnerEndpoint
    routes(): readonly PartnerRoute[]
    readonly keys: PartnerKeys
    /** Where an allowed visit goes next (OIDC provider mode); the visit landing route calls it. */
    readonly handoff: VisitHandoff
    /** One-time visits: where an allowed visit is handed off (the OpenID Connect provider mode). */
    readonly visits: Pick<SiteVisits, 'useHandoff'>
    /** Visit and accept rules (the CLI checks a whole rule file before saving any of it). */
    readonly rules: RuleService
  }
  /** Notice relay: the inbound webhooks and the gadget (the daemon serves them on 127.0.0.1 too), the intake. */
  readonly notices: {
    readonly mounts: readonly PartnerMount[]
    readonly intake: NoticeIntake
  }
  /** The machine woke from sleep or the clock jumped: catch up on due jobs now. */
  wake(): void
  /** Stops timers, waits for running jobs to settle and closes the database. */
  close(): Promise<void>
}
