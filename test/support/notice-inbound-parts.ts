/**
 * The notice relay's inbound part on its own, for tests of its mount and its XMPP sessions before the intake
 * (another part) exists: a real database, history and secret store, and a RECORDING intake standing in for
 * the real one at its port — it keeps each (source, event id) once in notice_events, as the real intake does,
 * and remembers what it was given. Not a server: nothing a user runs is replaced.
 */
import { rmSync } from 'node:fs'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import {
  createNoticeInbound,
  type NoticeInboundPart,
} from '../../src/main/core/engines/notices/notice-inbound'
import type { NoticeIntake } from '../../src/main/core/engines/notices/notice-ports'
import type { SecretStore } from '../../src/main/core/secrets/secret-store'
import type { Db } from '../../src/main/core/store/database'
import type { NoticeEventInput, NoticeIngestResult } from '../../src/shared/model/notices'
import { tempDataDir } from './test-core'
import { noticeContextFor } from './notice-context'

export interface RecordingIntake extends NoticeIntake {
  /** Every event taken in for the first time, oldest first. */
  readonly taken: { readonly source: string; readonly event: NoticeEventInput }[]
}

export function recordingIntake(db: Db, now: () => number): RecordingIntake {
  const taken: RecordingIntake['taken'] = []
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notice_events (source, event_id, kind, occurred_at, received_at, fields, addressees)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const rowOf = db.prepare('SELECT id FROM notice_events WHERE source = ? AND event_id = ?').pluck()
  return {
    taken,
    ingest(source, event): NoticeIngestResult {
      const at = now()
      const added =
        insert.run(source, event.id, event.kind, at, at, JSON.stringify(event.fields), '[]').changes > 0
      if (added) taken.push({ source, event })
      return {
        accepted: added,
        eventRow: rowOf.get(source, event.id) as number,
        addressees: [],
        unknownAddressees: event.addressees,
        optedIn: 0,
        queued: 0,
      }
    },
  }
}

export interface InboundUnderTest {
  readonly part: NoticeInboundPart
  readonly intake: RecordingIntake
  readonly history: HistoryRepository
  readonly db: Db
  readonly dataDir: string
  close(): Promise<void>
}

export function openInboundPart(options: {
  readonly secrets: SecretStore
  readonly now: () => number
  readonly publicBaseUrl?: () => string | null
  /** The network settings' trusted CAs (PEM). */
  readonly trustedCaPems?: readonly string[]
}): InboundUnderTest {
  const dir = tempDataDir('renkei-notice-inbound-')
  const shutdown = new AbortController()
  const ctx = noticeContextFor(dir, options.now, {
    secrets: options.secrets,
    trustedCaPems: () => options.trustedCaPems ?? [],
    publicBaseUrl: options.publicBaseUrl ?? (() => null),
    siteName: () => 'テスト',
    signal: shutdown.signal,
  })
  const { db, history } = ctx
  const intake = recordingIntake(db, options.now)
  const part = createNoticeInbound(ctx, { intake })
  return {
    part,
    intake,
    history,
    db,
    dataDir: dir,
    async close() {
      shutdown.abort()
      await part.close()
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
