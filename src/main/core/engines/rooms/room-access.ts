import type { Localized } from '../../../../shared/model/localized'
import { checkRoomTree, type RoomNode } from './room-tree'

/** What seed F (5) removes for a person who can no longer read a room. */
export const perUserDataKinds = ['mail-subscriptions', 'read-state'] as const

/** A room after its community is deleted: only its owner reads it, and it hangs where the hierarchy rule says. */
export interface RoomAfterDeletion {
  readonly id: string
  readonly parentId: string | null
  readonly ownerId: string
  readonly readers: readonly string[]
  /** Everyone who could read the room before and cannot now. */
  readonly lostAccess: readonly string[]
  /** Why the room hangs where it does, for the preview and the history. */
  readonly placement: Localized
}

/** One person's per-user data to remove: their mail subscriptions and read state in these rooms (F (5)). */
export interface PerUserDataRemoval {
  readonly userId: string
  readonly roomIds: readonly string[]
  readonly kinds: typeof perUserDataKinds
}

export interface CommunityDeletionPlan {
  readonly rooms: readonly RoomAfterDeletion[]
  /** Sorted by person; a person appears once with every room they lost. */
  readonly removals: readonly PerUserDataRemoval[]
}

/**
 * Seed F (3): when a community is deleted each room becomes readable by its owner alone, and the hierarchy is
 * broken up into top-level rooms — except that a room stays under its direct parent when both have the same
 * owner. That is the rule the seed's example shows (its list of conditions is missing from the text): D2 and
 * D3 stay under D1 (all D's), while C2, whose parent D3 is D's, becomes top level although its grandparent C1
 * is C's — so a room is never re-hung under a further ancestor. Each owner's list then keeps their own subtrees.
 * A tree with a parent missing from the listing is refused (a partial read must not drive the change).
 */
export function planCommunityDeletion(rooms: readonly RoomNode[]): CommunityDeletionPlan {
  checkRoomTree(rooms)
  const byId = new Map(rooms.map((room) => [room.id, room]))
  const lost = new Map<string, string[]>()
  const after = rooms.map((room): RoomAfterDeletion => {
    const parent = room.parentId === null ? undefined : byId.get(room.parentId)
    const keep = parent !== undefined && parent.ownerId === room.ownerId
    const lostAccess = [...new Set(room.readers)].filter((reader) => reader !== room.ownerId)
    for (const userId of lostAccess) lost.set(userId, [...(lost.get(userId) ?? []), room.id])
    return {
      id: room.id,
      parentId: keep ? parent.id : null,
      ownerId: room.ownerId,
      readers: [room.ownerId],
      lostAccess,
      placement: placementOf(room, parent, keep),
    }
  })
  const removals = [...lost.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([userId, roomIds]) => ({ userId, roomIds, kinds: perUserDataKinds }))
  return { rooms: after, removals }
}

function placementOf(room: RoomNode, parent: RoomNode | undefined, keep: boolean): Localized {
  const made = room.createdWithCommunity
    ? { ja: '(コミュニティ作成時に自動生成された会議室)', en: ' (made automatically with the community)' }
    : { ja: '', en: '' }
  if (parent === undefined) {
    return { ja: `もともと最上位の会議室${made.ja}`, en: `already a top-level room${made.en}` }
  }
  if (keep) {
    return {
      ja: `親の会議室 ${parent.id} と所有者 ${room.ownerId} が同じため、その下に残す${made.ja}`,
      en: `stays under ${parent.id}: both belong to ${room.ownerId}${made.en}`,
    }
  }
  return {
    ja: `親の会議室 ${parent.id} の所有者 ${parent.ownerId} と異なるため最上位にする${made.ja}`,
    en: `moved to the top level: its parent ${parent.id} belongs to ${parent.ownerId}, not ${room.ownerId}${made.en}`,
  }
}
