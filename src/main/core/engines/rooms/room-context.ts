import type { EventBus } from '../../event-bus'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import type { HealthService } from '../../health/health-service'
import type { HistoryRepository } from '../../history/history-repository'
import type { SecretStore } from '../../secrets/secret-store'
import type { Db } from '../../store/database'

/** What every part of room provisioning may use; built once in the composition root. */
export interface RoomContext {
  readonly db: Db
  readonly secrets: SecretStore
  readonly home: HomeDirectoryRepository
  readonly history: HistoryRepository
  readonly events: EventBus
  readonly health: HealthService
  readonly now: () => number
  /** The network layer's fetch (proxy, trusted CAs) under the shared redirect policy: Mailman's REST API. */
  readonly fetch: typeof fetch
  /** The site's time zone for "today" when a creator has none. */
  readonly timeZone: () => string
  readonly language: () => 'ja' | 'en'
  readonly signal: AbortSignal
  /** Renkei's data directory: the default home of the header/footer texts Mailman reads (file:// URIs). */
  readonly dataDir?: string
}
