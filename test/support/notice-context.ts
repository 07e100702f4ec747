/**
 * A notice relay context over a data directory (a closed core's, its home directory imported, or a fresh one)
 * for tests of one part: what a part's test needs differently (secrets, fetch, CAs, base URL) is given as `more`.
 */
import type { Db } from '../../src/main/core/store/database'
import { openDatabase } from '../../src/main/core/store/database'
import type { NoticeContext } from '../../src/main/core/engines/notices/notice-context'
import type { NoticeTargetDirectory } from '../../src/main/core/engines/notices/notice-ports'
import { noticeTargetInput, type NoticeTargetInput } from '../../src/shared/model/notices'
import { engineContextOver } from './engine-context'

export function noticeContextFor(
  dataDir: string,
  now: () => number,
  more: Partial<Omit<NoticeContext, 'db' | 'history' | 'home' | 'now'>> = {},
): NoticeContext & { readonly db: Db } {
  return {
    ...engineContextOver(openDatabase(dataDir), now),
    trustedCaPems: () => [],
    publicBaseUrl: () => null,
    siteName: () => 'test',
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
