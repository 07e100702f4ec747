/**
 * The rooms core part on its own over a real SQLite data directory, with a recording RoomTarget double (the
 * real Mailman adapter is another part) that can be told to fail, and a notice book that keeps registrations.
 * The home directory is imported on the same connection and 'directory.changed' emitted, as the core does.
 */
import { rmSync } from 'node:fs'
import type { DirectoryEmployee, DirectoryGroup } from '../../src/shared/model/directory'
import type { AutoRoomSettings, RoomSettingsInput, TargetLimits } from '../../src/shared/model/rooms'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { diffHome } from '../../src/main/core/directory/home-diff'
import { HomeDirectoryRepository } from '../../src/main/core/directory/home-directory-repository'
import { openDatabase, type Db } from '../../src/main/core/store/database'
import type { RoomContext } from '../../src/main/core/engines/rooms/room-context'
import type { MemberNoticeRegistration } from '../../src/main/core/engines/rooms/room-member-notices'
import type { RoomPerson, RoomTarget } from '../../src/main/core/engines/rooms/room-ports'
import { createRoomsCore, type RoomsCorePart } from '../../src/main/core/engines/rooms/rooms-core'
import { testSnapshot } from './exchange-sites'
import { tempDataDir } from './test-core'
import { EventBus } from '../../src/main/core/event-bus'
import { engineContextOver } from './engine-context'

type Call =
  | {
      readonly op: 'create'
      readonly id: string
      readonly owner: string
      readonly members: string[]
      readonly postMail: boolean
    }
  | { readonly op: 'add'; readonly listId: string; readonly keys: string[]; readonly postMail: boolean }
  | { readonly op: 'remove'; readonly listId: string; readonly keys: string[] }
  | { readonly op: 'narrow'; readonly listId: string; readonly owner: string }
  | { readonly op: 'read'; readonly listIds: string[] }
  | { readonly op: 'rename'; readonly listId: string; readonly name: string; readonly nameEn: string }

/** Records every call; `failing` makes the named operation throw a transient ConnectorError until cleared. */
export class RecordingRoomTarget implements RoomTarget {
  readonly calls: Call[] = []
  readonly lists = new Map<string, { members: Set<string>; owners: Set<string> }>()
  failing = new Set<Call['op']>()

  limits(): TargetLimits {
    return { nameMax: 40, nameEnMax: 40, unit: 'characters' }
  }
  async test() {
    return { ok: true, message: { ja: 'OK', en: 'OK' } }
  }
  async read(listIds: readonly string[]) {
    this.record({ op: 'read', listIds: [...listIds] })
    return listIds.flatMap((listId) => {
      const list = this.lists.get(listId)
      return list ? [{ listId, members: [...list.members], owners: [...list.owners] }] : []
    })
  }
  async create(room: {
    id: string
    settings: AutoRoomSettings
    owner: RoomPerson
    members: readonly RoomPerson[]
  }) {
    const { id, owner, members, settings } = room
    this.record({
      op: 'create',
      id,
      owner: owner.key,
      members: members.map((m) => m.key),
      postMail: settings.postMail,
    })
    const listId = `room-${room.id}.rooms.example.jp`
    this.lists.set(listId, {
      members: new Set(room.members.map((m) => m.key)),
      owners: new Set([room.owner.key]),
    })
    return { listId }
  }
  async rename(listId: string, settings: AutoRoomSettings) {
    this.record({ op: 'rename', listId, name: settings.name, nameEn: settings.nameEn })
  }
  async addMembers(listId: string, people: readonly RoomPerson[], room: { postMail: boolean }) {
    this.record({ op: 'add', listId, keys: people.map((p) => p.key), postMail: room.postMail })
    for (const p of people) this.lists.get(listId)!.members.add(p.key)
  }
  async removeMembers(listId: string, keys: readonly string[]) {
    this.record({ op: 'remove', listId, keys: [...keys] })
    for (const k of keys) this.lists.get(listId)!.members.delete(k)
  }
  async narrowToOwner(listId: string, owner: RoomPerson) {
    this.record({ op: 'narrow', listId, owner: owner.key })
    const list = this.lists.get(listId)!
    const removed = [...list.members].filter((k) => k !== owner.key)
    this.lists.set(listId, { members: new Set(), owners: new Set([owner.key]) })
    return { removed }
  }
  private record(call: Call): void {
    if (this.failing.has(call.op)) {
      throw new ConnectorError('transient', { ja: 'テスト用の障害', en: 'fault injected by the test' })
    }
    this.calls.push(call)
  }
}

export interface RoomsCoreFixture {
  readonly db: Db
  readonly events: EventBus
  readonly target: RecordingRoomTarget
  readonly registrations: MemberNoticeRegistration[]
  readonly changes: { pendingNotices: number; plannedChanges: number }[]
  core: RoomsCorePart
  /** Milliseconds; a test moves it. */
  now: number
  /** Imports the home directory (employees and groups) and tells the core, as a directory run does. */
  importHome(employees: readonly DirectoryEmployee[], groups: readonly DirectoryGroup[]): void
  configure(patch: RoomSettingsInput): Promise<void>
  /** Waits for the core's queued runs (autoApply after a directory change). */
  settle(): Promise<void>
  close(): void
}

/** 2026-04-01 15:30 UTC = 2026-04-02 00:30 in Tokyo: "today" differs by zone. */
export const roomsFixtureNow = Date.parse('2026-04-01T15:30:00Z')

export function openRoomsCore(): RoomsCoreFixture {
  const dir = tempDataDir('renkei-rooms-core-')
  const db = openDatabase(dir)
  const events = new EventBus()
  const target = new RecordingRoomTarget()
  const registrations: MemberNoticeRegistration[] = []
  const changes: { pendingNotices: number; plannedChanges: number }[] = []
  events.subscribe('rooms.changed', (c) => changes.push({ ...c }))
  const home = new HomeDirectoryRepository(db)
  const fixture: RoomsCoreFixture = {
    db,
    events,
    target,
    registrations,
    changes,
    now: roomsFixtureNow,
    core: null as unknown as RoomsCorePart,
    importHome(employees, groups) {
      const at = (fixture.now += 1000)
      home.applyImport(diffHome(home, { ...testSnapshot(employees), groups }, { now: at, graceDays: 0 }), at)
      events.emit('directory.changed', {} as never)
    },
    async configure(patch) {
      await fixture.core.handlers['rooms.settings.update'](patch as never)
      await fixture.settle()
    },
    async settle() {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
    },
    close() {
      fixture.core.close()
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  const ctx: RoomContext = {
    ...engineContextOver(db, () => fixture.now, { events, home }),
    timeZone: () => 'Asia/Tokyo',
  }
  fixture.core = createRoomsCore(ctx, {
    target: () => target,
    notices: { register: (r) => void registrations.push(r), pending: () => registrations.length },
  })
  return fixture
}
