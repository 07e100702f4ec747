import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import type { RoomSettings } from '../../../../shared/model/rooms'
import type { HealthReporter } from '../../health/health-reporter'
import type { NoticeHandlers } from '../notices/notice-ports'
import { syncMarkedGroups } from './core-directory'
import { createIntake } from './core-intake'
import { readRoomPeople, type RoomPeople } from './core-people'
import { planChanges, reasonOf, refreshPlannedRooms, type CommunityProblem } from './core-planner'
import { createRunner } from './core-run'
import { roomsHealthReporter } from './core-health'
import { createRoomSettings } from './core-settings'
import { createRoomStore } from './core-store'
import { communityPage, roomPreview } from './core-views'
import type { RoomContext } from './room-context'
import type { MemberNoticeBook, RoomTarget } from './room-ports'

/**
 * The core of room provisioning: `rooms.settings` (one JSON document, checked whole), communities (marked
 * groups of the home directory, re-read at start and on each 'directory.changed'; inbound events taken in once
 * per source and id), the planner (F-2 defaults via room-defaults.ts, deletions via room-access.ts, member
 * notices via room-member-notices.ts), the room store (tables rooms / room_communities, migration 016) and
 * `rooms.run`, which applies plans through the target — removals refused while a listing is incomplete.
 * With `autoApply` on, every intake or directory change is followed by a run; runs never overlap.
 */
export interface RoomsCorePart {
  readonly handlers: NoticeHandlers<
    | 'rooms.settings.get'
    | 'rooms.settings.update'
    | 'rooms.communities.list'
    | 'rooms.preview'
    | 'rooms.run'
    | 'rooms.events.ingest'
  >
  settings(): RoomSettings
  readonly health: HealthReporter
  close(): void
}

const off: Localized = {
  ja: '会議室の自動生成はオフです。設定でオンにしてください。何も変更していません',
  en: 'Room provisioning is off; turn it on in the settings. Nothing was changed',
}

export function createRoomsCore(
  ctx: RoomContext,
  ports: { readonly target: () => RoomTarget; readonly notices: MemberNoticeBook },
): RoomsCorePart {
  const config = createRoomSettings(ctx)
  const store = createRoomStore(ctx.db)
  const people = cachedPeople(ctx)
  const intake = createIntake(ctx, store, people, config.get)
  const runner = createRunner(ctx, store, people, config.get, ports)
  let directoryProblems: readonly CommunityProblem[] = []
  let planProblems: readonly CommunityProblem[] = []
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job)
    queue = next.catch(() => {})
    return next
  }
  const requireOn = (): void => {
    if (!config.get().enabled) throw new ApiError('invalid-input', off)
  }
  const changed = (): void =>
    ctx.events.emit('rooms.changed', {
      pendingNotices: ports.notices.pending(),
      plannedChanges: planChanges(store, people(), ports.target().limits()).steps.length,
    })

  /** Plans rooms for new communities, then (autoApply) applies everything planned; tells the screen. */
  async function afterChange(): Promise<Localized | null> {
    planProblems = refreshPlannedRooms(ctx, store, people(), config.get(), ports.target)
    const summary = config.get().autoApply ? await serial(() => runner()) : null
    changed()
    return summary?.outcome ?? null
  }

  function readDirectory(): void {
    if (!config.get().enabled) return
    try {
      directoryProblems = syncMarkedGroups(ctx, store, intake, people(), config.get()).problems
    } catch (error) {
      failed(error)
    }
    afterChange().catch(failed)
  }

  function failed(error: unknown): void {
    const why = reasonOf(error)
    ctx.history.append({
      direction: 'local',
      category: 'rooms',
      level: 'error',
      message: `会議室の自動生成で失敗しました: ${why.ja}`,
      messageEn: `Room provisioning failed: ${why.en}`,
    })
  }

  const unsubscribe = ctx.events.subscribe('directory.changed', () => readDirectory())
  readDirectory()

  return {
    handlers: {
      'rooms.settings.get': config.handlers['rooms.settings.get'],
      'rooms.settings.update': async (patch) => {
        const after = await config.handlers['rooms.settings.update'](patch)
        readDirectory()
        return after
      },
      'rooms.communities.list': async (input) => communityPage(store, people(), input),
      'rooms.preview': async ({ community }) =>
        roomPreview(
          store,
          people(),
          [...directoryProblems, ...planProblems],
          ports.target().limits(),
          community,
        ),
      'rooms.run': async ({ community }) => {
        requireOn()
        planProblems = refreshPlannedRooms(ctx, store, people(), config.get(), ports.target)
        const summary = await serial(() => runner(community))
        changed()
        return summary
      },
      'rooms.events.ingest': async ({ source, event }) => {
        requireOn()
        const { changed: stored, ...result } = intake(source, event)
        if (!stored) return result
        const applied = await afterChange()
        if (applied === null) return result
        return {
          ...result,
          outcome: { ja: `${result.outcome.ja}。${applied.ja}`, en: `${result.outcome.en}; ${applied.en}` },
        }
      },
    },
    settings: () => config.get(),
    health: roomsHealthReporter(ctx.db, config.get),
    close: () => unsubscribe(),
  }
}

/** The home directory indexed once per import (or per commit of another process, such as the CLI). */
function cachedPeople(ctx: RoomContext): () => RoomPeople {
  let built: { stamp: string; people: RoomPeople } | null = null
  return () => {
    const stamp = `${ctx.home.importedAt()}|${String(ctx.db.pragma('data_version', { simple: true }))}`
    if (built?.stamp !== stamp) built = { stamp, people: readRoomPeople(ctx) }
    return built.people
  }
}
