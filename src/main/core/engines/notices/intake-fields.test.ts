import { describe, expect, it } from 'vitest'
import type { CalendarChange } from '../../../../shared/model/calendar'
import { calendarPairConfig } from '../../../../shared/model/calendar-config'
import { ApiError } from '../../../../shared/model/errors'
import { noticeTargetInput } from '../../../../shared/model/notices'
import { portalOriginProblem } from './core-settings'
import { targetTakes } from './intake-address'
import { fillRecipient } from './target-recipient'
import { calendarNotice, pairAddressee, seedTimeRange } from './intake-own-events'
import { occurredAt } from './intake-time'

const person = {
  key: 'E0001',
  login: 'yamada',
  name: '山田 太郎',
  email: 'Yamada.Taro@example.jp',
  department: 'S1',
  groups: [],
  active: true,
}

describe('occurredAt', () => {
  it('takes ISO 8601 with an offset, milliseconds, or now when absent', () => {
    expect(occurredAt('2022-12-20T16:08:00+09:00', 1)).toBe(Date.parse('2022-12-20T07:08:00Z'))
    expect(occurredAt('2022-12-20T07:08Z', 1)).toBe(Date.parse('2022-12-20T07:08:00Z'))
    expect(occurredAt(1_671_520_080_000, 1)).toBe(1_671_520_080_000)
    expect(occurredAt(undefined, 42)).toBe(42)
  })

  it.each(['2022-12-20T16:08:00', '2022-12-20', 'yesterday', '2022-13-40T99:00:00Z'])(
    'refuses %s in Japanese and English',
    (value) => {
      const error = (() => {
        try {
          occurredAt(value, 1)
        } catch (e) {
          return e
        }
      })() as ApiError
      expect(error).toBeInstanceOf(ApiError)
      expect(error.code).toBe('invalid-input')
      expect(error.localized.ja).toContain('オフセット付きの ISO 8601')
      expect(error.localized.en).toContain('ISO 8601 with an offset')
    },
  )

  it('refuses seconds-looking or negative numbers beyond year 9999 or before 1970', () => {
    expect(() => occurredAt(-5, 1)).toThrow(ApiError)
    expect(() => occurredAt(1_671_520_080_000_000, 1)).toThrow(ApiError)
  })
})

describe('recipient pattern', () => {
  it('fills {email} {login} {key} {localpart}', () => {
    expect(fillRecipient('{login}@chat.example.co.jp', person)).toEqual({
      address: 'yamada@chat.example.co.jp',
      missing: null,
    })
    expect(fillRecipient('@{localpart}/{key}', person).address).toBe('@Yamada.Taro/E0001')
  })

  it('an address that needs the missing e-mail is no address, and says why', () => {
    const noMail = { ...person, email: null }
    expect(fillRecipient('{email}', noMail)).toEqual({
      address: '',
      missing: { ja: 'メールアドレスがありません', en: 'no e-mail address' },
    })
    expect(fillRecipient('{localpart}@chat', noMail).missing?.en).toBe('no e-mail address')
  })

  it('chat targets take every kind but chat.message; groupware targets only chat.message', () => {
    const chat = noticeTargetInput.parse({ id: 'a', name: 'a', kind: 'slack' })
    const back = noticeTargetInput.parse({ id: 'b', name: 'b', kind: 'groupware', role: 'groupware' })
    expect([targetTakes(chat, 'schedule.added'), targetTakes(chat, 'chat.message')]).toEqual([true, false])
    expect([targetTakes(back, 'schedule.added'), targetTakes(back, 'chat.message')]).toEqual([false, true])
  })
})

describe("seed's time range", () => {
  it('prints wall times as 2022/12/20 11:00 ~ 2022/12/20 12:00', () => {
    const range = {
      start: '2022-12-20T11:00:00',
      end: '2022-12-20T12:00:00',
      allDay: false,
      timeZone: 'Asia/Tokyo',
    }
    expect(seedTimeRange(range)).toBe('2022/12/20 11:00 ~ 2022/12/20 12:00')
  })

  it('prints an all-day event without its exclusive end date', () => {
    expect(seedTimeRange({ start: '2022-12-20', end: '2022-12-21', allDay: true, timeZone: null })).toBe(
      '2022/12/20',
    )
    expect(seedTimeRange({ start: '2022-12-20', end: '2022-12-23', allDay: true, timeZone: null })).toBe(
      '2022/12/20 ~ 2022/12/22',
    )
  })
})

describe('portal origins', () => {
  it.each(['https://portal.example.co.jp', 'http://192.168.0.10:8080', 'https://[::1]:8443'])(
    'accepts %s',
    (o) => {
      expect(portalOriginProblem(o)).toBeNull()
    },
  )

  it.each([
    'https://portal.example.co.jp/',
    'https://portal/dneo',
    'ftp://portal',
    'https://u:p@portal',
    'https://a:99999',
  ])('refuses %s (ja/en)', (o) => {
    const problem = portalOriginProblem(o)
    expect(problem?.ja).toContain('オリジンではありません')
    expect(problem?.en).toContain('is not a portal origin')
  })
})

describe("a calendar pair's addressee", () => {
  const index = {
    byKey: new Map([[person.key, person]]),
    byLogin: new Map([[person.login, person]]),
    byEmail: new Map([[person.email.toLowerCase(), person]]),
    parents: new Map(),
    groups: new Set<string>(),
  }
  const change: CalendarChange = {
    pairId: 'u0001',
    user: '山田 太郎',
    action: 'updated',
    side: 'target',
    uid: 'x'.repeat(250),
    summary: '定例会議',
    recurring: false,
    where: 'caldav.example.jp/yamada/',
    when: Date.parse('2026-11-23T09:00:00+09:00'),
    by: 'Renkei',
    oldTime: null,
    newTime: null,
  }
  const pair = (employeeKey: string, username: string) =>
    calendarPairConfig.parse({
      id: 'u0001',
      number: 1,
      name: '山田 太郎',
      employeeKey,
      source: { kind: 'ics', url: 'https://calendar.example.jp/a.ics' },
      target: { kind: 'caldav', url: 'https://caldav.example.jp/yamada/', username },
    })

  it('is the employee key when set, else a sign-in name that is a login or e-mail at home', () => {
    expect(pairAddressee(pair('E0001', ''), change, index)).toBe('E0001')
    expect(pairAddressee(pair('', 'YAMADA.taro@example.jp'), change, index)).toBe('E0001')
    expect(pairAddressee(pair('', 'yamada'), change, index)).toBe('E0001')
    // Nobody found: the user as given, so the intake reports it as unknown.
    expect(pairAddressee(pair('', 'someone'), change, index)).toBe('山田 太郎')
  })

  it('keeps event ids within 200 characters for long UIDs, still one per change', () => {
    const event = calendarNotice(change, 'E0001')
    expect(event.id.length).toBeLessThanOrEqual(200)
    expect(calendarNotice({ ...change, uid: 'y'.repeat(250) }, 'E0001').id).not.toBe(event.id)
    expect(event.kind).toBe('schedule.changed')
  })
})
