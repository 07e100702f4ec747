import type { Localized } from '../../../../shared/model/localized'
import type { MemberNoticeState, MemberNoticeView } from '../../../../shared/model/rooms'
import type { Db } from '../../store/database'
import type { NoticeRecipient, PendingMemberNotice } from './room-member-notices'

interface NoticeRow {
  id: string
  community_code: string
  cause: PendingMemberNotice['cause']
  added_members: string
  recipients: string
  state: MemberNoticeState
  registered_at: number
  finished_at: number | null
  detail: string | null
}

/** What a notice's mail names besides the people: the community (now) and its room, if one was created. */
export interface NoticeCommunity {
  readonly code: string
  readonly name: string
  readonly nameEn: string | null
  /** false: deleted in the community product, or never known here (F (4): the notice is not mailed). */
  readonly exists: boolean
  readonly room: { readonly name: string; readonly nameEn: string; readonly url: string } | null
}

const toNotice = (row: NoticeRow): PendingMemberNotice => ({
  id: row.id,
  communityCode: row.community_code,
  cause: row.cause,
  addedMembers: JSON.parse(row.added_members) as string[],
  recipients: JSON.parse(row.recipients) as NoticeRecipient[],
  registeredAt: new Date(row.registered_at).toISOString(),
})

/** Table room_member_notices (migration 016) and the community facts a notice's mail needs. */
export class MemberNoticeStore {
  constructor(private readonly db: Db) {}

  /** Returns how many were new: the id is the event id and cause, so a replayed event adds none. */
  insert(notices: readonly PendingMemberNotice[]): number {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO room_member_notices
         (id, community_code, cause, added_members, recipients, state, registered_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    )
    let added = 0
    this.db.transaction(() => {
      for (const n of notices) {
        const at = Date.parse(n.registeredAt)
        if (Number.isNaN(at)) throw new Error(`member notice ${n.id}: registeredAt is not a date`)
        const json = [JSON.stringify(n.addedMembers), JSON.stringify(n.recipients)] as const
        added += insert.run(n.id, n.communityCode, n.cause, ...json, at).changes
      }
    })()
    return added
  }

  pendingCount(): number {
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM room_member_notices WHERE state = 'pending'`)
      .get() as { n: number }
    return row.n
  }

  /** Oldest first: notices leave in the order the changes happened. */
  pending(): PendingMemberNotice[] {
    const rows = this.db
      .prepare(`SELECT * FROM room_member_notices WHERE state = 'pending' ORDER BY registered_at, id`)
      .all() as NoticeRow[]
    return rows.map(toNotice)
  }

  /** Newest first, optionally one state only. */
  list(state: MemberNoticeState | undefined, limit: number): MemberNoticeView[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM room_member_notices WHERE (@state IS NULL OR state = @state)
         ORDER BY registered_at DESC, id DESC LIMIT @limit`,
      )
      .all({ state: state ?? null, limit }) as NoticeRow[]
    const names = new Map<string, string>()
    const nameOf = (code: string): string => {
      let name = names.get(code)
      if (name === undefined) names.set(code, (name = this.community(code).name))
      return name
    }
    return rows.map((row) => ({
      id: row.id,
      communityCode: row.community_code,
      communityName: nameOf(row.community_code),
      cause: row.cause,
      addedMembers: JSON.parse(row.added_members) as string[],
      recipients: (JSON.parse(row.recipients) as unknown[]).length,
      state: row.state,
      registeredAt: row.registered_at,
      finishedAt: row.finished_at,
      detail: row.detail === null ? null : (JSON.parse(row.detail) as Localized),
    }))
  }

  /** Only a pending notice moves: a notice sent or dropped stays as it was recorded. */
  finish(id: string, state: 'sent' | 'dropped', at: number, detail: Localized | null): void {
    this.db
      .prepare(
        `UPDATE room_member_notices SET state = ?, finished_at = ?, detail = ? WHERE id = ? AND state = 'pending'`,
      )
      .run(state, at, detail === null ? null : JSON.stringify(detail), id)
  }

  /** A failed send: the notice stays pending, with what went wrong for the list. */
  failed(id: string, detail: Localized): void {
    this.db
      .prepare(`UPDATE room_member_notices SET detail = ? WHERE id = ? AND state = 'pending'`)
      .run(JSON.stringify(detail), id)
  }

  community(code: string): NoticeCommunity {
    const row = this.db
      .prepare('SELECT name, name_en, deleted_at FROM room_communities WHERE code = ?')
      .get(code) as { name: string; name_en: string | null; deleted_at: number | null } | undefined
    const room = this.db
      .prepare(
        `SELECT settings FROM rooms WHERE community_code = ? AND parent_id IS NULL
         ORDER BY created_at IS NULL, created_at, id LIMIT 1`,
      )
      .get(code) as { settings: string } | undefined
    const settings =
      room === undefined ? null : (JSON.parse(room.settings) as { name: string; nameEn: string; url: string })
    return {
      code,
      name: row?.name ?? code,
      nameEn: row?.name_en ?? null,
      exists: row !== undefined && row.deleted_at === null,
      room: settings === null ? null : { name: settings.name, nameEn: settings.nameEn, url: settings.url },
    }
  }
}
