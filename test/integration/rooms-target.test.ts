/**
 * The rooms' target part against Debian's Mailman 3 core started by the test (REST on 127.0.0.1, a free port):
 * a room computed by `computeRoomDefaults` becomes a list, its people are read back as directory keys, added,
 * removed and narrowed to the owner; `rooms.target.test` signs in. Only the failing roster page is injected
 * (a real Mailman does not fail half-way); the test name says so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeRoomDefaults } from '../../src/main/core/engines/rooms/room-defaults'
import type { RoomPerson } from '../../src/main/core/engines/rooms/room-ports'
import { createRoomsTarget } from '../../src/main/core/engines/rooms/rooms-target'
import {
  defaultSystemParameters,
  roomMailmanPasswordSecret,
  type Community,
  type RoomTargetConfig,
  type SystemParameters,
  type TargetLimits,
} from '../../src/shared/model/rooms'
import { testEmployee } from '../support/exchange-sites'
import { freePort } from '../support/free-port'
import { startMailman, type MailmanServer } from '../support/mailman'
import { deliveryOf, mailmanConnector, rejection } from '../support/mailman-fixtures'
import {
  mailmanTargetConfig,
  roomTargetContext,
  type RoomTargetTestContext,
} from '../support/rooms-target-context'

const employees = [1, 2, 3, 4].map((n) => testEmployee(n))
const person = (n: number): RoomPerson => {
  const e = employees[n - 1]!
  return { key: e.key, email: e.email!, name: e.nameJa }
}
const signal = new AbortController().signal

let mailman: MailmanServer
let decorations: string
const contexts: RoomTargetTestContext[] = []

function partFor(config: Partial<RoomTargetConfig> = {}, fetchImpl?: typeof fetch) {
  const ctx = roomTargetContext(employees, fetchImpl)
  contexts.push(ctx)
  const part = createRoomsTarget(ctx, () => mailmanTargetConfig(mailman, decorations, config))
  return { ctx, part, target: part.target() }
}

async function withPassword(config: Partial<RoomTargetConfig> = {}, fetchImpl?: typeof fetch) {
  const made = partFor(config, fetchImpl)
  await made.ctx.secrets.set(roomMailmanPasswordSecret, mailman.password)
  return made
}

const community = (language: 'ja' | 'en'): Community => ({
  code: `G-${language}`,
  name: '新製品開発プロジェクト',
  nameEn: 'New product development',
  creator: {
    id: employees[0]!.key,
    name: { ja: '山田 太郎', en: 'Taro Yamada' },
    nameEn: 'Taro Yamada',
    language,
    timeZone: 'Asia/Tokyo',
  },
  members: employees.slice(0, 3).map((e) => e.key),
})

/** The F-2 values of the test community's room on 2026-12-03, as the planner computes them. */
const roomDefaults = (
  target: { limits(): TargetLimits },
  url: string,
  { language = 'ja', parameters = defaultSystemParameters }: RoomDefaultsOptions = {},
) =>
  computeRoomDefaults(community(language), parameters, target.limits(), new Date('2026-12-03T00:00:00Z'), url)

interface RoomDefaultsOptions {
  readonly language?: 'ja' | 'en'
  readonly parameters?: SystemParameters
}

beforeAll(async () => {
  mailman = await startMailman()
  decorations = mkdtempSync(join(tmpdir(), 'renkei-room-decorations-'))
})

afterAll(async () => {
  await mailman?.stop()
  for (const ctx of contexts) {
    ctx.db.close()
    rmSync(ctx.dataDir!, { recursive: true, force: true })
  }
  if (decorations) rmSync(decorations, { recursive: true, force: true })
})

describe('rooms target over Debian Mailman 3', () => {
  it('creates a room from the F-2 defaults: Japanese name, description, English name in info, seed header/footer', async () => {
    const { target } = await withPassword()
    const url = 'https://rooms.example.test/rooms/r-ja'
    const { settings } = roomDefaults(target, url)
    const room = { id: 'r-ja', settings, owner: person(1), members: [person(1), person(2), person(3)] }
    const { listId } = await target.create(room, signal)
    expect(listId).toBe('room-r-ja.rooms.example.test')

    const list = await mailmanConnector(mailman, decorations).readList(listId)
    expect(list).toMatchObject({
      displayName: '新製品開発プロジェクト',
      description: '自動生成された会議室',
      info: `New product development\n${url}`,
      defaultMemberAction: 'discard',
      defaultNonmemberAction: 'discard',
      sendWelcomeMessage: false,
    })
    expect(readFileSync(fileURLToPath(list.headerUri!), 'utf8')).toBe(settings.mailHeader)
    expect(readFileSync(fileURLToPath(list.footerUri!), 'utf8')).toBe(settings.mailFooter)
    expect(list.headerUri!.startsWith(`file://${decorations}/`)).toBe(true)

    const [read] = await target.read([listId], signal)
    expect(read!.owners).toEqual([person(1).key])
    expect([...read!.members].sort()).toEqual([1, 2, 3].map((n) => person(n).key).sort())
    expect(mailman.queuedMessages()).toEqual([])
  })

  it('renames a room: the display name and the English name in info follow, the rest stays', async () => {
    const { target } = await withPassword()
    const url = 'https://rooms.example.test/rooms/r-rename'
    const { settings } = roomDefaults(target, url)
    const { listId } = await target.create(
      { id: 'r-rename', settings, owner: person(1), members: [person(2)] },
      signal,
    )
    await target.rename(
      listId,
      { ...settings, name: '新製品開発（第2期）', nameEn: 'New product, phase 2' },
      signal,
    )
    const list = await mailmanConnector(mailman, decorations).readList(listId)
    expect(list).toMatchObject({
      displayName: '新製品開発（第2期）',
      description: '自動生成された会議室',
      info: `New product, phase 2\n${url}`,
      defaultMemberAction: 'discard',
    })
    const [read] = await target.read([listId], signal)
    expect([...read!.members].sort()).toEqual([person(1).key, person(2).key].sort())
    expect(mailman.queuedMessages()).toEqual([])
  })

  it("keeps the English seed description's trailing space and the two-line English footer", async () => {
    const { target } = await withPassword()
    const { settings } = roomDefaults(target, 'https://rooms.example.test/rooms/r-en', { language: 'en' })
    const { listId } = await target.create({ id: 'r-en', settings, owner: person(1), members: [] }, signal)
    const list = await mailmanConnector(mailman, decorations).readList(listId)
    expect(list.description).toBe('Automatically generated conference room ')
    expect(readFileSync(fileURLToPath(list.footerUri!), 'utf8')).toBe(settings.mailFooter)
  })

  it('adds and removes members silently; a subscriber the directory does not know is read and removed by address', async () => {
    const { target } = await withPassword()
    const { settings } = roomDefaults(target, 'https://rooms.example.test/rooms/r-members')
    const { listId } = await target.create(
      { id: 'r-members', settings, owner: person(1), members: [person(1)] },
      signal,
    )
    await target.addMembers(listId, [person(2), person(3)], settings, signal)
    await mailmanConnector(mailman, decorations).addMembers(listId, [{ email: 'Guest@Outside.example' }])
    let [read] = await target.read([listId], signal)
    expect([...read!.members].sort()).toEqual(
      [person(1).key, person(2).key, person(3).key, 'guest@outside.example'].sort(),
    )

    await target.removeMembers(listId, [person(2).key, 'guest@outside.example'], signal)
    ;[read] = await target.read([listId], signal)
    expect([...read!.members].sort()).toEqual([person(1).key, person(3).key].sort())

    const unknown = await rejection(target.removeMembers(listId, [person(3).key, 'E-NOBODY'], signal))
    expect(unknown.localized.en).toContain('E-NOBODY')
    expect(unknown.localized.ja).toContain('何も削除していません')
    ;[read] = await target.read([listId], signal)
    expect(read!.members).toContain(person(3).key)
    expect(mailman.queuedMessages()).toEqual([])
  })

  it('subscribes with posts by mail off when the post-mail default (F-2 row 15) is off, owner and later members too', async () => {
    const { target } = await withPassword()
    const parameters = { ...defaultSystemParameters, postMailDefault: false }
    const { settings } = roomDefaults(target, 'https://rooms.example.test/rooms/r-quiet', { parameters })
    expect(settings.postMail).toBe(false)
    const { listId } = await target.create(
      { id: 'r-quiet', settings, owner: person(1), members: [person(2)] },
      signal,
    )
    await target.addMembers(listId, [person(3)], settings, signal)
    const delivery = (n: number) => deliveryOf(mailman, listId, person(n).email)
    // by_user: the member's own choice, which row 16 (changing mail settings allowed) lets them undo.
    expect([await delivery(1), await delivery(2), await delivery(3)]).toEqual([
      'by_user',
      'by_user',
      'by_user',
    ])

    const on = roomDefaults(target, 'https://rooms.example.test/rooms/r-loud').settings
    const loud = await target.create({ id: 'r-loud', settings: on, owner: person(1), members: [] }, signal)
    await target.addMembers(loud.listId, [person(2)], on, signal)
    expect(await deliveryOf(mailman, loud.listId, person(2).email)).toBe('enabled')
    expect(await deliveryOf(mailman, listId, person(2).email)).toBe('by_user') // per list, not per address
    expect(mailman.queuedMessages()).toEqual([])
  })

  it('completes a retried add with posts by mail off: a member subscribed before a crash gets delivery off too', async () => {
    const { target } = await withPassword()
    const parameters = { ...defaultSystemParameters, postMailDefault: false }
    const { settings } = roomDefaults(target, 'https://rooms.example.test/rooms/r-retry', { parameters })
    const { listId } = await target.create({ id: 'r-retry', settings, owner: person(1), members: [] }, signal)
    // The first attempt subscribed person 2 and stopped before setting delivery (as a kill -9 would leave it).
    await mailmanConnector(mailman, decorations).addMembers(listId, [{ email: person(2).email }])
    expect(await deliveryOf(mailman, listId, person(2).email)).toBe('enabled')
    await target.addMembers(listId, [person(2), person(3)], settings, signal)
    expect(await deliveryOf(mailman, listId, person(2).email)).toBe('by_user')
    expect(await deliveryOf(mailman, listId, person(3).email)).toBe('by_user')
  })

  it('narrows a room to its owner and names who was removed by key', async () => {
    const { target } = await withPassword()
    const { settings } = roomDefaults(target, 'https://rooms.example.test/rooms/r-narrow')
    const members = [person(1), person(2), person(3)]
    const { listId } = await target.create({ id: 'r-narrow', settings, owner: person(1), members }, signal)
    await mailmanConnector(mailman, decorations).setOwners(listId, [
      { email: person(1).email },
      { email: person(4).email },
    ])
    const { removed } = await target.narrowToOwner(listId, person(1), signal)
    expect([...removed].sort()).toEqual([person(2).key, person(3).key, person(4).key].sort())
    const [read] = await target.read([listId], signal)
    expect(read).toEqual({ listId, members: [person(1).key], owners: [person(1).key] })
  })

  it('refuses a read when a roster page fails (injected: a real server does not fail half-way)', async () => {
    const failing: typeof fetch = (input, init) =>
      String(input).includes('/roster/member')
        ? Promise.resolve(new Response('{"title": "500 Internal Server Error"}', { status: 500 }))
        : fetch(input, init)
    const { target } = await withPassword({}, failing)
    const error = await rejection(target.read(['room-r-ja.rooms.example.test'], signal))
    expect(error.kind).toBe('transient')
    expect(error.localized.en).toContain('could not be read completely')
  })
})

describe('rooms.target.test and the connection', () => {
  const test = (part: ReturnType<typeof partFor>['part']) => part.handlers['rooms.target.test']({})

  it('signs in and says whether the mail domain exists or will be created', async () => {
    const fresh = await test((await withPassword({ mailDomain: 'new-rooms.example.test' })).part)
    expect(fresh.ok).toBe(true)
    expect(fresh.message.en).toContain('does not exist yet; Renkei creates it with the first room')
    const existing = await test((await withPassword()).part)
    expect(existing).toMatchObject({ ok: true, message: { ja: expect.stringContaining('があります') } })
  })

  it('reads the password from the keychain at each call (wrong, then right, then gone)', async () => {
    const { ctx, part } = partFor()
    await ctx.secrets.set(roomMailmanPasswordSecret, 'not-the-password')
    const refused = await test(part)
    expect(refused.ok).toBe(false)
    expect(refused.message.en).toContain('refused the admin user "restadmin"')
    expect(JSON.stringify(refused)).not.toContain('not-the-password')
    await ctx.secrets.set(roomMailmanPasswordSecret, mailman.password)
    expect((await test(part)).ok).toBe(true)
    await ctx.secrets.delete(roomMailmanPasswordSecret)
    const gone = await test(part)
    expect(gone).toMatchObject({
      ok: false,
      message: { en: expect.stringContaining(roomMailmanPasswordSecret) },
    })
  })

  it('answers not ok when the server is down', async () => {
    const down = `http://127.0.0.1:${await freePort()}/3.1`
    const answer = await test((await withPassword({ restUrl: down })).part)
    expect(answer.ok).toBe(false)
    expect(answer.message.en).toContain(`Cannot reach the Mailman REST API at ${down}`)
    expect(answer.message.ja).toContain('接続できません')
  })

  it('sends and writes nothing while the settings are incomplete, and lists every gap in ja/en', async () => {
    const unset = join(decorations, 'never-written')
    const { ctx, part, target } = partFor({
      restUrl: '',
      username: '',
      mailDomain: 'bad domain',
      decorationsDir: unset,
    })
    const answer = await test(part)
    expect(answer.ok).toBe(false)
    for (const gap of [
      'REST API URL',
      'REST admin user',
      '"bad domain" cannot be used',
      roomMailmanPasswordSecret,
    ])
      expect(answer.message.en).toContain(gap)
    expect(answer.message.ja).toContain('何も送信していません')
    const { settings } = roomDefaults(target, 'https://rooms.example.test/rooms/r-none')
    await rejection(target.create({ id: 'r-none', settings, owner: person(1), members: [] }, signal))
    await rejection(target.read(['room-r-ja.rooms.example.test'], signal))
    expect(ctx.requests).toEqual([])
    expect(existsSync(unset)).toBe(false)
  })

  it('keeps the header/footer in the data directory when no folder is set', async () => {
    const { ctx, target } = await withPassword({ decorationsDir: '' })
    const { settings } = roomDefaults(target, 'https://rooms.example.test/rooms/r-data')
    const { listId } = await target.create({ id: 'r-data', settings, owner: person(1), members: [] }, signal)
    const list = await mailmanConnector(mailman, decorations).readList(listId)
    expect(list.headerUri!.startsWith(`file://${join(ctx.dataDir!, 'room-decorations')}/`)).toBe(true)
  })
})
