/**
 * Issue 15, "Done when", through ONE whole core (keychain secrets, a fixed clock) against real servers the test
 * starts: Debian's Mailman 3 (REST on loopback) and an SMTP server (smtp-server, read back with mailparser)
 * behind the notice relay's SMTP target. A marked group and an inbound event each become a Mailman list with
 * the F-2 defaults; member-added notices wait for 「通知メールを送信」 and follow F (c); a community deleted
 * before the send loses its notices; its deletion narrows the list to the owner. The seed's multi-room
 * deletion example (hierarchy flattening) is pinned in room-access.test.ts: the API cannot make sub-rooms.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { seedTexts } from '../../src/main/core/engines/rooms/room-text'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { roomMailmanPasswordSecret, type RoomEventInput } from '../../src/shared/model/rooms'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { startMailman, type MailmanServer } from '../support/mailman'
import { mailmanConnector, sortedEmails } from '../support/mailman-fixtures'
import { mailmanTargetConfig } from '../support/rooms-target-context'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { openTestCore, tempDataDir } from '../support/test-core'

const dev = { code: 'COM-dev', nameJa: '新製品開発', nameEn: 'New product development' }
const staff = [
  testEmployee(1, { nameJa: '山田 太郎', groups: [dev.code] }),
  testEmployee(2, { groups: [dev.code] }),
  testEmployee(3, { groups: [dev.code] }),
  testEmployee(4),
  testEmployee(5),
]
const mail = (n: number): string => `user${n}@a.example.jp`
const key = (n: number): string => `E00000${n}`
/** 12:00 UTC: the same calendar day in every zone the machine may run in (rooms use the system zone). */
const clock = new TestClock(Date.UTC(2026, 3, 1, 12))
const subjects = {
  created: 'コミュニティが作成され、メンバが追加されました: 外部連携',
  added: 'コミュニティにメンバが追加されました: 外部連携',
}

describe.skipIf(skipWithoutKeychain())('issue 15 done when, through one core', () => {
  const secrets = new KeychainSecretStore(`renkei-test-rooms-done-when-${process.pid}`)
  const dir = tempDataDir('renkei-rooms-done-when-')
  const decorations = mkdtempSync(join(tmpdir(), 'renkei-room-decorations-'))
  let mailman: MailmanServer
  let sink: SmtpSink
  let core: Core
  const api = () => core.api
  const connector = () => mailmanConnector(mailman, decorations)
  const ingest = (event: Omit<RoomEventInput, 'members'> & { members?: string[] }) =>
    api()['rooms.events.ingest']({ source: 'forum', event: { members: [], ...event } })
  const communities = async () =>
    new Map((await api()['rooms.communities.list']({})).communities.map((c) => [c.code, c]))
  const roomOf = async (code: string) => (await communities()).get(code)!.room!

  beforeAll(async () => {
    ;[mailman, sink] = await Promise.all([startMailman(), startSmtpSink()])
    writeHome(dir, { ...testSnapshot(staff), groups: [dev] })
    core = await openTestCore(dir, { secrets, clock })
    await api()['secrets.set']({ name: roomMailmanPasswordSecret, value: mailman.password })
    await api()['notice.targets.save']({
      target: {
        id: 'mail',
        name: 'メール',
        kind: 'smtp',
        language: 'ja',
        recipient: '{email}',
        ratePerMinute: 6000,
        smtp: { host: '127.0.0.1', port: sink.port, security: 'none', from: 'renkei@a.example.jp' },
      },
    })
    await api()['rooms.settings.update']({
      enabled: true,
      parameters: {
        autoCreatedRoomState: 'in-session',
        preparationPeriodMaxDays: 14,
        sessionPeriodMaxDays: 91,
        viewPeriodMaxDays: 365,
        postMailDefault: true,
        memberNoticeDefault: true,
      },
      communities: { codePatterns: ['COM-*'], defaultOwner: key(1) },
      target: mailmanTargetConfig(mailman, decorations),
      noticeTargetId: 'mail',
      autoApply: false,
    })
  }, 60_000)

  afterAll(async () => {
    await core?.close()
    await Promise.all([mailman?.stop(), sink?.stop()])
    for (const name of await secrets.names()) await secrets.delete(name)
    rmSync(dir, { recursive: true, force: true })
    rmSync(decorations, { recursive: true, force: true })
  })

  it('a marked group: the preview shows the 23 F-2 values with their rules, the run makes the Mailman list', async () => {
    const preview = await api()['rooms.preview']({ community: dev.code })
    expect(preview.changes.map((c) => c.action)).toEqual(['create-room'])
    const rows = preview.defaults!.rows
    expect([...new Set(rows.map((r) => r.item))].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    )
    expect(rows.filter((r) => r.rule.ja.trim() === '' || r.rule.en.trim() === '')).toEqual([])
    const { id } = await roomOf(dev.code)
    expect(preview.defaults!.settings).toMatchObject({
      name: dev.nameJa,
      nameEn: dev.nameEn,
      abbreviation: 'Conference room',
      state: 'in-session',
      ownerId: key(1),
      ownerName: '山田 太郎',
      description: seedTexts.description.ja,
      start: '2026-04-01',
      end: '2026-05-17', // + ceil(91 / 2) = 46 days
      viewEnd: '2026-11-16', // + ceil(365 / 2) = 183 days
      level: 'top',
      mailHeader: seedTexts.mailHeader.ja,
      mailFooter: seedTexts.mailFooter.ja,
      postByMail: false,
      url: `https://rooms.example.test/rooms/${id}`,
      deadlineNotice: true,
      deadlineNoticeDays: 3,
    })

    expect(await api()['rooms.run']({})).toMatchObject({ applied: 1, failed: 0 })
    const room = await roomOf(dev.code)
    expect(room).toMatchObject({ status: 'created', listId: `room-${id}.rooms.example.test` })
    const list = await connector().readList(room.listId!)
    expect(list).toMatchObject({
      displayName: dev.nameJa,
      description: '自動生成された会議室',
      info: `${dev.nameEn}\nhttps://rooms.example.test/rooms/${id}`,
      defaultMemberAction: 'discard',
      defaultNonmemberAction: 'discard',
    })
    expect(readFileSync(fileURLToPath(list.headerUri!), 'utf8')).toBe(seedTexts.mailHeader.ja)
    expect(readFileSync(fileURLToPath(list.footerUri!), 'utf8')).toBe(seedTexts.mailFooter.ja)
    const rosters = await connector().readRosters(room.listId!)
    expect(rosters.owners.map((o) => [o.email, o.displayName])).toEqual([[mail(1), '山田 太郎']])
    // The owner reads the room too: subscribed with the members, so their room's posts reach them.
    expect(sortedEmails(rosters.members)).toEqual([mail(1), mail(2), mail(3)])
  })

  it('an inbound community.created makes a second list; replaying the event id changes nothing', async () => {
    const created = {
      id: 'forum-1',
      kind: 'community.created' as const,
      community: { code: 'ext-1', name: '外部連携', creator: 'user5' },
      members: ['user2', 'user5'],
    }
    expect(await ingest(created)).toMatchObject({ accepted: true, unknown: [] })
    expect(await api()['rooms.run']({})).toMatchObject({ applied: 1, failed: 0 })
    const room = await roomOf('ext-1')
    expect(room).toMatchObject({ status: 'created', ownerId: key(5) })
    expect((await connector().readList(room.listId!)).displayName).toBe('外部連携')
    const rosters = await connector().readRosters(room.listId!)
    expect([sortedEmails(rosters.owners), sortedEmails(rosters.members)]).toEqual([
      [mail(5)],
      [mail(2), mail(5)],
    ])

    const before = await api()['rooms.communities.list']({})
    expect(await ingest({ ...created, members: ['user3'] })).toMatchObject({ accepted: false })
    expect(await api()['rooms.communities.list']({})).toEqual(before)
    expect((await api()['rooms.preview']({})).changes).toEqual([])
  })

  it('member-added notices wait for 「通知メールを送信」, follow F (c), and a deleted community’s are dropped', async () => {
    expect(
      await ingest({ id: 'forum-2', kind: 'member.added', community: { code: 'ext-1' }, members: ['user4'] }),
    ).toMatchObject({ accepted: true })
    expect(await api()['rooms.run']({})).toMatchObject({ applied: 1, failed: 0 })
    const ext = await roomOf('ext-1')
    expect(sortedEmails((await connector().readRosters(ext.listId!)).members)).toEqual([
      mail(2),
      mail(4),
      mail(5),
    ])

    const pending = await api()['rooms.notices.list']({ state: 'pending' })
    const onCreate = (await api()['rooms.settings.get']({})).oneMailOnCreate ? 1 : 2
    expect(pending.filter((n) => n.cause === 'community-created')).toHaveLength(2) // COM-dev and ext-1
    expect(pending).toHaveLength(2 * onCreate + 1)
    expect(pending.find((n) => n.addedMembers.includes(key(4)))).toMatchObject({
      communityCode: 'ext-1',
      cause: 'members-added',
      recipients: 3, // the new member and the two already there (F (a))
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sink.messages).toEqual([]) // nothing leaves before the admin sends

    // COM-dev is deleted between registration and the send: its notices go nowhere.
    expect(
      await ingest({ id: 'forum-3', kind: 'community.deleted', community: { code: dev.code } }),
    ).toMatchObject({ accepted: true })
    const result = await api()['rooms.notices.send']({})
    expect(result).toMatchObject({ sent: onCreate + 1, dropped: onCreate, failed: 0 })
    expect(result.outcome.en).toContain(`${onCreate} dropped`)
    const received = await sink.waitFor(2 * onCreate + 3, 10_000)
    const subjectsTo = (n: number) =>
      received
        .filter((m) => m.to.includes(mail(n)))
        .map((m) => m.mail.subject)
        .sort()
    const created = onCreate === 2 ? [subjects.created, subjects.added] : [subjects.created]
    for (const n of [2, 5]) expect(subjectsTo(n)).toEqual([...created, subjects.added].sort())
    expect(subjectsTo(4)).toEqual([subjects.added])
    expect(subjectsTo(1)).toEqual([])
    expect(subjectsTo(3)).toEqual([])
    const dropped = await api()['rooms.notices.list']({ state: 'dropped' })
    expect(dropped.map((n) => n.communityCode)).toEqual(Array(onCreate).fill(dev.code))
    expect(dropped[0]!.detail!.en).toContain('no longer exists')
    expect(await api()['rooms.notices.list']({ state: 'pending' })).toEqual([])
  })

  it('community.deleted: the run narrows the list to its owner, silently, and lists who loses their data', async () => {
    const narrow = (await api()['rooms.preview']({})).changes
    expect(narrow.map((c) => [c.communityCode, c.action])).toEqual([[dev.code, 'narrow-access']])
    expect([...narrow[0]!.removesUserData].sort()).toEqual([key(2), key(3)])

    expect(await api()['rooms.run']({})).toMatchObject({ applied: 1, failed: 0 })
    const community = (await communities()).get(dev.code)!
    expect(community.deletedAt).not.toBeNull()
    expect(community.room).toMatchObject({ status: 'narrowed', readers: [key(1)], parentId: null })
    const rosters = await connector().readRosters(community.room!.listId!)
    expect(sortedEmails(rosters.owners)).toEqual([mail(1)])
    // Only the owner's own subscription stays (the connector keeps it when narrowing).
    expect(sortedEmails(rosters.members)).toEqual([mail(1)])
    expect(rosters.moderators).toEqual([])
    expect(mailman.queuedMessages()).toEqual([]) // no goodbye mail
    expect((await api()['rooms.preview']({})).changes).toEqual([])
  })
})
