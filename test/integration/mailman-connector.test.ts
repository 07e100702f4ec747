/**
 * The Mailman connector against Debian's Mailman 3 core started by the test (REST API on 127.0.0.1, a free
 * port, a private var_dir). Only the faults a real server cannot show (a roster that changes size between
 * pages, a page that fails) are injected, by a fetch wrapper around the real server; their names say so.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { isListNotFound } from '../../src/main/core/connectors/mailman/mailman-connector'
import { listNameForRoom } from '../../src/main/core/connectors/mailman/mailman-limits'
import { freePort } from '../support/free-port'
import { startMailman, type MailmanServer } from '../support/mailman'
import {
  adminPatch as patchAsAdmin,
  mailmanConnector,
  rejection,
  roomHost as host,
  roomSpec as spec,
  sortedEmails as emails,
  type ConnectorOverrides,
} from '../support/mailman-fixtures'

let mailman: MailmanServer
let templates: string

const connector = (options: ConnectorOverrides = {}) => mailmanConnector(mailman, templates, options)
const adminPatch = (listId: string, config: Record<string, unknown>) => patchAsAdmin(mailman, listId, config)
const fileText = (uri: string | null) => readFileSync(fileURLToPath(uri!), 'utf8')

beforeAll(async () => {
  mailman = await startMailman()
  templates = mkdtempSync(join(tmpdir(), 'renkei-mm-templates-'))
})

afterAll(async () => {
  await mailman?.stop()
  if (templates) rmSync(templates, { recursive: true, force: true })
})

describe('Mailman connector against Debian Mailman 3', () => {
  it('creates a room list with a Japanese display name and decoration, and reads every field back', async () => {
    const mm = connector()
    const listId = await mm.createRoomList(
      spec('Room-1', {
        moderators: [{ email: 'mod@example.test', displayName: '佐藤 次郎' }],
        members: [{ email: 'hanako@example.test', displayName: '鈴木 花子' }, { email: 'ken@example.test' }],
      }),
    )
    expect(listId).toBe(`room-room-1.${host}`)
    const settings = await mm.readList(listId)
    expect(settings).toMatchObject({
      listId,
      fqdnListname: `room-room-1@${host}`,
      displayName: '新製品開発プロジェクト 会議室',
      description: '自動生成された会議室',
      info: spec('x').info,
      archivePolicy: 'private',
      defaultMemberAction: 'discard',
      defaultNonmemberAction: 'discard',
      subscriptionPolicy: 'moderate',
      sendWelcomeMessage: false,
      sendGoodbyeMessage: false,
      advertised: false,
      memberCount: 2,
    })
    expect(settings.headerUri).toMatch(/^file:\/\/\/.*header-[0-9a-f]{16}\.txt$/)
    expect(fileText(settings.headerUri)).toBe(spec('x').header)
    // "$" doubled: Mailman expands $names in templates and turns "$$" back into "$".
    expect(fileText(settings.footerUri)).toBe(spec('x').footer.replace('会費 $5', () => '会費 $$5'))
    const rosters = await mm.readRosters(listId)
    expect(rosters.owners.map((o) => [o.email, o.displayName])).toEqual([['owner@example.test', '山田 太郎']])
    expect(rosters.moderators.map((o) => [o.email, o.displayName])).toEqual([
      ['mod@example.test', '佐藤 次郎'],
    ])
    expect(emails(rosters.members)).toEqual(['hanako@example.test', 'ken@example.test'])
    expect(rosters.members.find((m) => m.email === 'hanako@example.test')?.displayName).toBe('鈴木 花子')
    // A welcome (or confirmation) mail would wait in var/queue: the runners that send it are off.
    expect(mailman.queuedMessages()).toEqual([])

    await mm.setDecoration(listId, { header: '新しいヘッダー', footer: '' })
    const changed = await mm.readList(listId)
    expect(changed.headerUri).not.toBe(settings.headerUri) // Mailman caches a template by URI for 7 days
    expect(fileText(changed.headerUri)).toBe('新しいヘッダー')
    expect(changed.footerUri).toBeNull()
  })

  it('adds and removes members silently, and removing twice reports the member absent', async () => {
    const mm = connector()
    const listId = await mm.createRoomList(spec('members'))
    expect(await mm.addMembers(listId, [{ email: 'a@example.test' }, { email: 'b@example.test' }])).toEqual({
      subscribed: ['a@example.test', 'b@example.test'],
      already: [],
    })
    expect(await mm.addMembers(listId, [{ email: 'A@example.test' }])).toEqual({
      subscribed: [],
      already: ['A@example.test'],
    })
    expect(await mm.removeMember(listId, 'a@example.test')).toBe('removed')
    expect(await mm.removeMember(listId, 'a@example.test')).toBe('absent')
    expect(emails(await mm.readRoster(listId, 'member'))).toEqual(['b@example.test'])
    expect(mailman.queuedMessages()).toEqual([]) // no goodbye mail
  })

  it('stays silent and immediate after an admin turned welcome and goodbye mails on and moderated unsubscriptions', async () => {
    const mm = connector()
    const listId = await mm.createRoomList(
      spec('changed-by-admin', { members: [{ email: 'stay@example.test' }] }),
    )
    await adminPatch(listId, {
      send_welcome_message: true,
      send_goodbye_message: true,
      unsubscription_policy: 'moderate',
    })
    await mm.addMembers(listId, [{ email: 'new@example.test' }])
    expect(await mm.removeMember(listId, 'new@example.test')).toBe('removed')
    await adminPatch(listId, { send_goodbye_message: true }) // removeMember turned it off again
    await mm.narrowToOwner(listId, 'owner@example.test')
    expect(await mm.readRoster(listId, 'member')).toEqual([])
    expect(mailman.queuedMessages()).toEqual([])
  })

  it('narrows access to the owner: members, moderators and other owners go, the owner stays', async () => {
    const mm = connector()
    const listId = await mm.createRoomList(
      spec('narrow', {
        owners: [{ email: 'owner@example.test' }, { email: 'co-owner@example.test' }],
        moderators: [{ email: 'mod@example.test' }],
        members: [{ email: 'owner@example.test' }, { email: 'x@example.test' }, { email: 'y@example.test' }],
      }),
    )
    const refused = await rejection(mm.narrowToOwner(listId, 'stranger@example.test'))
    expect(refused.localized.en).toContain('not an owner')
    expect((await mm.readRoster(listId, 'member')).length).toBe(3)

    const removed = await mm.narrowToOwner(listId, 'owner@example.test')
    expect(removed.map((e) => `${e.role}:${e.email}`).sort()).toEqual([
      'member:x@example.test',
      'member:y@example.test',
      'moderator:mod@example.test',
      'owner:co-owner@example.test',
    ])
    const rosters = await mm.readRosters(listId)
    expect(emails(rosters.owners)).toEqual(['owner@example.test'])
    expect(rosters.moderators).toEqual([])
    expect(emails(rosters.members)).toEqual(['owner@example.test'])
    expect(mailman.queuedMessages()).toEqual([])
  })

  it('changes owners without ever leaving the list ownerless', async () => {
    const mm = connector()
    const listId = await mm.createRoomList(spec('owners'))
    await mm.setOwners(listId, [{ email: 'new-owner@example.test' }, { email: 'second@example.test' }])
    expect(emails(await mm.readRoster(listId, 'owner'))).toEqual([
      'new-owner@example.test',
      'second@example.test',
    ])
    const none = await rejection(mm.setOwners(listId, []))
    expect(none.kind).toBe('permanent')
    expect((await mm.readRoster(listId, 'owner')).length).toBe(2)
  })

  it('reads a roster of 120 members across three pages of 50', async () => {
    const listId = await connector().createRoomList(spec('paging'))
    const people = Array.from({ length: 120 }, (_, i) => ({ email: `m${i}@example.test` }))
    await connector().addMembers(listId, people)
    const asked: string[] = []
    const counting: typeof fetch = (input, init) => {
      asked.push(String(input))
      return fetch(input, init)
    }
    const roster = await connector({ pageSize: 50, fetch: counting }).readRoster(listId, 'member')
    expect(emails(roster)).toEqual(people.map((p) => p.email).sort())
    expect(asked.filter((url) => url.includes('/roster/member')).map((url) => new URL(url).search)).toEqual([
      '?count=50&page=1',
      '?count=50&page=2',
      '?count=50&page=3',
    ])
  })

  describe('a roster that cannot be read whole drives no removal', () => {
    /** Rewrites the answer for page 2 of every roster read through it. */
    const onPage2 = (rewrite: (answer: Response) => Promise<Response>): typeof fetch => {
      return async (input, init) => {
        const answer = await fetch(input, init)
        return String(input).includes('/roster/') && String(input).includes('page=2')
          ? rewrite(answer)
          : answer
      }
    }

    it.each([
      ['total_size changes between pages (injected fault)', 'permanent', 'contradict'],
      ['page 2 fails with HTTP 500 (injected fault)', 'transient', 'HTTP 500'],
    ])('%s', async (fault, kind, words) => {
      const listId = await connector().createRoomList(
        spec(fault.startsWith('total') ? 'fault-total' : 'fault-page', {
          members: Array.from({ length: 5 }, (_, i) => ({ email: `f${i}@example.test` })),
        }),
      )
      const faulty = onPage2(async (answer) => {
        if (fault.startsWith('page'))
          return new Response('{"title": "500 Internal Server Error"}', { status: 500 })
        const body = (await answer.json()) as { total_size: number }
        return Response.json({ ...body, total_size: body.total_size + 1 })
      })
      const mm = connector({ pageSize: 2, fetch: faulty })
      const read = await rejection(mm.readRoster(listId, 'member'))
      expect(read.kind).toBe(kind)
      expect(read.localized.en).toContain('could not be read completely')
      expect(read.localized.en + (read.serverAnswer ?? '')).toContain(words)
      await rejection(mm.narrowToOwner(listId, 'owner@example.test'))
      expect((await connector().readRoster(listId, 'member')).length).toBe(5)
    })
  })

  it('deletes the list it created when a later step fails (injected fault: POST /members refused)', async () => {
    const refusing: typeof fetch = (input, init) =>
      String(input).endsWith('/members') && init?.method === 'POST'
        ? Promise.resolve(new Response('{"title": "500 Internal Server Error"}', { status: 500 }))
        : fetch(input, init)
    const failed = await rejection(connector({ fetch: refusing }).createRoomList(spec('rollback')))
    expect(failed.kind).toBe('transient')
    expect(isListNotFound(await rejection(connector().readList(`room-rollback.${host}`)))).toBe(true)
  })

  it('refuses an existing list (conflict) and leaves it as it was', async () => {
    const mm = connector()
    const listId = await mm.createRoomList(spec('taken'))
    const taken = await rejection(mm.createRoomList(spec('taken', { displayName: '別の会議室' })))
    expect(taken.kind).toBe('conflict')
    expect(taken.localized.ja).toContain(listId)
    expect((await mm.readList(listId)).displayName).toBe('新製品開発プロジェクト 会議室')
  })

  it("reports Mailman's own words for a value it refuses (HTTP 400)", async () => {
    const mm = connector()
    const listId = await mm.createRoomList(spec('refused'))
    const refused = await rejection(
      mm.configure(listId, { ...spec('refused'), subscriptionPolicy: 'everyone' as never }),
    )
    expect(refused.kind).toBe('permanent')
    expect(refused.httpStatus).toBe(400)
    expect(refused.localized.en).toContain(
      'Accepted Values are: open, confirm, moderate, confirm_then_moderate',
    )
  })

  it('says clearly when a list does not exist, also after deleting it', async () => {
    const mm = connector()
    const listId = await mm.createRoomList(spec('deleted'))
    await mm.deleteList(listId)
    for (const call of [
      mm.readList(listId),
      mm.deleteList(listId),
      mm.addMembers(listId, [{ email: 'a@example.test' }]),
    ]) {
      const missing = await rejection(call)
      expect(isListNotFound(missing)).toBe(true)
      expect(missing.localized.en).toContain(`"${listId}" does not exist`)
      expect(missing.localized.ja).toContain(listId)
    }
  })

  describe('limits, checked before anything is sent', () => {
    it('a list name of 52 bytes is created; 53 is refused with a clear error', async () => {
      const longest = listNameForRoom('x'.repeat(47))
      expect(longest.length).toBe(52)
      await connector().createRoomList({ ...spec('x'), listName: longest })
      const tooLong = (() => {
        try {
          listNameForRoom('x'.repeat(48))
        } catch (error) {
          return error as ConnectorError
        }
      })()
      expect(tooLong?.kind).toBe('permanent')
      expect(tooLong?.localized.en).toContain('53 bytes, at most 52')
      expect(tooLong?.localized.ja).toContain('何も作成していません')
    })

    it('a display name counts code points: 255 with an emoji is stored whole, 256 is refused and nothing is created', async () => {
      const mm = connector()
      const longest = '会'.repeat(254) + '😀' // 255 code points, 256 UTF-16 units, 766 UTF-8 bytes
      const listId = await mm.createRoomList(spec('longest-name', { displayName: longest }))
      expect((await mm.readList(listId)).displayName).toBe(longest)
      const refused = await rejection(
        mm.createRoomList(spec('too-long-name', { displayName: '会'.repeat(256) })),
      )
      expect(refused.localized.en).toContain('256 characters, at most 255')
      expect(isListNotFound(await rejection(mm.readList(`room-too-long-name.${host}`)))).toBe(true)
    })
  })

  describe('failures as ConnectorError', () => {
    it('a wrong password is an auth error that never shows the password', async () => {
      const wrong = 'wrong-secret-Pw-42'
      const refused = await rejection(connector({ password: wrong }).readList(`room-room-1.${host}`))
      expect(refused.kind).toBe('auth')
      expect(refused.httpStatus).toBe(401)
      const shown = [refused.message, refused.localized.ja, refused.localized.en, refused.serverAnswer].join(
        '\n',
      )
      expect(shown).not.toContain(wrong)
      expect(shown).not.toContain(Buffer.from(`restadmin:${wrong}`).toString('base64'))
    })

    it('a server that is down is transient', async () => {
      const down = `http://127.0.0.1:${await freePort()}/3.1`
      const refused = await rejection(connector({ baseUrl: down }).ensureDomain(host))
      expect(refused.kind).toBe('transient')
      expect(refused.localized.en).toContain('ECONNREFUSED')
    })

    it('a server that stops answering is transient after the timeout', async () => {
      mailman.pause()
      try {
        const started = Date.now()
        const silent = await rejection(connector().ensureDomain(host))
        expect(silent.kind).toBe('transient')
        expect(silent.localized.en).toContain('did not answer within 2 s')
        expect(Date.now() - started).toBeLessThan(5000)
      } finally {
        mailman.resume()
      }
    })
  })
})
