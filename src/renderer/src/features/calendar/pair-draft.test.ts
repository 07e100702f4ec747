import { describe, expect, it } from 'vitest'
import { calendarPairConfig } from '../../../../shared/model/calendar-config'
import {
  draftToPair,
  googleCalendarIdOf,
  googleCalendarUrl,
  issuesToErrors,
  newPairDraft,
  pairIdFor,
  pairToDraft,
  suggestNumber,
  type OtherPair,
  type PairDraft,
} from './pair-draft'

const none: readonly OtherPair[] = []

function feedDraft(patch: Partial<PairDraft> = {}): PairDraft {
  return {
    ...newPairDraft(3),
    name: '山田 太郎',
    sourceUrl: 'http://127.0.0.1:8080/yamada.ics',
    targetUrl: 'http://127.0.0.1:5232/yamada/calendar/',
    targetUsername: 'yamada',
    ...patch,
  }
}

describe('pair ids and numbers', () => {
  it('derives u0001-style ids from whole numbers only', () => {
    expect(pairIdFor('1')).toBe('u0001')
    expect(pairIdFor(' 12345 ')).toBe('u12345')
    expect(pairIdFor('0')).toBe('')
    expect(pairIdFor('1.5')).toBe('')
    expect(pairIdFor('')).toBe('')
  })

  it('suggests one past the largest number in use', () => {
    expect(suggestNumber([])).toBe(1)
    expect(suggestNumber([3, 9, 4])).toBe(10)
  })
})

describe('Google calendar ids', () => {
  it('builds the CalDAV collection URL with the id encoded, and reads it back', () => {
    const url = googleCalendarUrl('team@group.calendar.google.com')
    expect(url).toBe(
      'https://apidata.googleusercontent.com/caldav/v2/team%40group.calendar.google.com/events/',
    )
    expect(googleCalendarIdOf(url)).toBe('team@group.calendar.google.com')
    expect(googleCalendarIdOf('https://cal.example.jp/a/')).toBe('')
  })
})

describe('draftToPair', () => {
  it('turns a feed → CalDAV form into a config the core schema accepts', () => {
    const result = draftToPair(feedDraft(), none)
    if (!('config' in result)) throw new Error([...result.errors.keys()].join())
    expect(result.config).toMatchObject({
      id: 'u0003',
      number: 3,
      source: { kind: 'ics', auth: 'none', maxMegabytes: 20 },
      target: { preset: 'generic', auth: 'basic', username: 'yamada' },
      direction: 'one-way',
    })
    expect(calendarPairConfig.safeParse(result.config).success).toBe(true)
  })

  it('sends Google pairs as OAuth with the URL built from the calendar id', () => {
    const result = draftToPair(feedDraft({ targetPreset: 'google', googleCalendarId: 'primary' }), none)
    if (!('config' in result)) throw new Error('refused')
    expect(result.config.target).toEqual({
      kind: 'caldav',
      url: 'https://apidata.googleusercontent.com/caldav/v2/primary/events/',
      preset: 'google',
      auth: 'oauth',
      username: '',
    })
    expect(calendarPairConfig.safeParse(result.config).success).toBe(true)
  })

  it('names each problem by the field path the core uses', () => {
    const result = draftToPair(
      feedDraft({ number: 'x', name: ' ', sourceUrl: 'ftp://a', feedAuth: 'basic', targetUrl: '' }),
      none,
    )
    if (!('errors' in result)) throw new Error('accepted')
    expect([...result.errors.keys()]).toEqual([
      'number',
      'name',
      'source.url',
      'source.username',
      'target.url',
    ])
    expect(result.errors.get('source.url')?.key).toBe('calendar.error.url')
  })

  it("refuses another pair's id (saving it would replace that pair) and number", () => {
    const result = draftToPair(feedDraft(), [{ id: 'u0003', number: 3 }])
    if (!('errors' in result)) throw new Error('accepted')
    expect(result.errors.get('id')?.key).toBe('calendar.error.idTaken')
    expect(result.errors.get('number')?.key).toBe('calendar.error.numberTaken')
  })

  it('refuses two-way from a read-only feed', () => {
    const result = draftToPair(feedDraft({ direction: 'two-way' }), none)
    expect('errors' in result && result.errors.get('direction')?.key).toBe('calendar.error.twoWayNeedsCaldav')
  })

  it('round-trips a saved CalDAV → Google pair through the form unchanged', () => {
    const saved = calendarPairConfig.parse({
      id: 'sato',
      number: 7,
      name: '佐藤 花子',
      employeeKey: 'E0002',
      permitted: false,
      source: { kind: 'caldav', url: 'https://gw.example.jp/dav/sato/', username: 'sato' },
      target: {
        kind: 'caldav',
        url: googleCalendarUrl('sato@example.jp'),
        preset: 'google',
        auth: 'oauth',
      },
      direction: 'two-way',
      conflictPolicy: 'newer-wins',
    })
    const result = draftToPair(pairToDraft(saved), none)
    expect('config' in result && result.config).toEqual(saved)
  })
})

describe('issuesToErrors', () => {
  it("marks the fields the core's validation named; Google's URL is its calendar id field", () => {
    const detail = [
      { path: ['target', 'url'], message: 'use an http:// or https:// URL' },
      { path: ['direction'], message: 'two-way sync needs a CalDAV source' },
      { path: [], message: 'whole input' },
    ]
    expect([...issuesToErrors(detail, 'google').keys()]).toEqual(['target.calendarId', 'direction'])
    expect([...issuesToErrors(detail, 'generic').keys()]).toEqual(['target.url', 'direction'])
    expect(issuesToErrors('not issues', 'generic').size).toBe(0)
  })
})
