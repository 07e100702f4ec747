import type { EventBus } from '../../event-bus'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import type { HealthService } from '../../health/health-service'
import type { HistoryRepository } from '../../history/history-repository'
import type { SecretStore } from '../../secrets/secret-store'
import type { Db } from '../../store/database'

/** What every part of the notice relay may use; built once in the composition root. */
export interface NoticeContext {
  readonly db: Db
  readonly secrets: SecretStore
  readonly home: HomeDirectoryRepository
  readonly history: HistoryRepository
  readonly events: EventBus
  readonly health: HealthService
  readonly now: () => number
  /** The network layer's fetch (proxy, trusted CAs) under the shared redirect policy. */
  readonly fetch: typeof fetch
  /** Trusted CA PEMs of the network settings, for connectors that are not fetch (SMTP, XMPP). */
  readonly trustedCaPems: () => readonly string[]
  /** This site's partner-facing base URL (`https://host/renkei/`), or null while it has none. */
  readonly publicBaseUrl: () => string | null
  /** The daemon's own URL on 127.0.0.1 (`http://127.0.0.1:<port>/`), where it serves the gadget too; absent elsewhere. */
  readonly localBaseUrl?: () => string | null
  /** The data directory's site name, for Message-IDs and the gadget's title. */
  readonly siteName: () => string
  readonly language: () => 'ja' | 'en'
  readonly signal: AbortSignal
}
