import type { Localized } from '../../../../shared/model/localized'
import { throwIfProblems } from './room-parameters'

/** A room of a community as the target reports it: where it hangs, whose it is and who may read it. */
export interface RoomNode {
  readonly id: string
  /** null for a top-level room. */
  readonly parentId: string | null
  readonly ownerId: string
  /** The seed's ※1: the top-level room made automatically when the community was created (else a member's). */
  readonly createdWithCommunity: boolean
  /** Everyone with read access (会議室参照権限), the owner included. */
  readonly readers: readonly string[]
}

/** One line of a person's room list: the room and how deep it is indented. */
export interface RoomListLine {
  readonly id: string
  readonly depth: number
}

/**
 * Refuses a tree that cannot be whole: a parent that is not in the listing means the read was partial, and a
 * partial read must never drive an access change (rooms would be flattened or narrowed on a guess).
 */
export function checkRoomTree(rooms: readonly RoomNode[]): void {
  const problems: Localized[] = []
  const byId = new Map<string, RoomNode>()
  for (const room of rooms) {
    if (byId.has(room.id))
      problems.push({ ja: `会議室 ${room.id} が重複しています`, en: `room ${room.id} is listed twice` })
    if (room.ownerId.trim() === '') {
      problems.push({ ja: `会議室 ${room.id} に所有者がありません`, en: `room ${room.id} has no owner` })
    }
    byId.set(room.id, room)
  }
  for (const room of rooms) {
    if (room.parentId !== null && !byId.has(room.parentId)) {
      problems.push({
        ja: `会議室 ${room.id} の親 ${room.parentId} が一覧にありません(読み込みが不完全です)`,
        en: `the parent ${room.parentId} of room ${room.id} is not in the listing (the read was incomplete)`,
      })
    } else if (inCycle(room, byId)) {
      problems.push({
        ja: `会議室 ${room.id} の親子関係が循環しています`,
        en: `room ${room.id} is its own ancestor`,
      })
    }
  }
  throwIfProblems(problems, {
    ja: '会議室の階層を読み取れません。何も変更していません',
    en: 'cannot read the room hierarchy; nothing was changed',
  })
}

function inCycle(room: RoomNode, byId: ReadonlyMap<string, RoomNode>): boolean {
  const seen = new Set<string>([room.id])
  let parentId = room.parentId
  while (parentId !== null) {
    if (seen.has(parentId)) return parentId === room.id
    seen.add(parentId)
    parentId = byId.get(parentId)?.parentId ?? null
  }
  return false
}

/**
 * The room list one person sees, in the listing's order, children under their parent. A room whose parent the
 * person cannot read is shown at the top level (there is nothing visible to hang it under).
 */
export function roomListFor(
  userId: string,
  rooms: readonly Pick<RoomNode, 'id' | 'parentId' | 'readers'>[],
): RoomListLine[] {
  const visible = rooms.filter((room) => room.readers.includes(userId))
  const visibleIds = new Set(visible.map((room) => room.id))
  const children = new Map<string | null, string[]>()
  for (const room of visible) {
    const parent = room.parentId !== null && visibleIds.has(room.parentId) ? room.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), room.id])
  }
  const lines: RoomListLine[] = []
  const walk = (parent: string | null, depth: number): void => {
    for (const id of children.get(parent) ?? []) {
      lines.push({ id, depth })
      walk(id, depth + 1)
    }
  }
  walk(null, 0)
  return lines
}
