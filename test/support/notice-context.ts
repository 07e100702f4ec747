/**
 * A notice relay context over a data directory (a closed core's, its home directory imported, or a fresh one)
 * for tests of one part: what a part's test needs differently (secrets, fetch, CAs, base URL) is given as `more`.
 */
import type { Db } from '../../src/main/core/store/database'
import { openDatabase } from '../../src/main/core/store/database'
import { EventBus } from '../../src/main/core/event-bus'
import { HomeDirectoryRepository } from '../../src/main/core/directory/home-directory-repository'
import { HealthService } from '../../src/main/core/health/health-service'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import type { NoticeContext } from '../../src/main/core/engines/notices/notice-context'
import type { NoticeTargetDirectory } from '../../src/main/core/engines/notices/notice-ports'
import { noticeTargetInput, type NoticeTargetInput } from '../../src/shared/model/notices'

export function noticeContextFor(
  dataDir: string,
  now: () => number,
  more: Partial<Omit<NoticeContext, 'db' | 'history' | 'home' | 'now'>> = {},
): NoticeContext & { readonly db: Db } {
  const db = openDatabase(dataDir)
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
    trustedCaPems: () => [],
    publicBaseUrl: () => null,
    siteName: () => 'test',
    language: () => 'ja',
    signal: new AbortController().signal,
    ...more,
  }
}

/** Targets as given (enabled in this order); they are never sent to here. */
export function noticeTargetsOf(targets: readonly NoticeTargetInput[]): NoticeTargetDirectory {
  const parsed = targets.map((t) => noticeTargetInput.parse(t))
  return {
    enabled: () => parsed.filter((t) => t.enabled),
    get: (id) => parsed.find((t) => t.id === id) ?? null,
    senderFor: () => {
      throw new Error('the core part never sends')
    },
  }
}
