/**
 * The site link's schedule source against a real ICS feed server and a real Radicale, through calendar
 * sync's own connectors and parser: the 370-day horizon moving in 7-day steps, private → busy-only,
 * overrides and EXDATE, all-day events and time zones. Tests run in Asia/Tokyo (vitest.config.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarPairConfig } from '../../src/shared/model/calendar-config'
import { calendarPairConfig } from '../../src/shared/model/calendar-config'
import { createCalDavConnector } from '../../src/main/core/connectors/caldav/caldav-connector'
import { createFeedConnector } from '../../src/main/core/connectors/ics/ics-feed'
import { parseCalendar } from '../../src/main/core/connectors/ics/ics-parser'
import { ScheduleSource, type EmployeeSchedule } from '../../src/main/core/engines/sitelink/schedule-source'
import { scheduleWindow } from '../../src/main/core/engines/sitelink/schedule-window'
import type { LinkScheduleItem } from '../../src/shared/model/sitelink'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startRadicale, type Radicale } from '../support/radicale'

const signal = new AbortController().signal
const day = 86_400_000
/** 2026-12-02 12:00 in Tokyo: the operation date. */
const operation = Date.parse('2026-12-02T12:00:00+09:00')

const tokyo = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Tokyo',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
]

function calendar(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Renkei tests//JA',
    ...tokyo,
    ...events.flat(),
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

function vevent(uid: string, lines: string[]): string[] {
  return ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT']
}

const secretWords = ['人事面談', '役員会議室', '給与の件', 'Secret board']

const feedText = calendar(
  // Weekly on Mondays 09:00 Tokyo, open-ended; one Monday skipped, one moved to 10:00 with another title.
  vevent('weekly', [
    'DTSTART;TZID=Asia/Tokyo:20261102T090000',
    'DTEND;TZID=Asia/Tokyo:20261102T100000',
    'RRULE:FREQ=WEEKLY;BYDAY=MO',
    'EXDATE;TZID=Asia/Tokyo:20261109T090000',
    'SUMMARY:定例会議',
    'LOCATION:第1会議室',
  ]),
  vevent('weekly', [
    'RECURRENCE-ID;TZID=Asia/Tokyo:20261116T090000',
    'DTSTART;TZID=Asia/Tokyo:20261116T100000',
    'DTEND;TZID=Asia/Tokyo:20261116T110000',
    'SUMMARY:定例会議（時間変更）',
  ]),
  vevent('weekly', [
    'RECURRENCE-ID;TZID=Asia/Tokyo:20261123T090000',
    'DTSTART;TZID=Asia/Tokyo:20261123T090000',
    'DTEND;TZID=Asia/Tokyo:20261123T100000',
    'STATUS:CANCELLED',
    'SUMMARY:定例会議',
  ]),
  // Private single event and a confidential series whose override does not repeat the class.
  vevent('private-1', [
    'DTSTART:20261203T010000Z',
    'DTEND:20261203T020000Z',
    'CLASS:PRIVATE',
    'SUMMARY:人事面談',
    'LOCATION:役員会議室',
    'DESCRIPTION:給与の件',
  ]),
  vevent('secret-series', [
    'DTSTART;TZID=Asia/Tokyo:20261201T180000',
    'DTEND;TZID=Asia/Tokyo:20261201T190000',
    'RRULE:FREQ=DAILY;COUNT=3',
    'CLASS:CONFIDENTIAL',
    'SUMMARY:Secret board',
  ]),
  vevent('secret-series', [
    'RECURRENCE-ID;TZID=Asia/Tokyo:20261202T180000',
    'DTSTART;TZID=Asia/Tokyo:20261202T200000',
    'DTEND;TZID=Asia/Tokyo:20261202T210000',
    'SUMMARY:Secret board',
  ]),
  // EXDATE written in UTC for a zoned series, and an extra date (RDATE) outside the rule.
  vevent('monthly', [
    'DTSTART;TZID=Asia/Tokyo:20261201T150000',
    'DTEND;TZID=Asia/Tokyo:20261201T160000',
    'RRULE:FREQ=MONTHLY;BYMONTHDAY=1;COUNT=4',
    'EXDATE:20270101T060000Z',
    'RDATE;TZID=Asia/Tokyo:20261215T150000',
    'SUMMARY:月次報告',
  ]),
  // An all-day yearly series that began before the window.
  vevent('founding-day', ['DTSTART;VALUE=DATE:20250110', 'RRULE:FREQ=YEARLY', 'SUMMARY:創立記念日']),
  // All-day, two days.
  vevent('holiday', ['DTSTART;VALUE=DATE:20261228', 'DTEND;VALUE=DATE:20261230', 'SUMMARY:年末休暇']),
  // Before the window (which starts 2026-11-01): not carried.
  vevent('old', ['DTSTART:20261015T000000Z', 'DTEND:20261015T010000Z', 'SUMMARY:古い予定']),
  // A daily series: its reach shows the horizon.
  vevent('daily', [
    'DTSTART;TZID=Asia/Tokyo:20261001T080000',
    'DTEND;TZID=Asia/Tokyo:20261001T083000',
    'RRULE:FREQ=DAILY',
    'SUMMARY:朝礼',
  ]),
)

function pair(id: string, employeeKey: string, source: CalendarPairConfig['source']): CalendarPairConfig {
  return calendarPairConfig.parse({
    id,
    number: id.length,
    name: id,
    employeeKey,
    source,
    target: { kind: 'caldav', url: 'http://127.0.0.1:9/unused/' },
  })
}

let feeds: IcsFeedServer
let radicale: Radicale
let source: ScheduleSource

beforeAll(async () => {
  feeds = await startIcsFeedServer()
  feeds.setFeed('/u1.ics', feedText)
  radicale = await startRadicale()
  const url = await radicale.makeCalendar('alice', 'work')
  radicale.seedObjects('alice', 'work', [
    {
      name: 'a.ics',
      ics: calendar(
        vevent('caldav-1', [
          'DTSTART;TZID=Asia/Tokyo:20261210T140000',
          'DTEND;TZID=Asia/Tokyo:20261210T150000',
          'SUMMARY:商談',
        ]),
      ),
    },
    {
      name: 'b.ics',
      ics: calendar(
        vevent('caldav-2', [
          'DTSTART;TZID=Asia/Tokyo:20261211T140000',
          'DTEND;TZID=Asia/Tokyo:20261211T150000',
          'CLASS:PRIVATE',
          'SUMMARY:人事面談',
        ]),
      ),
    },
    {
      // Apple Calendar Server marks private events with its own property instead of CLASS.
      name: 'c.ics',
      ics: calendar(
        vevent('caldav-3', [
          'DTSTART;TZID=Asia/Tokyo:20261212T140000',
          'DTEND;TZID=Asia/Tokyo:20261212T150000',
          'X-CALENDARSERVER-ACCESS:CONFIDENTIAL',
          'SUMMARY:役員会議室',
        ]),
      ),
    },
  ])
  const pairs = [
    pair('p-feed', 'u0001', { kind: 'ics', url: feeds.url('/u1.ics') } as CalendarPairConfig['source']),
    pair('p-dav', 'u0002', { kind: 'caldav', url } as CalendarPairConfig['source']),
    pair('p-none', '', { kind: 'ics', url: feeds.url('/u1.ics') } as CalendarPairConfig['source']),
  ]
  source = new ScheduleSource({
    pairs: () => pairs,
    parse: parseCalendar,
    open: async (p) =>
      p.source.kind === 'ics'
        ? { feed: createFeedConnector(p.source, null), source: null }
        : {
            feed: null,
            source: createCalDavConnector(
              { url: p.source.url },
              { kind: 'basic', username: 'alice', password: radicale.users['alice']! },
            ),
          },
  })
})

afterAll(async () => {
  await feeds?.stop()
  await radicale?.stop()
})

function ok(schedule: EmployeeSchedule): readonly LinkScheduleItem[] {
  if (schedule.status !== 'ok') throw new Error(schedule.error.en)
  return schedule.items
}

const tokyoTime = (ms: number): string =>
  new Date(ms + 9 * 3_600_000).toISOString().replace(':00.000Z', '').replace('T', ' ')

describe('schedule source', () => {
  it('streams one employee at a time, only those with a source', async () => {
    const window = scheduleWindow(operation, null)
    const seen: string[] = []
    for await (const schedule of source.all(window, signal)) seen.push(schedule.employeeKey)
    expect(seen).toEqual(['u0001', 'u0002'])
  })

  it('expands series with EXDATE, overrides and cancelled occurrences in the Tokyo zone', async () => {
    const items = ok(await source.forEmployee('u0001', scheduleWindow(operation, null), signal))
    const weekly = items.filter((i) => i.id.startsWith('weekly/')).slice(0, 4)
    expect(weekly.map((i) => [i.id, tokyoTime(i.start), tokyoTime(i.end), i.summary])).toEqual([
      ['weekly/20261102T000000Z', '2026-11-02 09:00', '2026-11-02 10:00', '定例会議'],
      ['weekly/20261116T000000Z', '2026-11-16 10:00', '2026-11-16 11:00', '定例会議（時間変更）'],
      ['weekly/20261130T000000Z', '2026-11-30 09:00', '2026-11-30 10:00', '定例会議'],
      ['weekly/20261207T000000Z', '2026-12-07 09:00', '2026-12-07 10:00', '定例会議'],
    ])
    expect(items.find((i) => i.id === 'weekly/20261102T000000Z')?.location).toBe('第1会議室')
    expect(items.some((i) => i.id.startsWith('old'))).toBe(false)
  })

  it('reads EXDATE in another zone and RDATE outside the rule', async () => {
    const items = ok(await source.forEmployee('u0001', scheduleWindow(operation, null), signal))
    expect(items.filter((i) => i.id.startsWith('monthly/')).map((i) => tokyoTime(i.start))).toEqual([
      '2026-12-01 15:00',
      '2026-12-15 15:00',
      '2027-02-01 15:00',
      '2027-03-01 15:00',
    ])
  })

  it('reads the next employee only when the caller asks for it', async () => {
    const requests = (): number => feeds.requests.filter((r) => r.path === '/u1.ics').length
    const before = requests()
    const stream = source.all(scheduleWindow(operation, null), signal)
    expect(requests()).toBe(before)
    const first = await stream.next()
    expect(first.value?.employeeKey).toBe('u0001')
    expect(requests()).toBe(before + 1)
    await stream.return(undefined)
  })

  it('carries private and confidential events as busy-only, with no text anywhere', async () => {
    const items = ok(await source.forEmployee('u0001', scheduleWindow(operation, null), signal))
    const busy = items.filter((i) => i.busyOnly)
    expect(busy.map((i) => [i.id, tokyoTime(i.start)])).toEqual([
      ['secret-series/20261201T090000Z', '2026-12-01 18:00'],
      ['secret-series/20261202T090000Z', '2026-12-02 20:00'],
      ['private-1', '2026-12-03 10:00'],
      ['secret-series/20261203T090000Z', '2026-12-03 18:00'],
    ])
    for (const item of busy)
      expect([item.summary, item.location, item.description]).toEqual([null, null, null])
    const json = JSON.stringify(items)
    for (const word of secretWords) expect(json).not.toContain(word)
  })

  it('keeps all-day events as dates', async () => {
    const items = ok(await source.forEmployee('u0001', scheduleWindow(operation, null), signal))
    const holiday = items.find((i) => i.id === 'holiday')
    expect(holiday).toMatchObject({
      allDay: true,
      start: Date.UTC(2026, 11, 28),
      end: Date.UTC(2026, 11, 30),
      summary: '年末休暇',
    })
    const founding = items.filter((i) => i.id.startsWith('founding-day/'))
    expect(founding.map((i) => [i.id, i.allDay, i.start, i.end])).toEqual([
      ['founding-day/20270110', true, Date.UTC(2027, 0, 10), Date.UTC(2027, 0, 11)],
    ])
  })

  it('carries series 370 days ahead and extends them 7 days at a time as the clock moves', async () => {
    const lastDaily = async (now: number, previous: number | null): Promise<[string, number]> => {
      const window = scheduleWindow(now, previous)
      const items = ok(await source.forEmployee('u0001', window, signal)).filter((i) =>
        i.id.startsWith('daily/'),
      )
      return [tokyoTime(items[items.length - 1]!.start), window.horizon]
    }
    const [first, horizon] = await lastDaily(operation, null)
    // Operation date 2026-12-02 + 370 days = 2027-12-07: the last occurrence is the day before.
    expect(first).toBe('2027-12-06 08:00')
    const [sixDays, sameHorizon] = await lastDaily(operation + 6 * day, horizon)
    expect([sixDays, sameHorizon]).toEqual([first, horizon])
    const [sevenDays, stepped] = await lastDaily(operation + 7 * day, horizon)
    expect(sevenDays).toBe('2027-12-13 08:00')
    const [thirteen] = await lastDaily(operation + 13 * day, stepped)
    expect(thirteen).toBe('2027-12-13 08:00')
    const [later] = await lastDaily(operation + 30 * day, stepped)
    // 30 days later: four more whole steps (28 days), not 30.
    expect(later).toBe('2028-01-03 08:00')
    // The window's start follows the clock: the first day of the previous month.
    const items = ok(await source.forEmployee('u0001', scheduleWindow(operation + 30 * day, stepped), signal))
    expect(tokyoTime(items[0]!.start)).toBe('2026-12-01 08:00')
  })

  it('reads a CalDAV source the same way', async () => {
    const items = ok(await source.forEmployee('u0002', scheduleWindow(operation, null), signal))
    expect(items.map((i) => [i.id, tokyoTime(i.start), i.busyOnly, i.summary])).toEqual([
      ['caldav-1', '2026-12-10 14:00', false, '商談'],
      ['caldav-2', '2026-12-11 14:00', true, null],
      ['caldav-3', '2026-12-12 14:00', true, null],
    ])
    for (const word of secretWords) expect(JSON.stringify(items)).not.toContain(word)
  })

  it('reports a source that cannot be read instead of an empty schedule', async () => {
    feeds.setStatus('/u1.ics', 500, 'down')
    const schedule = await source.forEmployee('u0001', scheduleWindow(operation, null), signal)
    feeds.setFeed('/u1.ics', feedText)
    expect(schedule.status).toBe('failed')
    if (schedule.status === 'failed') expect(schedule.error.ja).toContain('p-feed')
  })
})
