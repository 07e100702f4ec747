import type { EventBus } from '../event-bus'
import type { HomeDirectoryRepository } from '../directory/home-directory-repository'
import type { HealthService } from '../health/health-service'
import type { HistoryRepository } from '../history/history-repository'
import type { SecretStore } from '../secrets/secret-store'
import type { Db } from '../store/database'

/** What the composition root hands every engine built on the home directory (notice relay, rooms). */
export interface EngineContext {
  readonly db: Db
  readonly secrets: SecretStore
  readonly home: HomeDirectoryRepository
  readonly history: HistoryRepository
  readonly events: EventBus
  readonly health: HealthService
  readonly now: () => number
  /** The network layer's fetch (proxy, trusted CAs) under the shared redirect policy. */
  readonly fetch: typeof fetch
  readonly language: () => 'ja' | 'en'
  readonly signal: AbortSignal
}
