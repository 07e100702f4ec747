/**
 * Renkei's own change records as notices: calendar sync against Radicale (Debian's) and directory sync's
 * account writes, read from the history they are committed with (so a kill -9 in between loses none).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNoticeCore } from '../../src/main/core/engines/notices/notice-core'
import { openDatabase } from '../../src/main/core/store/database'
import { calendarSecretName } from '../../src/shared/model/calendar-config'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { noticeContextFor, noticeTargetsOf } from '../support/notice-context'
import { openNoticeHome, type NoticeHome } from '../support/notice-home'
import { startRadicale, type Radicale } from '../support/radicale'
import { openTestCore } from '../support/test-core'

let home: NoticeHome
beforeEach(async () => {
  home = await openNoticeHome('renkei-notice-own-')
})
afterEach(() => home.close())

describe("directory sync's account writes as notices", () => {
  it('a successful account write in a target becomes directory.account for its employee, once across restarts', async () => {
    await home.core.api['notice.settings.update']({ ownEvents: { directory: true } })
    await home.core.api['notice.optins.set']({
      scope: 'everyone',
      code: '',
      kinds: ['directory.account'],
      enabled: true,
    })
    await home.core.close()
    const ctx = noticeContextFor(home.dir, () => home.clock.now())
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
    await home.secrets.set(calendarSecretName('u0001', 'target'), radicale.users['alice']!)
    const calendarUrl = await radicale.makeCalendar('alice', `notice-cal-${++calendars}`, {
      timeZone: 'Asia/Tokyo',
    })
    feeds.setFeed('/yamada.ics', feed('20261201T100000', '20261201T110000'))
    await home.core.api['notice.optins.set']({
      scope: 'employee',
      code: 'E0001',
      kinds: ['schedule.added', 'schedule.changed'],
      enabled: true,
    })
    await home.core.api['calendar.pairs.save']({
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
    expect(await home.core.api['calendar.run']({ id: 'u0001' })).toMatchObject({ created: 1 })
    feeds.setFeed('/yamada.ics', feed('20261201T110000', '20261201T120000'))
    await home.clock.advance(60_000)
    expect(await home.core.api['calendar.run']({ id: 'u0001' })).toMatchObject({ updated: 1 })

    const events = (await home.core.api['notice.events.list']({})).events
    expect(events.map((e) => [e.source, e.kind, e.addressees])).toEqual([
      ['calendar', 'schedule.changed', ['E0001']],
      ['calendar', 'schedule.added', ['E0001']],
    ])
    const changed = await home.core.api['notice.events.get']({ row: events[0]!.row })
    expect(changed.fields).toMatchObject({
      when: '2026/12/01 11:00 ~ 2026/12/01 12:00',
      oldWhen: '2026/12/01 10:00 ~ 2026/12/01 11:00',
      changedBy: 'Renkei',
      title: '定例会議',
    })
    expect(home.inbox.map((n) => n.notice.subject)).toEqual([
      'スケジュール: 予定が追加されました',
      'スケジュール: 予定が変更されました',
    ])
    expect(home.inbox[1]!.notice.text).toContain(
      '下記の内容で予定を変更しました。\n日時: 2026/12/01 11:00 ~ 2026/12/01 12:00',
    )
  })
  it('a change committed just before a kill -9 (simulated: notice rows and the seen mark rewound) is noticed at the next start, once', async () => {
    await yamadasPair()
    expect(await home.core.api['calendar.run']({ id: 'u0001' })).toMatchObject({ created: 1 })
    await home.core.close()
    const db = openDatabase(home.dir)
    db.prepare('DELETE FROM notice_inbox').run()
    db.prepare('DELETE FROM notice_events').run()
    const before = db.prepare(`SELECT min(id) - 1 FROM history WHERE category = 'calendar'`).pluck().get()
    db.prepare(`UPDATE settings SET value = ? WHERE key = 'notices.calendar-history-seen'`).run(
      String(before),
    )
    db.close()

    for (let start = 0; start < 2; start++) {
      home.core = await openTestCore(home.dir, { secrets: home.secrets, clock: home.clock })
      const events = (await home.core.api['notice.events.list']({})).events
      expect(events.map((e) => [e.source, e.kind, e.addressees])).toEqual([
        ['calendar', 'schedule.added', ['E0001']],
      ])
      await home.core.close()
    }
    home.core = await openTestCore(home.dir, { secrets: home.secrets, clock: home.clock })
  })
})
