import type { DirectoryGroup } from '../../../../shared/model/directory'
import type { RoomEventInput, RoomSettings } from '../../../../shared/model/rooms'
import type { RoomPeople } from './core-people'
import type { CommunityProblem } from './core-planner'
import type { RoomIntake } from './core-intake'
import type { RoomStore } from './core-store'
import type { RoomContext } from './room-context'

/** `*` is any run of characters; the rest is literal; the whole code must match (case-sensitive). */
export function codeMatches(pattern: string, code: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 'u').test(code)
}

/** The home directory's groups that are communities under the settings. */
export function markedGroups(
  groups: readonly DirectoryGroup[],
  rules: RoomSettings['communities'],
): DirectoryGroup[] {
  return groups.filter(
    (g) => rules.codes.includes(g.code) || rules.codePatterns.some((p) => codeMatches(p, g.code)),
  )
}

/**
 * Marked groups → community events from source 'directory', one per change (ids carry the import stamp, so
 * re-reading the same import is a replay and changes nothing). Members are the active employees whose groups
 * include the code; the creator is `owners[code]`, else `defaultOwner`. A group whose owner cannot be found is
 * a listed problem. Nothing is read before the first import: an empty directory must not delete communities.
 */
export function syncMarkedGroups(
  ctx: RoomContext,
  store: RoomStore,
  intake: RoomIntake,
  people: RoomPeople,
  settings: RoomSettings,
): { readonly changed: boolean; readonly problems: readonly CommunityProblem[] } {
  const importedAt = ctx.home.importedAt()
  if (importedAt === null) return { changed: false, problems: [] }
  const marked = markedGroups(ctx.home.groups(), settings.communities)
  const events: RoomEventInput[] = []
  const problems: CommunityProblem[] = []
  const id = (code: string, kind: string): string => `${importedAt}/${code}/${kind}`
  const stored = new Map(store.communities('directory').map((c) => [c.code, c]))
  for (const group of marked) {
    const members = [...people.byKey.values()].filter((e) => e.groups.includes(group.code)).map((e) => e.key)
    const current = stored.get(group.code)
    const owner = settings.communities.owners[group.code] ?? settings.communities.defaultOwner
    if (current === undefined) {
      if (store.community(group.code) !== null) continue // an inbound community, or a deleted code
      if (people.find(owner) === null) {
        problems.push({
          code: group.code,
          problem: {
            ja: `グループ ${group.code} の所有者 ${owner || '(未設定)'} がディレクトリにいないため会議室を作れません`,
            en: `group ${group.code}: its owner ${owner || '(not set)'} is not in the directory, so no room is made`,
          },
        })
        continue
      }
      events.push({
        id: id(group.code, 'created'),
        kind: 'community.created',
        community: { code: group.code, name: group.nameJa, nameEn: group.nameEn, creator: owner },
        members,
      })
      continue
    }
    if (current.deletedAt !== null) continue
    if (current.name !== group.nameJa || current.nameEn !== group.nameEn) {
      store.updateCommunity(group.code, { name: group.nameJa, nameEn: group.nameEn }, ctx.now())
    }
    const added = members.filter((k) => !current.members.includes(k))
    const removed = current.members.filter((k) => !members.includes(k))
    const community = { code: group.code }
    if (added.length > 0)
      events.push({ id: id(group.code, 'added'), kind: 'member.added', community, members: added })
    if (removed.length > 0) {
      events.push({ id: id(group.code, 'removed'), kind: 'member.removed', community, members: removed })
    }
  }
  const live = new Set(marked.map((g) => g.code))
  for (const c of stored.values()) {
    if (c.deletedAt === null && !live.has(c.code)) {
      events.push({
        id: id(c.code, 'deleted'),
        kind: 'community.deleted',
        community: { code: c.code },
        members: [],
      })
    }
  }
  let changed = false
  for (const event of events) changed = intake('directory', event, 'directory').changed || changed
  return { changed, problems }
}
