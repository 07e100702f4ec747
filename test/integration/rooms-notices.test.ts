import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/shared/model/errors'
import { memberNoticeMessageId } from '../../src/main/core/engines/rooms/notices-mail'
import {
  registerCommunityCreated,
  registerMembersAdded,
  type DirectoryPerson,
} from '../../src/main/core/engines/rooms/room-member-notices'
import { testEmployee } from '../support/exchange-sites'
import { openRoomsNotices, type RoomsNoticesHarness } from '../support/rooms-notices-fixture'
import { startRefusingSmtp } from '../support/rooms-smtp-refusing'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'

// User A (in the directory), C (a member already), D (a member without e-mail); "userB" is not in the directory.
const people = [
  testEmployee(1, { nameJa: '山田 太郎', nameEn: 'Taro Yamada', email: 'yamada@example.test' }),
  testEmployee(2, { nameJa: '佐藤 花子', nameEn: 'Hanako Sato', email: 'sato@example.test' }),
  testEmployee(3, { nameJa: '加藤 桃子', email: null }),
]
const [A, C, D] = people.map((p) => p.key) as [string, string, string]
const B = 'userB'
const directory = new Map<string, DirectoryPerson>(people.map((p) => [p.key, { id: p.key, email: p.email }]))
const now = Date.parse('2026-11-23T09:00:00+09:00')
const on = { memberNoticeDefault: true }
const inSession = { before: 'in-session', after: 'in-session' } as const

function added(eventId: string, communityCode: string, existing: string[], members: string[], at = now) {
  return registerMembersAdded({
    eventId,
    communityCode,
    existingMembers: existing,
    addedMembers: members,
    roomState: inSession,
    parameters: on,
    directory,
    now: new Date(at),
  })
}

function created(eventId: string, communityCode: string, members: string[], oneMailOnCreate: boolean) {
  return registerCommunityCreated({
    eventId,
    communityCode,
    members,
    roomState: 'in-session',
    parameters: on,
    directory,
    now: new Date(now),
    oneMailOnCreate,
  })
}

let sink: SmtpSink
let h: RoomsNoticesHarness
beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.stop()
})
beforeEach(async () => {
  sink.messages.length = 0
  h = openRoomsNotices(people, { now: () => now })
  await h.useSmtp(sink.port)
})
afterEach(async () => {
  await h.close()
})

const send = () => h.part.handlers['rooms.notices.send']({})
const list = (state?: 'pending' | 'sent' | 'dropped') =>
  h.part.handlers['rooms.notices.list']({ ...(state ? { state } : {}), limit: 100 })
const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address))

describe('member-added notices sent through the notice relay SMTP target (real smtp-server)', () => {
  it("table F-3: A's addition is mailed to A and the members, B alone gives none, A and B name A only", async () => {
    h.community('c-a', '営業部会', 'Sales')
    h.room('c-a', '営業部会', 'https://rooms.example.test/room-c-a')
    h.community('c-b', '開発部会')
    h.community('c-ab', '総務部会')
    h.part.book.register(added('ev-1', 'c-a', [C, D], [A]))
    h.part.book.register(added('ev-2', 'c-b', [C], [B]))
    h.part.book.register(added('ev-3', 'c-ab', [C], [A, B]))
    expect(h.part.book.pending()).toBe(2)

    const result = await send()
    expect(result).toMatchObject({ sent: 2, dropped: 0, failed: 0 })
    expect(sink.messages).toHaveLength(4)
    expect(mailsTo('yamada@example.test')).toHaveLength(2)
    expect(mailsTo('sato@example.test')).toHaveLength(2)
    for (const { mail } of sink.messages) {
      expect(mail.text).toContain('追加されたメンバ: 山田 太郎\n')
      expect(mail.text).toContain('Added members: Taro Yamada\n')
      expect(mail.text).not.toContain(B)
    }
    const sales = sink.messages.filter(
      (m) => m.mail.subject === 'コミュニティにメンバが追加されました: 営業部会',
    )
    expect(sales.map((m) => m.to)).toEqual([['yamada@example.test'], ['sato@example.test']])
    expect(sales[1]!.mail.text).toContain('佐藤 花子 さん')
    expect(sales[1]!.mail.text).toContain('会議室: 営業部会\nURL: https://rooms.example.test/room-c-a')
    expect(sales[1]!.mail.text).toContain('Members were added to the community "Sales".')
    expect(sales.map((m) => m.mail.messageId)).toEqual([
      `<${memberNoticeMessageId('ev-1#members-added', 0, 'test-site')}>`,
      `<${memberNoticeMessageId('ev-1#members-added', 1, 'test-site')}>`,
    ])
    expect(new Set(sink.messages.map((m) => m.mail.messageId)).size).toBe(4)
    expect((await list('sent')).map((n) => [n.communityName, n.addedMembers, n.recipients])).toEqual([
      ['総務部会', [A], 2],
      ['営業部会', [A], 2],
    ])
    expect(h.part.book.pending()).toBe(0)
    expect(h.history('rooms')).toHaveLength(1)
    expect(h.history('rooms')[0]!.message).toContain('2 件送信(メール 4 通)')
  })

  it('F (c): a community created with members mails every member twice, or once with oneMailOnCreate', async () => {
    h.community('c-new', '新規部会')
    h.community('c-one', '単発部会')
    h.part.book.register(created('ev-new', 'c-new', [A, C, D], false))
    h.part.book.register(created('ev-one', 'c-one', [A, C], true))
    expect(await send()).toMatchObject({ sent: 3, failed: 0 })
    const twice = sink.messages.filter((m) => m.mail.subject?.endsWith('新規部会'))
    expect(twice.filter((m) => m.to[0] === 'yamada@example.test').map((m) => m.mail.subject)).toEqual([
      'コミュニティが作成され、メンバが追加されました: 新規部会',
      'コミュニティにメンバが追加されました: 新規部会',
    ])
    expect(twice.filter((m) => m.to[0] === 'sato@example.test')).toHaveLength(2)
    const once = sink.messages.filter((m) => m.mail.subject?.endsWith('単発部会'))
    expect(once.map((m) => m.to[0]).sort()).toEqual(['sato@example.test', 'yamada@example.test'])
    expect(sink.messages).toHaveLength(6)
  })

  it('people without an e-mail address are never mailed, and the English site writes English first', async () => {
    await h.close()
    h = openRoomsNotices(people, { now: () => now, language: 'en' })
    await h.useSmtp(sink.port)
    h.community('c-en', '英語部会', 'English club')
    h.part.book.register(added('ev-en', 'c-en', [D], [A]))
    await send()
    expect(sink.messages.map((m) => m.to)).toEqual([['yamada@example.test']])
    const { mail } = sink.messages[0]!
    expect(mail.subject).toBe('Members were added to the community: English club')
    expect(mail.text!.indexOf('Dear Taro Yamada,')).toBeLessThan(mail.text!.indexOf('山田 太郎 さん'))
  })

  it('a notice whose community was deleted (or never known) before the send is dropped and reported', async () => {
    h.community('c-gone', '解散部会')
    h.community('c-kept', '継続部会')
    h.part.book.register(added('ev-gone', 'c-gone', [C], [A]))
    h.part.book.register(added('ev-unknown', 'c-unknown', [C], [A]))
    h.part.book.register(added('ev-kept', 'c-kept', [C], [A]))
    h.deleteCommunity('c-gone')
    expect(await send()).toMatchObject({ sent: 1, dropped: 2, failed: 0 })
    expect(sink.messages.every((m) => m.mail.subject?.endsWith('継続部会'))).toBe(true)
    const dropped = await list('dropped')
    expect(dropped.map((n) => n.communityCode).sort()).toEqual(['c-gone', 'c-unknown'])
    expect(dropped[0]!.detail?.ja).toContain('削除された')
    expect(dropped[0]!.detail?.en).toContain('no longer exists')
    const lines = h.history('rooms').filter((e) => e.level === 'warning')
    expect(lines.some((e) => e.messageEn?.includes('c-gone'))).toBe(true)
    expect(h.part.book.pending()).toBe(0)
  })

  it('the same event registered twice (a replay) is one notice and one set of mails', async () => {
    h.community('c-a', '営業部会')
    h.part.book.register(added('ev-1', 'c-a', [C], [A]))
    h.part.book.register(added('ev-1', 'c-a', [C], [A], now + 60_000))
    expect(h.part.book.pending()).toBe(1)
    expect(h.changes).toEqual([{ pendingNotices: 1, plannedChanges: 0 }])
    await send()
    h.part.book.register(added('ev-1', 'c-a', [C], [A]))
    expect(await send()).toMatchObject({ sent: 0 })
    expect(sink.messages).toHaveLength(2)
  })

  it('no notice target chosen: a clear ja/en refusal and nothing changes', async () => {
    h.community('c-a', '営業部会')
    h.part.book.register(added('ev-1', 'c-a', [C], [A]))
    await h.useSmtp(null)
    const error = await send().then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).localized.ja).toContain('会議室の設定で通知先')
    expect((error as ApiError).localized.en).toContain('Pick a notice target')
    expect(await list('pending')).toHaveLength(1)
    expect(h.history('rooms')).toHaveLength(0)
  })

  it('the relay refuses every mail: the notice stays pending with its words, the run stops, a resend goes', async () => {
    const refusing = await startSmtpSink({ refuseWith: { code: 451, text: '4.3.0 try again later' } })
    try {
      h.community('c-a', '営業部会')
      h.community('c-b', '開発部会')
      h.part.book.register(added('ev-1', 'c-a', [C], [A]))
      h.part.book.register(added('ev-2', 'c-b', [C], [A], now + 1))
      await h.useSmtp(refusing.port)
      const result = await send()
      expect(result).toMatchObject({ sent: 0, failed: 1 })
      expect(result.outcome.en).toContain('2 still pending')
      const [second, first] = await list('pending')
      expect(first!.id).toBe('ev-1#members-added')
      expect(first!.detail?.en).toContain('try again later')
      expect(second!.detail).toBeNull()
      expect(h.history('rooms')[0]!.level).toBe('error')

      await h.useSmtp(sink.port)
      expect(await send()).toMatchObject({ sent: 2, failed: 0 })
      expect(sink.messages).toHaveLength(4)
      expect((await list('sent')).map((n) => n.detail)).toEqual([null, null])
    } finally {
      await refusing.stop()
    }
  })

  it('a mail refused half-way: the notice is not marked sent, and its resend keeps the Message-IDs', async () => {
    const refusing = await startRefusingSmtp('sato@example.test')
    try {
      h.community('c-a', '営業部会')
      h.part.book.register(added('ev-1', 'c-a', [C], [A]))
      await h.useSmtp(refusing.port)
      expect(await send()).toMatchObject({ sent: 0, failed: 1 })
      expect(refusing.accepted.map((m) => m.to)).toEqual([['yamada@example.test']])
      const [pending] = await list('pending')
      expect(pending!.detail?.ja).toContain('mailbox unknown')

      await h.useSmtp(sink.port)
      expect(await send()).toMatchObject({ sent: 1 })
      expect(mailsTo('yamada@example.test')[0]!.mail.messageId).toBe(refusing.accepted[0]!.mail.messageId)
      expect(mailsTo('sato@example.test')).toHaveLength(1)
    } finally {
      await refusing.stop()
    }
  })
})
