import { ApiError } from '../../../../shared/model/errors'
import type { CommunityPage, RoomDefaults, RoomPreview, TargetLimits } from '../../../../shared/model/rooms'
import type { RoomPeople } from './core-people'
import { planChanges, type CommunityProblem } from './core-planner'
import { roomIdOf, type RoomStore } from './core-store'

/** `rooms.communities.list`: by code, after `after`, filtered by code or name. */
export function communityPage(
  store: RoomStore,
  people: RoomPeople,
  input: { readonly query?: string | undefined; readonly after?: string | undefined; readonly limit: number },
): CommunityPage {
  const rows = store.page(input.query?.trim() ?? '', input.after ?? '', input.limit + 1)
  const communities = rows.slice(0, input.limit).map((c) => ({
    code: c.code,
    source: c.source,
    name: c.name,
    nameEn: c.nameEn,
    creator: c.creatorKey,
    creatorName: people.byKey.get(c.creatorKey)?.nameJa ?? c.creatorKey,
    members: c.members.length,
    deletedAt: c.deletedAt,
    room: store.room(roomIdOf(c.code)),
  }))
  return {
    communities,
    nextAfter: rows.length > input.limit ? (communities[communities.length - 1]?.code ?? null) : null,
  }
}

/**
 * `rooms.preview`: what a run would change, with the members left out and why; with `community`, that room's
 * 23 values of table F-2 and the rule of each, as stored when it was planned.
 */
export function roomPreview(
  store: RoomStore,
  people: RoomPeople,
  problems: readonly CommunityProblem[],
  limits: TargetLimits,
  community?: string,
): RoomPreview {
  let defaults: RoomDefaults | null = null
  if (community !== undefined) {
    if (store.community(community) === null) {
      throw new ApiError('not-found', {
        ja: `コミュニティ ${community} はありません`,
        en: `There is no community ${community}`,
      })
    }
    const room = store.room(roomIdOf(community))
    defaults = room === null ? null : { settings: room.settings, rows: room.rows }
  }
  const plan = planChanges(store, people, limits, community)
  return {
    changes: plan.steps.map((s) => s.change),
    defaults,
    skipped: plan.skipped,
    problems: problems.filter((p) => community === undefined || p.code === community).map((p) => p.problem),
  }
}
