/**
 * The notice relay's core part in a real core: a home directory imported from CSV, events taken in through the
 * API and from calendar sync against Radicale (Debian's), opt-in rules, templates and settings as an admin sets
 * them. Where messages per target matter, the core part runs over the same data directory with its own target
 * list (the targets part is built elsewhere).
 */
import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { createNoticeCore } from '../../src/main/core/engines/notices/notice-core'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { openDatabase } from '../../src/main/core/store/database'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { calendarSecretName } from '../../src/shared/model/calendar-config'
import { ApiError } from '../../src/shared/model/errors'
import type { NoticeEventInput, NoticeInboxEvent } from '../../src/shared/model/notices'
import { writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { confirmedDirectoryRun } from '../support/directory-run'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { noticeContextFor, noticeTargetsOf } from '../support/notice-context'
import { startRadicale, type Radicale } from '../support/radicale'
import { openTestCore, tempDataDir } from '../support/test-core'

const staff: CsvPerson[] = [
  {
    key: 'E0001',
    login: 'yamada',
    name: '山田 太郎',
    email: 'yamada@example.jp',
    dept: 'S1',
    groups: '営業プロジェクト',
  },
  { key: 'E0002', login: 'sato', name: '佐藤 花子', email: 'Sato.Hanako@Example.jp', dept: 'S1' },
  {
    key: 'E0003',
    login: 'suzuki',
    name: '鈴木 一郎',
    email: 'suzuki@example.jp',
    dept: 'S1',
    status: '無効',
  },
  { key: 'E0004', login: 'kato', name: '加藤 桃子', dept: 'SALES' },
]

/** Seed ⑥'s 伝言, for Yamada, Sato (by e-mail, other case), a retired Suzuki and someone unknown. */
const message: NoticeEventInput = {
  id: 'dneo-msg-1001',
  kind: 'message.created',
  occurredAt: '2022-12-20T16:08:00+09:00',
  addressees: ['E0001', 'sato.hanako@example.JP', 'suzuki', 'nobody@example.jp', 'kato'],
  fields: {
    actor: '中野愛',
    when: '2022年12月20日 火曜日 16:08',
    requester: '○○株式会社 鈴木様',
    purpose: '折り返し電話をください',
    contact: 'XXX-XXXX',
  },
}

let dir: string
let clock: TestClock
let secrets: MemorySecretStore
let core: Core
let inbox: NoticeInboxEvent[]

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).code).toBe('invalid-input')
  return error as ApiError
}

beforeEach(async () => {
  dir = tempDataDir('renkei-notice-intake-')
  clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  secrets = new MemorySecretStore()
  core = await openTestCore(dir, { secrets, clock })
  await core.api['directory.config.update']({ source: { kind: 'csv', ...writeDirectoryCsv(dir, staff) } })
  expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
  inbox = []
  core.subscribe('notice.inbox', (event) => inbox.push(event))
  // Everyone gets 伝言; Sato opted out herself; the sales division (Kato's department) gets them too.
  await core.api['notice.optins.set']({
    scope: 'everyone',
    code: '',
    kinds: ['message.created'],
    enabled: true,
  })
  await core.api['notice.optins.set']({
    scope: 'employee',
    code: 'E0002',
    kinds: ['message.created'],
    enabled: false,
  })
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('notice intake', () => {
  it('takes an event in once: a repeat adds nothing, unknown and retired addressees are reported, an opt-out is respected', async () => {
    const first = await core.api['notice.events.ingest']({ event: message })
    expect(first).toMatchObject({
      accepted: true,
      addressees: ['E0001', 'E0002', 'E0003', 'E0004'],
      unknownAddressees: ['nobody@example.jp'],
      optedIn: 2,
    })
    expect(inbox.map((n) => [n.employeeKey, n.notice.subject])).toEqual([
      ['E0001', '伝言・所在: 中野愛さんより伝言'],
      ['E0004', '伝言・所在: 中野愛さんより伝言'],
    ])
    expect(inbox[0]!.notice.text).toContain('要件: 折り返し電話をください\n連絡先: XXX-XXXX\n内容: ---')

    const again = await core.api['notice.events.ingest']({ event: { ...message, fields: { actor: '別人' } } })
    expect(again).toMatchObject({ accepted: false, eventRow: first.eventRow, optedIn: 0, queued: 0 })
    expect(inbox).toHaveLength(2)
    const page = await core.api['notice.events.list']({})
    expect(page.events.map((e) => [e.eventId, e.title, e.unknownAddressees])).toEqual([
      ['dneo-msg-1001', '中野愛', ['nobody@example.jp']],
    ])
    expect(page.events[0]!.occurredAt).toBe(Date.parse('2022-12-20T07:08:00Z'))

    const history = await core.api['history.search']({ filter: { category: 'notices' }, limit: 10 })
    expect(history.entries).toHaveLength(1)
    expect(history.entries[0]).toMatchObject({ level: 'warning' })
    expect(history.entries[0]!.message).toContain('ホームディレクトリにない宛先: nobody@example.jp')
    expect(history.entries[0]!.message).toContain('無効な社員なので送りません: E0003')
    expect(history.entries[0]!.messageEn).toContain('addressees not in the home directory: nobody@example.jp')
  })

  it('refuses a bad event (ja/en) and records nothing', async () => {
    const bad = await refusal(
      core.api['notice.events.ingest']({ event: { ...message, occurredAt: '2022-12-20 16:08' } }),
    )
    expect(bad.localized.ja).toContain('オフセット付きの ISO 8601')
    expect(bad.localized.en).toContain('ISO 8601 with an offset')
    expect((await core.api['notice.events.list']({})).events).toEqual([])
    expect(inbox).toEqual([])
  })

  it('queues one message per opted-in person and target of the right role; no e-mail address → dropped and said why', async () => {
    await core.close()
    const ctx = noticeContextFor(dir, () => clock.now())
    let wakes = 0
    const part = createNoticeCore(ctx, {
      targets: noticeTargetsOf([
        { id: 'mail', name: 'メール', kind: 'smtp', recipient: '{email}' },
        { id: 'chat', name: 'XMPP', kind: 'xmpp', recipient: '{login}@chat.example.jp' },
        { id: 'back', name: 'グループウェア', kind: 'groupware', role: 'groupware', recipient: 'notice@gw' },
        { id: 'off', name: '停止中', kind: 'slack', enabled: false },
      ]),
      queue: { wake: () => wakes++ },
    })
    try {
      const first = part.intake.ingest('dneo', message)
      expect(part.intake.ingest('dneo', message).accepted).toBe(false)
      expect(first).toMatchObject({ accepted: true, optedIn: 2, queued: 3 })
      expect(wakes).toBe(1)
      const rows = ctx.db
        .prepare('SELECT target_id, employee_key, address, state, error FROM notice_messages ORDER BY id')
        .all()
      expect(rows).toEqual([
        {
          target_id: 'mail',
          employee_key: 'E0001',
          address: 'yamada@example.jp',
          state: 'pending',
          error: null,
        },
        {
          target_id: 'chat',
          employee_key: 'E0001',
          address: 'yamada@chat.example.jp',
          state: 'pending',
          error: null,
        },
        {
          target_id: 'mail',
          employee_key: 'E0004',
          address: '',
          state: 'dropped',
          error: JSON.stringify({ ja: 'メールアドレスがありません', en: 'no e-mail address' }),
        },
        {
          target_id: 'chat',
          employee_key: 'E0004',
          address: 'kato@chat.example.jp',
          state: 'pending',
          error: null,
        },
      ])
      const detail = await part.handlers['notice.events.get']({ row: first.eventRow })
      expect(detail.event.messages).toEqual({ pending: 3, sent: 0, 'set-aside': 0, dropped: 1 })
      expect(detail.messages.map((m) => [m.employeeName, m.state])).toContainEqual(['加藤 桃子', 'dropped'])
      // What the queue renders for a 'ja-en' target: Japanese then English in one message.
      const both = part.renderer.render('message.created', 'ja-en', message.fields, '山田 太郎')
      expect(both.subject).toBe('伝言・所在: 中野愛さんより伝言 / Messages: a message from 中野愛')
      expect(both.text).toMatch(
        /^伝言・所在: 中野愛さんより伝言\n[^]*内容: ---\n\nMessages: a message from 中野愛\n/,
      )
      expect(both.text).toContain('Purpose: 折り返し電話をください')
      // The way back (a chat message to the groupware) goes to the groupware target only.
      const chat = part.intake.ingest('chat', {
        id: 'c1',
        kind: 'chat.message',
        addressees: ['E0001'],
        fields: { actor: '中野愛', body: '資料を共有しました' },
      })
      expect(chat.optedIn).toBe(0)
    } finally {
      part.close()
      ctx.db.close()
    }
  })
})

describe("directory sync's account writes as notices", () => {
  it('a successful account write in a target becomes directory.account for its employee, once across restarts', async () => {
    await core.api['notice.settings.update']({ ownEvents: { directory: true } })
    await core.api['notice.optins.set']({
      scope: 'everyone',
      code: '',
      kinds: ['directory.account'],
      enabled: true,
    })
    await core.close()
    const ctx = noticeContextFor(dir, () => clock.now())
    // The rows directory sync writes per target write (target-applier.ts): one made, one failed, one group.
    const write = (level: 'info' | 'error', detail: object) =>
      ctx.history.append({
        direction: 'send',
        category: 'directory',
        level,
        site: 'LDAP',
        message: 'w',
        detail,
      })
    write('info', { object: 'user', key: 'E0001', action: 'create', fields: [] })
    write('error', { object: 'user', key: 'E0002', action: 'create', fields: [] })
    write('info', { object: 'group', key: '営業プロジェクト', action: 'create', fields: [] })
    const targets = noticeTargetsOf([])
    try {
      for (let start = 0; start < 2; start++)
        createNoticeCore(ctx, { targets, queue: { wake: () => {} } }).close()
      const part = createNoticeCore(ctx, { targets, queue: { wake: () => {} } })
      const events = (await part.handlers['notice.events.list']({ limit: 100 })).events
      expect(events.map((e) => [e.source, e.kind, e.addressees])).toEqual([
        ['directory', 'directory.account', ['E0001']],
      ])
      const detail = await part.handlers['notice.events.get']({ row: events[0]!.row })
      expect(detail.fields).toMatchObject({
        place: 'LDAP',
        body: 'アカウントを作成しました (account created)',
      })
      part.close()
    } finally {
      ctx.db.close()
    }
  })
})

describe('notice opt-in, templates and settings', () => {
  it('shows each person the kinds in effect and where they come from; unknown codes are refused and change nothing', async () => {
    await core.api['notice.optins.set']({
      scope: 'department',
      code: 'SALES',
      kinds: ['todo.added'],
      enabled: true,
    })
    await core.api['notice.optins.set']({
      scope: 'group',
      code: '営業プロジェクト',
      kinds: ['todo.added'],
      enabled: false,
    })
    const page = await core.api['notice.optins.get']({})
    const row = (key: string) => page.rows.find((r) => r.employeeKey === key)!
    expect(row('E0001')).toMatchObject({ on: ['message.created'], own: [] })
    expect(row('E0002')).toMatchObject({ on: ['todo.added'], own: ['message.created'] })
    expect(row('E0004').on).toEqual(['todo.added', 'message.created'])
    expect(page.rules).toHaveLength(3)

    for (const [scope, code] of [
      ['employee', 'E9999'],
      ['group', 'nope'],
      ['department', 'NOPE'],
      ['everyone', 'x'],
    ] as const) {
      const error = await refusal(
        core.api['notice.optins.set']({ scope, code, kinds: ['todo.added'], enabled: true }),
      )
      expect(error.localized.ja).toContain('何も変更していません')
      expect(error.localized.en).toContain('Nothing was changed')
    }
    expect((await core.api['notice.optins.get']({})).rules).toEqual(page.rules)
    const removed = await core.api['notice.optins.set']({
      scope: 'group',
      code: '営業プロジェクト',
      kinds: ['todo.added'],
      enabled: null,
    })
    expect(removed.rows.find((r) => r.employeeKey === 'E0001')!.on).toEqual(['todo.added', 'message.created'])
  })

  it('refuses a template with problems at save (line and column), previews it, and uses a saved one', async () => {
    const broken = {
      kind: 'message.created' as const,
      language: 'ja' as const,
      subject: '伝言',
      body: '依頼主: {{requestor}}\n{{when',
    }
    const error = await refusal(core.api['notice.templates.save'](broken))
    expect(error.localized.ja).toContain('本文 1 行 6 列')
    expect(error.localized.en).toContain('Body line 2, column 1')
    const preview = await core.api['notice.templates.preview'](broken)
    expect(preview.problems).toHaveLength(2)
    expect(preview.text).toBe('依頼主: ---\n{{when')
    expect((await core.api['notice.templates.list']({})).every((t) => !t.custom)).toBe(true)

    await core.api['notice.templates.save']({
      ...broken,
      subject: '{{recipientName}}さんへ伝言',
      body: '依頼主: {{requester}}',
    })
    await core.api['notice.events.ingest']({ event: message })
    expect(inbox[0]!.notice).toMatchObject({
      subject: '山田 太郎さんへ伝言',
      text: '依頼主: ○○株式会社 鈴木様',
    })
    const reset = await core.api['notice.templates.reset']({ kind: 'message.created', language: 'ja' })
    expect(reset).toMatchObject({ custom: false, subject: '伝言・所在: {{actor}}さんより伝言' })
  })

  it('checks portal origins whole: a bad one changes nothing', async () => {
    const error = await refusal(
      core.api['notice.settings.update']({
        portalOrigins: ['https://portal.example.co.jp', 'https://gw/dneo'],
      }),
    )
    expect(error.localized.ja).toContain('portalOrigins[1]')
    expect(error.localized.en).toContain('"https://gw/dneo" is not a portal origin')
    expect((await core.api['notice.settings.get']({})).portalOrigins).toEqual([])
    const saved = await core.api['notice.settings.update']({
      portalOrigins: ['https://portal.example.co.jp'],
    })
    expect(saved.portalOrigins).toEqual(['https://portal.example.co.jp'])
  })
})

describe("calendar sync's changes as notices", () => {
  let radicale: Radicale
  let feeds: IcsFeedServer
  let calendars = 0
  beforeAll(async () => {
    radicale = await startRadicale()
    feeds = await startIcsFeedServer()
  })
  afterAll(async () => {
    await feeds.stop()
    await radicale.stop()
  })

  const feed = (start: string, end: string): string =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//renkei test//EN',
      'BEGIN:VEVENT',
      'UID:teirei-1@example.jp',
      'DTSTAMP:20261120T000000Z',
      `DTSTART;TZID=Asia/Tokyo:${start}`,
      `DTEND;TZID=Asia/Tokyo:${end}`,
      'SUMMARY:定例会議',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n')

  /** Yamada's pair (ICS feed → Radicale) with 予定 notices on for him. */
  async function yamadasPair(): Promise<void> {
    await secrets.set(calendarSecretName('u0001', 'target'), radicale.users['alice']!)
    const calendarUrl = await radicale.makeCalendar('alice', `notice-cal-${++calendars}`, {
      timeZone: 'Asia/Tokyo',
    })
    feeds.setFeed('/yamada.ics', feed('20261201T100000', '20261201T110000'))
    await core.api['notice.optins.set']({
      scope: 'employee',
      code: 'E0001',
      kinds: ['schedule.added', 'schedule.changed'],
      enabled: true,
    })
    await core.api['calendar.pairs.save']({
      id: 'u0001',
      number: 1,
      name: '山田 太郎',
      employeeKey: 'E0001',
      source: { kind: 'ics', url: feeds.url('/yamada.ics'), auth: 'none', username: '', maxMegabytes: 20 },
      target: { kind: 'caldav', url: calendarUrl, preset: 'generic', auth: 'basic', username: 'alice' },
    })
  }

  it('a moved event becomes schedule.changed for the pair’s employee, with the old and new time', async () => {
    await yamadasPair()
    expect(await core.api['calendar.run']({ id: 'u0001' })).toMatchObject({ created: 1 })
    feeds.setFeed('/yamada.ics', feed('20261201T110000', '20261201T120000'))
    await clock.advance(60_000)
    expect(await core.api['calendar.run']({ id: 'u0001' })).toMatchObject({ updated: 1 })

    const events = (await core.api['notice.events.list']({})).events
    expect(events.map((e) => [e.source, e.kind, e.addressees])).toEqual([
      ['calendar', 'schedule.changed', ['E0001']],
      ['calendar', 'schedule.added', ['E0001']],
    ])
    const changed = await core.api['notice.events.get']({ row: events[0]!.row })
    expect(changed.fields).toMatchObject({
      when: '2026/12/01 11:00 ~ 2026/12/01 12:00',
      oldWhen: '2026/12/01 10:00 ~ 2026/12/01 11:00',
      changedBy: 'Renkei',
      title: '定例会議',
    })
    expect(inbox.map((n) => n.notice.subject)).toEqual([
      'スケジュール: 予定が追加されました',
      'スケジュール: 予定が変更されました',
    ])
    expect(inbox[1]!.notice.text).toContain(
      '下記の内容で予定を変更しました。\n日時: 2026/12/01 11:00 ~ 2026/12/01 12:00',
    )
  })
  it('a change committed just before a kill -9 (simulated: notice rows and the seen mark rewound) is noticed at the next start, once', async () => {
    await yamadasPair()
    expect(await core.api['calendar.run']({ id: 'u0001' })).toMatchObject({ created: 1 })
    await core.close()
    const db = openDatabase(dir)
    db.prepare('DELETE FROM notice_inbox').run()
    db.prepare('DELETE FROM notice_events').run()
    const before = db.prepare(`SELECT min(id) - 1 FROM history WHERE category = 'calendar'`).pluck().get()
    db.prepare(`UPDATE settings SET value = ? WHERE key = 'notices.calendar-history-seen'`).run(
      String(before),
    )
    db.close()

    for (let start = 0; start < 2; start++) {
      core = await openTestCore(dir, { secrets, clock })
      const events = (await core.api['notice.events.list']({})).events
      expect(events.map((e) => [e.source, e.kind, e.addressees])).toEqual([
        ['calendar', 'schedule.added', ['E0001']],
      ])
      await core.close()
    }
    core = await openTestCore(dir, { secrets, clock })
  })
})
