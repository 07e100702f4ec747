import { createHash } from 'node:crypto'
import type { Localized } from '../../../../shared/model/localized'
import type {
  AutoRoomSettings,
  CommunitySource,
  RoomDefaultRow,
  RoomStatus,
  RoomView,
} from '../../../../shared/model/rooms'
import type { Db } from '../../store/database'

/** A community as stored in room_communities (members are home-directory keys). */
export interface StoredCommunity {
  readonly code: string
  readonly source: CommunitySource
  readonly name: string
  readonly nameEn: string | null
  readonly creatorKey: string
  readonly members: readonly string[]
  readonly createdAt: number
  readonly updatedAt: number
  readonly deletedAt: number | null
}

interface CommunityRow {
  code: string
  source: CommunitySource
  name: string
  name_en: string | null
  creator_key: string
  members: string
  created_at: number
  updated_at: number
  deleted_at: number | null
}

interface RoomRow {
  id: string
  community_code: string | null
  parent_id: string | null
  owner_key: string
  list_id: string | null
  status: RoomStatus
  settings: string
  rows: string
  readers: string
  created_at: number | null
  updated_at: number
  last_error: string | null
}

/**
 * The id of the room made with a community: `c-` and the first 16 hex digits of SHA-256 of its code. Stable
 * across restarts and re-imports, safe in a Mailman list name whatever the code holds, and one per code — so
 * a deleted community's code is not reused for a new room (see core-intake.ts).
 */
export function roomIdOf(code: string): string {
  return `c-${createHash('sha256').update(code).digest('hex').slice(0, 16)}`
}

function community(row: CommunityRow): StoredCommunity {
  return {
    code: row.code,
    source: row.source,
    name: row.name,
    nameEn: row.name_en,
    creatorKey: row.creator_key,
    members: JSON.parse(row.members) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}

function room(row: RoomRow): RoomView {
  return {
    id: row.id,
    communityCode: row.community_code ?? '',
    listId: row.list_id,
    status: row.status,
    settings: JSON.parse(row.settings) as AutoRoomSettings,
    rows: JSON.parse(row.rows) as RoomDefaultRow[],
    parentId: row.parent_id,
    ownerId: row.owner_key,
    readers: JSON.parse(row.readers) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as Localized),
  }
}

/** room_communities and rooms (migration 016): the communities Renkei knows and the rooms it owns. */
export function createRoomStore(db: Db) {
  return {
    community(code: string): StoredCommunity | null {
      const row = db.prepare('SELECT * FROM room_communities WHERE code = ?').get(code) as
        CommunityRow | undefined
      return row === undefined ? null : community(row)
    },
    communities(source?: CommunitySource): StoredCommunity[] {
      const rows = (
        source === undefined
          ? db.prepare('SELECT * FROM room_communities ORDER BY code').all()
          : db.prepare('SELECT * FROM room_communities WHERE source = ? ORDER BY code').all(source)
      ) as CommunityRow[]
      return rows.map(community)
    },
    /** Paged by code; `query` matches code or names (case-insensitive). */
    page(query: string, after: string, limit: number): StoredCommunity[] {
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      const rows = db
        .prepare(
          `SELECT * FROM room_communities WHERE code > ?
             AND (code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR name_en LIKE ? ESCAPE '\\')
           ORDER BY code LIMIT ?`,
        )
        .all(after, like, like, like, limit) as CommunityRow[]
      return rows.map(community)
    },
    insertCommunity(c: Omit<StoredCommunity, 'createdAt' | 'updatedAt' | 'deletedAt'>, now: number): void {
      db.prepare(
        `INSERT INTO room_communities (code, source, name, name_en, creator_key, members, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(c.code, c.source, c.name, c.nameEn, c.creatorKey, JSON.stringify(c.members), now, now)
    },
    updateCommunity(
      code: string,
      change: { members?: readonly string[]; name?: string; nameEn?: string | null },
      now: number,
    ): void {
      const current = this.community(code)
      if (current === null) return
      db.prepare(
        'UPDATE room_communities SET members = ?, name = ?, name_en = ?, updated_at = ? WHERE code = ?',
      ).run(
        JSON.stringify(change.members ?? current.members),
        change.name ?? current.name,
        change.nameEn === undefined ? current.nameEn : change.nameEn,
        now,
        code,
      )
    },
    markDeleted(code: string, now: number): void {
      db.prepare('UPDATE room_communities SET deleted_at = ?, updated_at = ? WHERE code = ?').run(
        now,
        now,
        code,
      )
    },
    room(id: string): RoomView | null {
      const row = db.prepare('SELECT * FROM rooms WHERE id = ?').get(id) as RoomRow | undefined
      return row === undefined ? null : room(row)
    },
    roomsOf(code: string): RoomView[] {
      return (
        db.prepare('SELECT * FROM rooms WHERE community_code = ? ORDER BY id').all(code) as RoomRow[]
      ).map(room)
    },
    insertPlanned(
      r: {
        id: string
        code: string
        ownerKey: string
        settings: AutoRoomSettings
        rows: readonly RoomDefaultRow[]
      },
      now: number,
    ): void {
      db.prepare(
        `INSERT INTO rooms (id, community_code, owner_key, status, settings, rows, readers, updated_at)
         VALUES (?, ?, ?, 'planned', ?, ?, '[]', ?)`,
      ).run(r.id, r.code, r.ownerKey, JSON.stringify(r.settings), JSON.stringify(r.rows), now)
    },
    /** The room's F-2 values after a rename (item 1 recomputed); the rest as they were. */
    updateDefaults(
      id: string,
      settings: AutoRoomSettings,
      rows: readonly RoomDefaultRow[],
      now: number,
    ): void {
      db.prepare('UPDATE rooms SET settings = ?, rows = ?, updated_at = ? WHERE id = ?').run(
        JSON.stringify(settings),
        JSON.stringify(rows),
        now,
        id,
      )
    },
    /** A planned room that was never created: nothing of it exists on the target, so it goes. */
    dropUncreated(code: string): number {
      return db.prepare('DELETE FROM rooms WHERE community_code = ? AND list_id IS NULL').run(code).changes
    },
    updateRoom(
      id: string,
      change: {
        status: RoomStatus
        now: number
        listId?: string
        readers?: readonly string[]
        parentId?: string | null
        created?: boolean
        lastError?: Localized | null
      },
    ): void {
      const current = this.room(id)
      if (current === null) return
      db.prepare(
        `UPDATE rooms SET status = ?, list_id = ?, readers = ?, parent_id = ?, created_at = ?, updated_at = ?,
           last_error = ? WHERE id = ?`,
      ).run(
        change.status,
        change.listId ?? current.listId,
        JSON.stringify(change.readers ?? current.readers),
        change.parentId === undefined ? current.parentId : change.parentId,
        change.created ? change.now : current.createdAt,
        change.now,
        jsonOrNull(change.lastError === undefined ? current.lastError : change.lastError),
        id,
      )
    },
  }
}

export type RoomStore = ReturnType<typeof createRoomStore>

function jsonOrNull(value: Localized | null): string | null {
  return value === null ? null : JSON.stringify(value)
}
