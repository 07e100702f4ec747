import type { Localized } from '../../../../shared/model/localized'
import type {
  AutoRoomSettings,
  RoomDefaultRow,
  RoomPlannedChange,
  RoomPreview,
  RoomSettings,
  RoomView,
  TargetLimits,
} from '../../../../shared/model/rooms'
import { creatorOf, roomPersonOf, type RoomPeople } from './core-people'
import { roomIdOf, type RoomStore, type StoredCommunity } from './core-store'
import { planCommunityDeletion, type CommunityDeletionPlan } from './room-access'
import type { RoomContext } from './room-context'
import { computeRoomDefaults, roomNames } from './room-defaults'
import type { RoomPerson, RoomTarget } from './room-ports'

/** Why a community has no room (yet): listed in the preview, never a crash. */
export interface CommunityProblem {
  readonly code: string
  readonly problem: Localized
}

/** One change a run makes on the target, with what it needs to make it. */
export type RoomStep =
  | {
      readonly kind: 'create'
      readonly room: RoomView
      readonly owner: RoomPerson
      readonly members: RoomPerson[]
    }
  | {
      readonly kind: 'rename'
      readonly room: RoomView
      readonly settings: AutoRoomSettings
      readonly rows: readonly RoomDefaultRow[]
    }
  | { readonly kind: 'add'; readonly room: RoomView; readonly people: RoomPerson[] }
  | { readonly kind: 'remove'; readonly room: RoomView; readonly keys: string[] }
  | { readonly kind: 'narrow'; readonly rooms: RoomView[]; readonly plan: CommunityDeletionPlan }

export interface RoomPlan {
  readonly steps: readonly { readonly step: RoomStep; readonly change: RoomPlannedChange }[]
  readonly skipped: RoomPreview['skipped']
}

/**
 * Every live community without a room gets a planned one (F-2 values computed now: today in the creator's
 * zone, the target's name limits, `<roomBaseUrl><list id>`); a deleted community's never-created room goes.
 * What cannot be computed is a listed problem, not a crash.
 */
export function refreshPlannedRooms(
  ctx: RoomContext,
  store: RoomStore,
  people: RoomPeople,
  settings: RoomSettings,
  target: () => RoomTarget,
): CommunityProblem[] {
  const problems: CommunityProblem[] = []
  for (const c of store.communities()) {
    if (c.deletedAt !== null) {
      store.dropUncreated(c.code)
      continue
    }
    if (store.roomsOf(c.code).length > 0) continue
    const creator = people.byKey.get(c.creatorKey)
    try {
      if (creator === undefined) throw new Error(`the creator ${c.creatorKey} is not an active employee`)
      const id = roomIdOf(c.code)
      const defaults = computeRoomDefaults(
        {
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          creator: creatorOf(creator, ctx),
          members: c.members,
        },
        settings.parameters,
        target().limits(),
        new Date(ctx.now()),
        `${settings.target.roomBaseUrl}${id}`,
      )
      store.insertPlanned({ id, code: c.code, ownerKey: c.creatorKey, ...defaults }, ctx.now())
    } catch (error) {
      const why = reasonOf(error)
      problems.push({
        code: c.code,
        problem: {
          ja: `コミュニティ ${c.code} の会議室を計画できません: ${why.ja}`,
          en: `cannot plan the room of community ${c.code}: ${why.en}`,
        },
      })
    }
  }
  return problems
}

export function reasonOf(error: unknown): Localized {
  const localized = (error as { localized?: Localized }).localized
  if (localized !== undefined) return localized
  const text = error instanceof Error ? error.message : String(error)
  return { ja: text, en: text }
}

/** The changes a run would make, in order; derived from the store each time, so a failed one is planned again. */
export function planChanges(
  store: RoomStore,
  people: RoomPeople,
  limits: TargetLimits,
  only?: string,
): RoomPlan {
  const steps: { step: RoomStep; change: RoomPlannedChange }[] = []
  const skipped: { communityCode: string; userId: string; reason: Localized }[] = []
  const communities =
    only === undefined ? store.communities() : [store.community(only)].filter((c) => c !== null)
  for (const c of communities) {
    const rooms = store.roomsOf(c.code)
    if (c.deletedAt !== null) {
      const live = rooms.filter((r) => r.listId !== null)
      if (live.some((r) => r.status !== 'narrowed')) steps.push(narrowStep(c, live))
      continue
    }
    const room = rooms.find((r) => r.id === roomIdOf(c.code))
    if (room === undefined || room.status === 'narrowed') continue
    const members: RoomPerson[] = []
    for (const key of c.members) {
      const employee = people.byKey.get(key)
      const person = employee === undefined ? null : roomPersonOf(employee)
      if (person !== null) {
        if (key !== room.ownerId) members.push(person)
        continue
      }
      skipped.push({
        communityCode: c.code,
        userId: key,
        reason:
          employee === undefined
            ? { ja: 'ディレクトリにいません(数えません)', en: 'not in the directory (not counted)' }
            : {
                ja: 'メールアドレスがないため参加・通知できません',
                en: 'no e-mail address: cannot join or be notified',
              },
      })
    }
    const ownerEmployee = people.byKey.get(room.ownerId)
    const owner = ownerEmployee === undefined ? null : roomPersonOf(ownerEmployee)
    if (room.listId === null) {
      if (owner !== null) steps.push(createStep(c, room, owner, members))
      continue
    }
    const renamed = renameStep(c, room, limits)
    if (renamed !== null) steps.push(renamed)
    const add = members.filter((p) => !room.readers.includes(p.key))
    const keep = new Set([room.ownerId, ...members.map((p) => p.key)])
    const remove = room.readers.filter((k) => !keep.has(k))
    if (add.length > 0) steps.push(addStep(c, room, add))
    if (remove.length > 0) steps.push(removeStep(c, room, remove))
  }
  return { steps, skipped }
}

function createStep(c: StoredCommunity, room: RoomView, owner: RoomPerson, members: RoomPerson[]) {
  const step: RoomStep = { kind: 'create', room, owner, members }
  const change: RoomPlannedChange = {
    communityCode: c.code,
    action: 'create-room',
    summary: {
      ja: `会議室「${room.settings.name}」を作成(所有者 ${owner.key}、メンバ ${members.length} 人)`,
      en: `create the room "${room.settings.nameEn}" (owner ${owner.key}, ${members.length} member(s))`,
    },
    removesUserData: [],
  }
  return { step, change }
}

/** The community's names no longer give the room's (a renamed group or community): item 1 again, on the list too. */
function renameStep(c: StoredCommunity, room: RoomView, limits: TargetLimits) {
  const names = roomNames(c, limits)
  if (names.name.value === room.settings.name && names.nameEn.value === room.settings.nameEn) return null
  const settings: AutoRoomSettings = { ...room.settings, name: names.name.value, nameEn: names.nameEn.value }
  const rows = room.rows.map((row) =>
    row.field === 'name' || row.field === 'nameEn'
      ? { ...row, value: names[row.field].value, rule: names[row.field].rule }
      : row,
  )
  const change: RoomPlannedChange = {
    communityCode: c.code,
    action: 'update-room',
    summary: {
      ja: `会議室名を変更: 「${room.settings.name}」→「${settings.name}」`,
      en: `rename the room: "${room.settings.nameEn}" → "${settings.nameEn}"`,
    },
    removesUserData: [],
  }
  return { step: { kind: 'rename', room, settings, rows } as RoomStep, change }
}

function addStep(c: StoredCommunity, room: RoomView, people: RoomPerson[]) {
  const keys = people.map((p) => p.key).join(', ')
  const change: RoomPlannedChange = {
    communityCode: c.code,
    action: 'add-members',
    summary: { ja: `会議室 ${room.id} にメンバを追加: ${keys}`, en: `add to room ${room.id}: ${keys}` },
    removesUserData: [],
  }
  return { step: { kind: 'add', room, people } as RoomStep, change }
}

function removeStep(c: StoredCommunity, room: RoomView, keys: string[]) {
  const change: RoomPlannedChange = {
    communityCode: c.code,
    action: 'remove-members',
    summary: {
      ja: `会議室 ${room.id} からメンバを削除し、メール配信と既読情報を消す: ${keys.join(', ')}`,
      en: `remove from room ${room.id} with their mail subscriptions and read state: ${keys.join(', ')}`,
    },
    removesUserData: keys,
  }
  return { step: { kind: 'remove', room, keys } as RoomStep, change }
}

function narrowStep(c: StoredCommunity, rooms: RoomView[]) {
  const plan = planCommunityDeletion(
    rooms.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      ownerId: r.ownerId,
      createdWithCommunity: r.id === roomIdOf(c.code),
      readers: r.readers,
    })),
  )
  const people = plan.removals.map((r) => r.userId)
  const change: RoomPlannedChange = {
    communityCode: c.code,
    action: 'narrow-access',
    summary: {
      ja: `コミュニティ削除: ${rooms.length} 室を所有者だけに絞り、${people.length} 人のメール配信と既読情報を消す`,
      en: `community deleted: ${rooms.length} room(s) narrowed to their owners; ${people.length} people lose their mail subscriptions and read state`,
    },
    removesUserData: people,
  }
  return { step: { kind: 'narrow', rooms, plan } as RoomStep, change }
}
