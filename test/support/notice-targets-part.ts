/**
 * The notice relay's targets part on its own, over a real SQLite data directory: what the queue's worker
 * gets (`directory.senderFor`) is then callable with any message. The queue's side of the port is a record
 * of what the part asked of it.
 */
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { policyFetch } from '../../src/main/core/connectors/redirect-policy'
import type { OutgoingNotice } from '../../src/main/core/engines/notices/notice-ports'
import {
  createNoticeTargets,
  type NoticeTargetsPart,
} from '../../src/main/core/engines/notices/notice-targets'
import type { SecretStore } from '../../src/main/core/secrets/secret-store'
import type { Db } from '../../src/main/core/store/database'
import { noticeContextFor } from './notice-context'

export interface TargetsPartHarness {
  readonly part: NoticeTargetsPart
  readonly db: Db
  readonly history: HistoryRepository
  /** Target ids the part told the queue to drop. */
  readonly dropped: string[]
  close(): Promise<void>
}

export function openTargetsPart(
  dataDir: string,
  options: {
    readonly secrets: SecretStore
    readonly now: () => number
    readonly trustedCaPems?: readonly string[]
  },
): TargetsPartHarness {
  const shutdown = new AbortController()
  const ctx = noticeContextFor(dataDir, options.now, {
    secrets: options.secrets,
    fetch: policyFetch,
    trustedCaPems: () => options.trustedCaPems ?? [],
    siteName: () => 'test-site',
    signal: shutdown.signal,
  })
  const { db, history } = ctx
  const dropped: string[] = []
  const part = createNoticeTargets(ctx, {
    queue: () => ({
      targetStats: () => ({ pending: 0, setAside: 0, lastSentAt: null, lastError: null }),
      dropTarget: (id) => {
        dropped.push(id)
        return 0
      },
    }),
  })
  return {
    part,
    db,
    history,
    dropped,
    close: async () => {
      shutdown.abort()
      await part.close()
      db.close()
    },
  }
}

/** One message as the queue hands it over. */
export function outgoing(address: string, overrides: Partial<OutgoingNotice> = {}): OutgoingNotice {
  return {
    recipient: { employeeKey: 'E0001', name: '髙橋 一郎', email: null, login: 'takahashi', address },
    subject: '伝言・所在: 髙橋さんより伝言 ① ～',
    text: '日時: 2022年12月20日 火曜日 16:08\n依頼主: ○○株式会社 髙橋様 ①\n要件: 折り返し電話をください ～\n連絡先: XXX-XXXX',
    kinds: ['message.created'],
    messageId: 'renkei-notice-42@test-site',
    ...overrides,
  }
}
