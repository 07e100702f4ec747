/**
 * The rooms core part over a real SQLite database: settings, communities from marked groups and inbound events,
 * the planner, the room store and runs. The RoomTarget is a recording double (the Mailman adapter is another
 * part, tested against a real Mailman); the failure tests make it fail, which a healthy Mailman cannot on cue.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/shared/model/errors'
import type { RoomEventInput } from '../../src/shared/model/rooms'
import { roomIdOf } from '../../src/main/core/engines/rooms/core-store'
import { testEmployee } from '../support/exchange-sites'
import { openRoomsCore, type RoomsCoreFixture } from '../support/rooms-core-fixture'

const staff = [
  testEmployee(1, { groups: ['COM-sales', 'COM-dev'] }),
  testEmployee(2, { groups: ['COM-sales'] }),
  testEmployee(3, { groups: ['COM-sales', 'OTHER-1'] }),
  testEmployee(4, { groups: ['XCOM-a'] }),
  testEmployee(5, { groups: ['COM-sales'], email: null }),
  testEmployee(6, { groups: ['COM-sales'], active: false }),
]
const groups = [
  { code: 'COM-sales', nameJa: '営業コミュニティ', nameEn: 'Sales community' },
  { code: 'COM-dev', nameJa: '開発', nameEn: null },
  { code: 'OTHER-1', nameJa: 'その他 1', nameEn: null },
  { code: 'OTHER-2', nameJa: 'その他 2', nameEn: null },
  { code: 'XCOM-a', nameJa: '似た名前', nameEn: null },
]
const marked = {
  enabled: true,
  communities: {
    codePatterns: ['COM-*'],
    codes: ['OTHER-1'],
    defaultOwner: 'E000001',
    owners: { 'COM-dev': 'user2' },
  },
  target: { roomBaseUrl: 'https://rooms.example.jp/r/' },
}

let f: RoomsCoreFixture
afterEach(() => f.close())

async function withMarkedGroups(extra: object = {}): Promise<RoomsCoreFixture> {
  f = openRoomsCore()
  await f.configure({ ...marked, ...extra })
  f.importHome(staff, groups)
  await f.settle()
  return f
}

const h = () => f.core.handlers
const rows = (sql: string) => f.db.prepare(sql).all()

describe('rooms settings', () => {
  it('refuses a patch with every problem in ja and en at once and changes nothing', async () => {
    f = openRoomsCore()
    const before = await h()['rooms.settings.get']({})
    const audits = rows("SELECT * FROM history WHERE category = 'audit'").length
    const update = h()['rooms.settings.update']
    const error = await update({
      enabled: true,
      parameters: { autoCreatedRoomState: 'open' as never, preparationPeriodMaxDays: -1 },
      target: { roomBaseUrl: 'ftp://rooms.example.jp/' },
      bogus: 1,
    } as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const { ja, en } = (error as ApiError).localized
    expect(ja).toContain('会議室自動生成時の会議室状態')
    expect(ja).toContain('会議室準備期間最大値')
    expect(ja).toContain('target.roomBaseUrl')
    expect(en).toContain('maximum preparation period')
    expect(en).toContain('bogus')
    expect(await h()['rooms.settings.get']({})).toEqual(before)
    expect(rows("SELECT * FROM history WHERE category = 'audit'")).toHaveLength(audits)
  })

  it('stores a good patch merged into the document and audits it', async () => {
    f = openRoomsCore()
    const after = await h()['rooms.settings.update']({
      parameters: { preparationPeriodMaxDays: 7 },
      autoApply: true,
    })
    expect(after.parameters).toMatchObject({ preparationPeriodMaxDays: 7, sessionPeriodMaxDays: 90 })
    expect(f.core.settings().autoApply).toBe(true)
    expect(rows("SELECT * FROM history WHERE category = 'audit'")).toHaveLength(1)
  })
})

describe('communities from marked groups', () => {
  it('plans a room per marked group (whole-code patterns and listed codes) with the F-2 rows', async () => {
    await withMarkedGroups()
    const page = await h()['rooms.communities.list']({ limit: 100 })
    expect(page.communities.map((c) => c.code)).toEqual(['COM-dev', 'COM-sales', 'OTHER-1'])
    const sales = page.communities.find((c) => c.code === 'COM-sales')!
    // The inactive E000006 is not a member; E000005 (no e-mail) is, but cannot join the list.
    expect(sales).toMatchObject({ source: 'directory', creator: 'E000001', members: 4 })
    expect(page.communities.find((c) => c.code === 'COM-dev')!.creator).toBe('E000002')
    expect(sales.room).toMatchObject({ id: roomIdOf('COM-sales'), status: 'planned', listId: null })
    const preview = await h()['rooms.preview']({ community: 'COM-sales' })
    expect(preview.changes.map((c) => c.action)).toEqual(['create-room'])
    const defaults = preview.defaults!
    expect([...new Set(defaults.rows.map((r) => r.item))]).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    )
    expect(defaults.rows.every((r) => r.rule.ja !== '' && r.rule.en !== '')).toBe(true)
    expect(defaults.settings).toMatchObject({
      name: '営業コミュニティ',
      nameEn: 'Sales community',
      ownerId: 'E000001',
      ownerName: '社員 1',
      state: 'in-session',
      start: '2026-04-02', // today in Tokyo, not in UTC
      end: '2026-05-17',
      url: `https://rooms.example.jp/r/${roomIdOf('COM-sales')}`,
      timeZone: 'Asia/Tokyo',
      messageLanguage: 'ja',
    })
    expect(preview.skipped).toEqual([
      expect.objectContaining({ communityCode: 'COM-sales', userId: 'E000005' }),
    ])
    expect(f.target.calls).toEqual([]) // autoApply off: the plan waits for rooms.run
    expect(f.changes.at(-1)!.plannedChanges).toBe(3)
  })

  it('lists a group whose owner is nobody at home as a problem and plans the others', async () => {
    await withMarkedGroups({ communities: { ...marked.communities, owners: { 'COM-dev': 'ghost' } } })
    const preview = await h()['rooms.preview']({})
    expect(preview.problems).toEqual([expect.objectContaining({ en: expect.stringContaining('COM-dev') })])
    expect(preview.changes.map((c) => c.communityCode)).toEqual(['COM-sales', 'OTHER-1'])
  })

  it('creates on rooms.run, records the list as owned and registers the member notices', async () => {
    await withMarkedGroups()
    const summary = await h()['rooms.run']({ community: 'COM-sales' })
    expect(summary).toMatchObject({ applied: 1, failed: 0 })
    expect(f.target.calls).toEqual([
      {
        op: 'create',
        id: roomIdOf('COM-sales'),
        owner: 'E000001',
        members: ['E000002', 'E000003'],
        postMail: true,
      },
    ])
    const room = (await h()['rooms.communities.list']({ query: 'sales', limit: 10 })).communities[0]!.room!
    expect(room).toMatchObject({
      status: 'created',
      listId: `room-${roomIdOf('COM-sales')}.rooms.example.jp`,
    })
    expect(room.readers).toEqual(['E000001', 'E000002', 'E000003'])
    // F (c): created with members → two notices (creation and members added).
    expect(f.registrations[0]!.notices.map((n) => n.cause)).toEqual(['community-created', 'members-added'])
    expect((await h()['rooms.preview']({ community: 'COM-sales' })).changes).toEqual([])
  })

  it('applies directory changes by itself with autoApply on: a new member is added, a leaver removed', async () => {
    await withMarkedGroups({ autoApply: true })
    expect(f.target.calls.filter((c) => c.op === 'create')).toHaveLength(3)
    f.target.calls.length = 0
    const moved = staff.map((e) =>
      e.key === 'E000004' ? { ...e, groups: ['COM-sales'] } : e.key === 'E000002' ? { ...e, groups: [] } : e,
    )
    f.importHome(moved, groups)
    await f.settle()
    const list = `room-${roomIdOf('COM-sales')}.rooms.example.jp`
    expect(f.target.calls).toEqual([
      { op: 'read', listIds: [list] },
      { op: 'add', listId: list, keys: ['E000004'], postMail: true },
      { op: 'remove', listId: list, keys: ['E000002'] },
    ])
    expect(f.registrations.at(-1)!.notices[0]!.addedMembers).toEqual(['E000004'])
  })

  it('hands the room its post-mail default (F-2 row 15) when it is created and when members join later', async () => {
    await withMarkedGroups({ autoApply: true, parameters: { postMailDefault: false } })
    const list = `room-${roomIdOf('COM-sales')}.rooms.example.jp`
    const creates = f.target.calls.filter((c) => c.op === 'create')
    expect(creates.map((c) => c.postMail)).toEqual([false, false, false])
    f.target.calls.length = 0
    // The parameter is a default for new rooms: turning it on later leaves this room's members as they were.
    await h()['rooms.settings.update']({ parameters: { postMailDefault: true } })
    f.importHome(
      staff.map((e) => (e.key === 'E000004' ? { ...e, groups: ['COM-sales'] } : e)),
      groups,
    )
    await f.settle()
    expect(f.target.calls.filter((c) => c.op === 'add')).toEqual([
      { op: 'add', listId: list, keys: ['E000004'], postMail: false },
    ])
  })

  it('a renamed group renames its room: item 1 again (cut to the limit), on the list and in the preview', async () => {
    await withMarkedGroups({ autoApply: true })
    f.target.calls.length = 0
    const longName =
      '営業コミュニティ（東日本・西日本・海外の営業担当者と営業企画部門の全員が参加する会議室）'
    f.importHome(
      staff,
      groups.map((g) => (g.code === 'COM-sales' ? { ...g, nameJa: longName, nameEn: 'Sales' } : g)),
    )
    await f.settle()
    const list = `room-${roomIdOf('COM-sales')}.rooms.example.jp`
    const cut = [...longName].slice(0, 40).join('')
    expect(f.target.calls).toEqual([{ op: 'rename', listId: list, name: cut, nameEn: 'Sales' }])
    const room = (await h()['rooms.communities.list']({ query: 'COM-sales', limit: 10 })).communities[0]!
      .room!
    expect(room.settings).toMatchObject({ name: cut, nameEn: 'Sales' })
    const item1 = room.rows.filter((r) => r.item === 1)
    expect(item1.map((r) => r.value)).toEqual([cut, 'Sales'])
    expect(item1[0]!.rule.en).toContain("cut to fit the target's limit of 40")
    expect((await h()['rooms.preview']({})).changes).toEqual([])
  })
})

const created: RoomEventInput = {
  id: 'evt-1',
  kind: 'community.created',
  community: { code: 'proj-x', name: 'プロジェクト X', nameEn: 'Project X', creator: 'user3' },
  members: ['E000001', 'user2', 'USER4@A.EXAMPLE.JP', 'ghost@example.jp'],
}

describe('inbound community events', () => {
  it('takes an event in once: a replay answers accepted:false and changes nothing', async () => {
    await withMarkedGroups()
    const first = await h()['rooms.events.ingest']({ source: 'manual', event: created })
    expect(first).toMatchObject({ accepted: true, unknown: ['ghost@example.jp'] })
    const community = () => f.db.prepare("SELECT * FROM room_communities WHERE code = 'proj-x'").get()
    const stored = community()
    expect(stored).toMatchObject({ creator_key: 'E000003', members: '["E000001","E000002","E000004"]' })
    const replay = await h()['rooms.events.ingest']({
      source: 'manual',
      event: { ...created, members: ['E000005'] },
    })
    expect(replay).toMatchObject({ accepted: false, eventRow: first.eventRow, unknown: ['ghost@example.jp'] })
    expect(community()).toEqual(stored)
    expect(rows("SELECT * FROM room_events WHERE source = 'manual'")).toHaveLength(1)
    const changed = await h()['rooms.events.ingest']({
      source: 'manual',
      event: { id: 'evt-2', kind: 'member.changed', community: { code: 'proj-x' }, members: ['E000001'] },
    })
    expect(changed.outcome.en).toContain('nothing to do')
    expect(community()).toEqual(stored)
  })

  it('refuses a created event without a name or a findable creator, recording nothing', async () => {
    await withMarkedGroups({ communities: { ...marked.communities, defaultOwner: '' } })
    const bad = { ...created, community: { code: 'proj-y', creator: 'ghost' } }
    await expect(h()['rooms.events.ingest']({ source: 'manual', event: bad })).rejects.toMatchObject({
      code: 'invalid-input',
      localized: { ja: expect.stringContaining('コミュニティ名'), en: expect.stringContaining('creator') },
    })
    expect(rows("SELECT * FROM room_events WHERE source = 'manual'")).toHaveLength(0)
  })

  it('removes a removed member with their per-user data, then narrows a deleted community to its owner', async () => {
    await withMarkedGroups()
    await h()['rooms.events.ingest']({ source: 'manual', event: created })
    await h()['rooms.run']({ community: 'proj-x' })
    const list = `room-${roomIdOf('proj-x')}.rooms.example.jp`
    const removed = {
      id: 'evt-3',
      kind: 'member.removed' as const,
      community: { code: 'proj-x' },
      members: ['user1'],
    }
    await h()['rooms.events.ingest']({ source: 'manual', event: removed })
    const preview = await h()['rooms.preview']({ community: 'proj-x' })
    expect(preview.changes).toEqual([
      expect.objectContaining({ action: 'remove-members', removesUserData: ['E000001'] }),
    ])
    await h()['rooms.run']({})
    expect(f.target.calls.at(-1)).toEqual({ op: 'remove', listId: list, keys: ['E000001'] })

    const deleted = {
      id: 'evt-4',
      kind: 'community.deleted' as const,
      community: { code: 'proj-x' },
      members: [],
    }
    await h()['rooms.events.ingest']({ source: 'manual', event: deleted })
    const narrowing = await h()['rooms.preview']({ community: 'proj-x' })
    expect(narrowing.changes).toEqual([
      expect.objectContaining({ action: 'narrow-access', removesUserData: ['E000002', 'E000004'] }),
    ])
    await h()['rooms.run']({})
    expect(f.target.calls.at(-1)).toEqual({ op: 'narrow', listId: list, owner: 'E000003' })
    const room = (await h()['rooms.communities.list']({ query: 'proj', limit: 10 })).communities[0]!.room!
    expect(room).toMatchObject({ status: 'narrowed', readers: ['E000003'], parentId: null })
    expect((await h()['rooms.preview']({ community: 'proj-x' })).changes).toEqual([])
  })

  it('refuses events and runs while provisioning is off', async () => {
    f = openRoomsCore()
    await expect(h()['rooms.events.ingest']({ source: 'manual', event: created })).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('オフ'), en: expect.stringContaining('off') },
    })
  })
})

describe('target failures (recording double made to fail: a healthy Mailman cannot fail on cue)', () => {
  it('marks the room failed with the reason, keeps the plan and retries it on the next run', async () => {
    await withMarkedGroups()
    f.target.failing.add('create')
    const failed = await h()['rooms.run']({ community: 'COM-dev' })
    expect(failed).toMatchObject({ applied: 0, failed: 1 })
    const room = () =>
      f.db.prepare('SELECT status, list_id, last_error FROM rooms WHERE id = ?').get(roomIdOf('COM-dev'))
    expect(room()).toMatchObject({ status: 'failed', list_id: null })
    expect(JSON.parse((room() as { last_error: string }).last_error).en).toContain('fault injected')
    expect((await h()['rooms.preview']({ community: 'COM-dev' })).changes.map((c) => c.action)).toEqual([
      'create-room',
    ])
    f.target.failing.clear()
    expect(await h()['rooms.run']({ community: 'COM-dev' })).toMatchObject({ applied: 1, failed: 0 })
    expect(room()).toMatchObject({ status: 'created', last_error: null })
  })

  it('removes nobody when the listing cannot be read', async () => {
    await withMarkedGroups()
    await h()['rooms.run']({})
    f.importHome(
      staff.map((e) => (e.key === 'E000002' ? { ...e, groups: [] } : e)),
      groups,
    )
    await f.settle()
    f.target.failing.add('read')
    expect(await h()['rooms.run']({})).toMatchObject({ applied: 0, failed: 1 })
    expect(f.target.calls.filter((c) => c.op === 'remove')).toEqual([])
  })
})
