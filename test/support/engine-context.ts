/**
 * The context an engine part gets from the composition root, over one open database, for tests of a part on
 * its own: a memory secret store, a fresh event bus, health that tells nobody, the given clock. What a test
 * needs differently (its secrets, fetch, events) is given as `more`.
 */
import type { EngineContext } from '../../src/main/core/engines/engine-context'
import { EventBus } from '../../src/main/core/event-bus'
import { HomeDirectoryRepository } from '../../src/main/core/directory/home-directory-repository'
import { HealthService } from '../../src/main/core/health/health-service'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import type { Db } from '../../src/main/core/store/database'

export function engineContextOver(
  db: Db,
  now: () => number,
  more: Partial<Omit<EngineContext, 'db' | 'now' | 'history'>> = {},
): EngineContext & { readonly db: Db; readonly history: HistoryRepository } {
  const history = new HistoryRepository(db, now)
  return {
    db,
    secrets: new MemorySecretStore(),
    home: new HomeDirectoryRepository(db),
    history,
    events: new EventBus(),
    health: new HealthService({ history, now, onChange: () => {} }),
    now,
    fetch,
    language: () => 'ja',
    signal: new AbortController().signal,
    ...more,
  }
}
