/**
 * The rooms notices part over a real SQLite data directory, with the notice relay's targets part beside it
 * (same database): the outlet is the relay's real SMTP sender for a target pointing at a real SMTP server.
 * Communities and rooms are written as the core part will write them (tables of migration 016).
 */
import { rmSync } from 'node:fs'
import type { DirectoryEmployee } from '../../src/shared/model/directory'
import type { HistoryEntry } from '../../src/shared/model/history'
import { diffHome } from '../../src/main/core/directory/home-diff'
import { policyFetch } from '../../src/main/core/connectors/redirect-policy'
import { createNoticeTargets } from '../../src/main/core/engines/notices/notice-targets'
import type { RoomContext } from '../../src/main/core/engines/rooms/room-context'
import type { MemberNoticeOutlet } from '../../src/main/core/engines/rooms/room-ports'
import { createRoomsNotices, type RoomsNoticesPart } from '../../src/main/core/engines/rooms/rooms-notices'
import type { Db } from '../../src/main/core/store/database'
import { noticeContextFor } from './notice-context'
import { testSnapshot } from './exchange-sites'
import { tempDataDir } from './test-core'

export interface RoomsNoticesHarness {
  readonly part: RoomsNoticesPart
  readonly db: Db
  /** Every `rooms.changed` payload. */
  readonly changes: { pendingNotices: number; plannedChanges: number }[]
  /** Points the outlet at an SMTP server on 127.0.0.1 (a notice relay target saved through its API), or none. */
  useSmtp(port: number | null): Promise<void>
  community(code: string, name: string, nameEn?: string | null): void
  deleteCommunity(code: string): void
  room(code: string, name: string, url: string): void
  history(category?: string): HistoryEntry[]
  close(): Promise<void>
}

export function openRoomsNotices(
  people: readonly DirectoryEmployee[],
  options: { readonly now: () => number; readonly language?: 'ja' | 'en' },
): RoomsNoticesHarness {
  const dir = tempDataDir('renkei-rooms-notices-')
  const shutdown = new AbortController()
  const ctx = noticeContextFor(dir, options.now, {
    fetch: policyFetch,
    siteName: () => 'test-site',
    language: () => options.language ?? 'ja',
    signal: shutdown.signal,
  })
  const at = options.now()
  ctx.home.applyImport(diffHome(ctx.home, testSnapshot(people), { now: at, graceDays: 0 }), at)
  const targets = createNoticeTargets(ctx, {
    queue: () => ({
      targetStats: () => ({ pending: 0, setAside: 0, lastSentAt: null, lastError: null }),
      dropTarget: () => 0,
    }),
  })
  let outlet: MemberNoticeOutlet | null = null
  const roomCtx: RoomContext = { ...ctx, timeZone: () => 'Asia/Tokyo' }
  const part = createRoomsNotices(roomCtx, { outlet: () => outlet, siteName: () => 'test-site' })
  const changes: RoomsNoticesHarness['changes'] = []
  ctx.events.subscribe('rooms.changed', (payload) => changes.push({ ...payload }))
  const { db } = ctx
  return {
    part,
    db,
    changes,
    async useSmtp(port) {
      if (port === null) {
        outlet = null
        return
      }
      const saved = await targets.handlers['notice.targets.save']({
        target: {
          id: 'mail',
          name: '社内メール',
          kind: 'smtp',
          recipient: '{email}',
          smtp: { host: '127.0.0.1', port, security: 'none', from: 'Renkei <renkei@example.test>' },
        } as never,
      })
      outlet = targets.directory.senderFor(saved.target)
    },
    community(code, name, nameEn = null) {
      db.prepare(
        `INSERT INTO room_communities (code, source, name, name_en, creator_key, members, created_at, updated_at)
         VALUES (?, 'inbound', ?, ?, 'E000001', '[]', ?, ?)`,
      ).run(code, name, nameEn, at, at)
    },
    deleteCommunity(code) {
      db.prepare('UPDATE room_communities SET deleted_at = ? WHERE code = ?').run(options.now(), code)
    },
    room(code, name, url) {
      const settings = JSON.stringify({ name, nameEn: `${name} (en)`, url })
      db.prepare(
        `INSERT INTO rooms (id, community_code, owner_key, status, settings, rows, readers, created_at, updated_at)
         VALUES (?, ?, 'E000001', 'created', ?, '[]', '[]', ?, ?)`,
      ).run(`room-${code}`, code, settings, at, at)
    },
    history: (category) => [...ctx.history.search(category ? { category } : {}, 100).entries],
    close: async () => {
      shutdown.abort()
      await targets.close()
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
