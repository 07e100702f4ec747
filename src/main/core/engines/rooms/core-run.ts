import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import type { RoomRunSummary, RoomSettings } from '../../../../shared/model/rooms'
import type { RoomPeople } from './core-people'
import { planChanges, reasonOf, type RoomStep } from './core-planner'
import type { RoomStore } from './core-store'
import type { RoomContext } from './room-context'
import {
  registerCommunityCreated,
  registerMembersAdded,
  type MemberNoticeRegistration,
} from './room-member-notices'
import type { MemberNoticeBook, RoomTarget } from './room-ports'

export interface RunPorts {
  readonly target: () => RoomTarget
  readonly notices: MemberNoticeBook
}

const incomplete: Localized = {
  ja: '対象サーバーの一覧を完全に読めないため、削除と権限変更はしていません',
  en: 'the listing of the target could not be read whole, so nothing was removed or narrowed',
}

/**
 * Applies the planned changes through the target, one short transaction per change after its call returns: the
 * list id is recorded as Renkei's ownership as soon as a list exists. A failure marks the room failed with the
 * reason and the next run plans it again. Removals and narrowing happen only for lists read back whole first.
 */
export function createRunner(
  ctx: RoomContext,
  store: RoomStore,
  people: () => RoomPeople,
  settings: () => RoomSettings,
  ports: RunPorts,
) {
  return async function run(only?: string): Promise<RoomRunSummary> {
    const { steps } = planChanges(store, people(), ports.target().limits(), only)
    let applied = 0
    let failed = 0
    let target: RoomTarget | null = null
    let unreadable: Localized | null = null
    try {
      target = ports.target()
      unreadable = await checkListing(
        target,
        steps.map((s) => s.step),
      )
    } catch (error) {
      unreadable = reasonOf(error)
    }
    for (const { step, change } of steps) {
      if (ctx.signal.aborted) break
      const removes = step.kind === 'remove' || step.kind === 'narrow'
      try {
        if (target === null || (removes && unreadable !== null))
          throw new ApiError('internal', unreadable ?? incomplete)
        await apply(target, step)
        applied++
        line('info', change.summary, { done: true })
      } catch (error) {
        failed++
        const why = reasonOf(error)
        const rooms = step.kind === 'narrow' ? step.rooms : [step.room]
        // A room narrowed before the failure stays narrowed: only the others are retried.
        const open = rooms.filter((r) => store.room(r.id)?.status !== 'narrowed')
        for (const r of open) store.updateRoom(r.id, { status: 'failed', now: ctx.now(), lastError: why })
        line('error', change.summary, { error: why })
      }
    }
    const outcome: Localized = {
      ja: `${applied} 件を反映、${failed} 件が失敗しました`,
      en: `${applied} change(s) applied, ${failed} failed`,
    }
    if (steps.length > 0) line(failed > 0 ? 'warning' : 'info', outcome, null)
    return { applied, failed, outcome }
  }

  function line(
    level: 'info' | 'warning' | 'error',
    text: Localized,
    extra: { done?: boolean; error?: Localized } | null,
  ): void {
    const failedText = extra?.error
    ctx.history.append({
      direction: 'send',
      category: 'rooms',
      level,
      message: failedText ? `失敗: ${text.ja}(${failedText.ja})` : text.ja,
      messageEn: failedText ? `Failed: ${text.en} (${failedText.en})` : text.en,
    })
  }

  async function checkListing(target: RoomTarget, steps: readonly RoomStep[]): Promise<Localized | null> {
    const listIds = steps.flatMap((s) =>
      s.kind === 'remove' ? [s.room.listId!] : s.kind === 'narrow' ? s.rooms.map((r) => r.listId!) : [],
    )
    if (listIds.length === 0) return null
    const read = await target.read(listIds, ctx.signal)
    const found = new Set(read.map((r) => r.listId))
    return listIds.every((id) => found.has(id)) ? null : incomplete
  }

  async function apply(target: RoomTarget, step: RoomStep): Promise<void> {
    const now = (): number => ctx.now()
    if (step.kind === 'create') {
      const { room, owner, members } = step
      const { listId } = await target.create(
        { id: room.id, settings: room.settings, owner, members },
        ctx.signal,
      )
      const readers = [owner.key, ...members.map((m) => m.key)]
      store.updateRoom(room.id, {
        status: 'created',
        now: now(),
        listId,
        readers,
        created: true,
        lastError: null,
      })
      register(() =>
        registerCommunityCreated({
          eventId: `room:${room.id}`,
          communityCode: room.communityCode,
          members: readers,
          roomState: room.settings.state,
          parameters: settings().parameters,
          directory: people().directory,
          now: new Date(now()),
          oneMailOnCreate: settings().oneMailOnCreate,
        }),
      )
    } else if (step.kind === 'add') {
      const { room } = step
      await target.addMembers(room.listId!, step.people, room.settings, ctx.signal)
      const added = step.people.map((p) => p.key)
      store.updateRoom(room.id, {
        status: 'created',
        now: now(),
        readers: [...room.readers, ...added],
        lastError: null,
      })
      register(() =>
        registerMembersAdded({
          eventId: `room:${room.id}:added:${now()}:${added.join(',')}`,
          communityCode: room.communityCode,
          existingMembers: room.readers,
          addedMembers: added,
          roomState: { before: room.settings.state, after: room.settings.state },
          parameters: settings().parameters,
          directory: people().directory,
          now: new Date(now()),
        }),
      )
    } else if (step.kind === 'rename') {
      await target.rename(step.room.listId!, step.settings, ctx.signal)
      store.updateDefaults(step.room.id, step.settings, step.rows, now())
    } else if (step.kind === 'remove') {
      const { room } = step
      await target.removeMembers(room.listId!, step.keys, ctx.signal)
      const readers = room.readers.filter((k) => !step.keys.includes(k))
      store.updateRoom(room.id, { status: 'created', now: now(), readers, lastError: null })
    } else {
      for (const after of step.plan.rooms) {
        const room = step.rooms.find((r) => r.id === after.id)!
        const owner = people().byKey.get(room.ownerId)
        await target.narrowToOwner(
          room.listId!,
          { key: room.ownerId, email: owner?.email ?? '', name: owner?.nameJa ?? room.ownerId },
          ctx.signal,
        )
        store.updateRoom(room.id, {
          status: 'narrowed',
          now: now(),
          readers: after.readers,
          parentId: after.parentId,
          lastError: null,
        })
      }
    }
  }

  /** The list exists and is recorded before this: a notice that cannot be registered is reported, not retried. */
  function register(build: () => MemberNoticeRegistration): void {
    try {
      ports.notices.register(build())
    } catch (error) {
      const why = reasonOf(error)
      line(
        'error',
        { ja: 'メンバ追加通知を登録できません', en: 'cannot register the member notice' },
        { error: why },
      )
    }
  }
}

export type RoomRunner = ReturnType<typeof createRunner>
