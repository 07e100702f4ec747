import type { DirectoryEmployee } from '../../../../shared/model/directory'
import type { CommunityCreator } from '../../../../shared/model/rooms'
import type { RoomContext } from './room-context'
import type { DirectoryPerson } from './room-member-notices'
import type { RoomPerson } from './room-ports'

/**
 * The home directory's active employees, found by key, login or e-mail (case-insensitive for the last two).
 * Someone who left is "not registered in the directory" for table F-3: they neither join nor count.
 */
export interface RoomPeople {
  readonly byKey: ReadonlyMap<string, DirectoryEmployee>
  find(given: string): DirectoryEmployee | null
  /** For room-member-notices.ts: the people a notice may name. */
  readonly directory: ReadonlyMap<string, DirectoryPerson>
}

export function readRoomPeople(ctx: Pick<RoomContext, 'home'>): RoomPeople {
  const byKey = new Map<string, DirectoryEmployee>()
  const byLogin = new Map<string, DirectoryEmployee>()
  const byEmail = new Map<string, DirectoryEmployee>()
  for (const e of ctx.home.snapshot().employees) {
    if (!e.active) continue
    byKey.set(e.key, e)
    if (e.login && !byLogin.has(e.login.toLowerCase())) byLogin.set(e.login.toLowerCase(), e)
    if (e.email && !byEmail.has(e.email.toLowerCase())) byEmail.set(e.email.toLowerCase(), e)
  }
  const directory = new Map([...byKey.values()].map((e) => [e.key, { id: e.key, email: e.email }]))
  return {
    byKey,
    directory,
    find: (given) => {
      const text = given.trim()
      return byKey.get(text) ?? byLogin.get(text.toLowerCase()) ?? byEmail.get(text.toLowerCase()) ?? null
    },
  }
}

/** Members as given → their keys (each once, in order) and what matched nobody (reported, not counted). */
export function resolveMembers(
  people: RoomPeople,
  given: readonly string[],
): { readonly keys: string[]; readonly unknown: string[] } {
  const keys: string[] = []
  const unknown: string[] = []
  for (const g of given) {
    const found = people.find(g)
    if (found === null) unknown.push(g)
    else if (!keys.includes(found.key)) keys.push(found.key)
  }
  return { keys, unknown }
}

/** The directory has no per-person language or zone: the site's are the creator's (F-2 items 5, 18, 19). */
export function creatorOf(
  employee: DirectoryEmployee,
  site: Pick<RoomContext, 'language' | 'timeZone'>,
): CommunityCreator {
  const name: { ja?: string; en?: string } = { ja: employee.nameJa }
  if (employee.nameEn) name.en = employee.nameEn
  return {
    id: employee.key,
    name,
    nameEn: employee.nameEn,
    language: site.language(),
    timeZone: site.timeZone(),
  }
}

/** As the target subscribes them; null without an e-mail address (Mailman cannot subscribe them). */
export function roomPersonOf(employee: DirectoryEmployee): RoomPerson | null {
  return employee.email ? { key: employee.key, email: employee.email, name: employee.nameJa } : null
}
