import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../../shared/model/errors'
import { computeRoomDefaults } from './room-defaults'
import type { Community, RoomField, SystemParameters, TargetLimits } from '../../../../shared/model/rooms'

const community: Community = {
  code: 'G-PLAN',
  name: '新製品企画',
  nameEn: 'New product planning',
  creator: {
    id: 'yamada',
    name: { ja: '山田太郎', en: 'Taro Yamada (en)' },
    nameEn: 'Taro Yamada',
    language: 'ja',
    timeZone: 'Asia/Tokyo',
  },
  members: ['yamada', 'suzuki'],
}
const english: Community = { ...community, creator: { ...community.creator, language: 'en' } }
const parameters: SystemParameters = {
  autoCreatedRoomState: 'preparing',
  preparationPeriodMaxDays: 7,
  sessionPeriodMaxDays: 30,
  viewPeriodMaxDays: 15,
  postMailDefault: true,
  memberNoticeDefault: true,
}
const limits: TargetLimits = { nameMax: 100, nameEnMax: 100, unit: 'characters' }
/** 12:00 on 2 December in Tokyo. */
const now = new Date('2026-12-02T03:00:00Z')
const url = 'https://forum.example.co.jp/rooms/G-PLAN'

const compute = (c = community, p = parameters, l = limits, at = now) => computeRoomDefaults(c, p, l, at, url)
const rowOf = (field: RoomField, c = community, p = parameters, l = limits) =>
  compute(c, p, l).rows.find((row) => row.field === field)

describe('table F-2: the defaults of an automatically created room', () => {
  it('gives all 23 items, in order, each with a rule in both languages (Japanese creator, 準備中)', () => {
    const { settings, rows } = compute()
    expect(settings).toEqual({
      name: '新製品企画',
      nameEn: 'New product planning',
      abbreviation: 'Conference room',
      state: 'preparing',
      ownerId: 'yamada',
      ownerName: '山田太郎',
      ownerNameEn: 'Taro Yamada',
      description: '自動生成された会議室',
      type: 'general',
      start: '2026-12-06',
      end: '2026-12-21',
      viewEnd: '2026-12-29',
      level: 'top',
      mailHeader: 'このメールは,電子会議室から自動配信されたメールです。',
      mailFooter: 'このメールは,電子会議室の内容を配信しています。詳細は,URLをご参照ください。',
      postMail: true,
      allowMailSettingChange: true,
      noticeMail: 'none',
      messageLanguage: 'ja',
      timeZone: 'Asia/Tokyo',
      postByMail: false,
      url,
      deadlineNotice: true,
      deadlineNoticeDays: 3,
    })
    expect(rows.map((row) => row.item)).toEqual([1, 1, ...Array.from({ length: 22 }, (_, i) => i + 2)])
    for (const row of rows) {
      expect(row.rule.ja, row.field).not.toBe('')
      expect(row.rule.en, row.field).not.toBe('')
      expect(row.label.ja, row.field).not.toBe('')
    }
    expect(rows.find((row) => row.field === 'start')?.rule).toEqual({
      ja: '準備中: 今日 2026-12-02 (Asia/Tokyo) + ceil(会議室準備期間最大値 7 / 2) = 4 日',
      en: 'Preparing: today 2026-12-02 (Asia/Tokyo) + ceil(maximum preparation period (days) 7 / 2) = 4 days',
    })
  })

  it('uses the English texts for an English creator, the description keeping the seed trailing space', () => {
    const { settings, rows } = compute(english)
    expect(settings.description).toBe('Automatically generated conference room ')
    expect(settings.mailHeader).toBe('This email was sent automatically from the conference room')
    expect(settings.mailFooter).toBe(
      'This email contents remarks from the conference room.\nFor details, refer to the URL',
    )
    expect(settings.ownerName).toBe('Taro Yamada (en)')
    expect(settings.messageLanguage).toBe('en')
    expect(rows.find((row) => row.field === 'description')?.rule.en).toContain('ending with a space')
  })

  it('falls back to "Conference room" when the community has no English name', () => {
    const row = rowOf('nameEn', { ...community, nameEn: null })
    expect(row?.value).toBe('Conference room')
    expect(row?.rule.en).toContain('no English name')
  })

  it('names the owner in another language when the display language has no name, and says so', () => {
    const noJa = { ...community, creator: { ...community.creator, name: { en: 'Taro Y.' } } }
    const row = rowOf('ownerName', noJa)
    expect(row?.value).toBe('Taro Yamada')
    expect(row?.rule.en).toContain('no name in their display language')
    const noEnglish = { ...community, creator: { ...community.creator, nameEn: null } }
    expect(rowOf('ownerNameEn', noEnglish)?.value).toBeNull()
  })

  it('takes the state and the post-mail switch from the system parameters', () => {
    expect(rowOf('state')?.rule.ja).toBe('システムパラメタ 会議室自動生成時の会議室状態 = 準備中')
    const open = { ...parameters, autoCreatedRoomState: 'in-session' as const, postMailDefault: false }
    expect(compute(community, open).settings).toMatchObject({ state: 'in-session', postMail: false })
    expect(rowOf('state', community, open)?.rule.en).toContain('In session')
  })
})

describe('table F-2 items 9–11: periods as ceil(parameter / 2) days', () => {
  it('starts today when the room opens in session (会議中)', () => {
    const open = { ...parameters, autoCreatedRoomState: 'in-session' as const }
    const { settings } = compute(community, open)
    expect([settings.start, settings.end, settings.viewEnd]).toEqual([
      '2026-12-02',
      '2026-12-17',
      '2026-12-25',
    ])
    expect(rowOf('start', community, open)?.rule.ja).toBe('会議中: 今日 2026-12-02 (Asia/Tokyo)')
  })

  // [preparation, session, view] → [start, end, view end] from today 2026-12-02, 準備中
  const cases: [number, number, number, string, string, string][] = [
    [7, 30, 15, '2026-12-06', '2026-12-21', '2026-12-29'], // odd, even, odd
    [8, 31, 14, '2026-12-06', '2026-12-22', '2026-12-29'], // even, odd, even
    [0, 0, 0, '2026-12-02', '2026-12-02', '2026-12-02'],
    [1, 1, 1, '2026-12-03', '2026-12-04', '2026-12-05'],
    [60, 365, 366, '2027-01-01', '2027-07-03', '2028-01-02'], // across months and years
  ]
  it.each(cases)('parameters %i, %i, %i give %s, %s, %s', (prep, session, view, start, end, viewEnd) => {
    const p = {
      ...parameters,
      preparationPeriodMaxDays: prep,
      sessionPeriodMaxDays: session,
      viewPeriodMaxDays: view,
    }
    const { settings } = compute(community, p)
    expect([settings.start, settings.end, settings.viewEnd]).toEqual([start, end, viewEnd])
  })

  it('explains each period in its rule with the parameter and the rounded half', () => {
    const p = { ...parameters, sessionPeriodMaxDays: 31, viewPeriodMaxDays: 14 }
    expect(rowOf('end', community, p)?.rule.ja).toBe(
      '開始日 2026-12-06 + ceil(会議室開催期間最大値 31 / 2) = 16 日',
    )
    expect(rowOf('viewEnd', community, p)?.rule.en).toBe(
      'session end 2026-12-22 + ceil(maximum viewing period (days) 14 / 2) = 7 days',
    )
  })

  it("reads today in the creator's time zone, not the machine's", () => {
    const lateUtc = new Date('2026-12-05T15:30:00Z') // already 6 December in Tokyo, still 5 December in Los Angeles
    const open = { ...parameters, autoCreatedRoomState: 'in-session' as const }
    expect(compute(community, open, limits, lateUtc).settings.start).toBe('2026-12-06')
    const la = { ...community, creator: { ...community.creator, timeZone: 'America/Los_Angeles' } }
    expect(compute(la, open, limits, lateUtc).settings).toMatchObject({
      start: '2026-12-05',
      timeZone: 'America/Los_Angeles',
    })
  })
})

describe('table F-2 item 1: names cut to what the target holds', () => {
  const withNames = (name: string, nameEn: string | null) => ({ ...community, name, nameEn })

  it('counts characters as code points: Japanese and emoji are one each, never half a surrogate pair', () => {
    const chars = { nameMax: 5, nameEnMax: 4, unit: 'characters' as const }
    const { settings, rows } = compute(withNames('新製品企画会議😀', 'Plan😀😀'), parameters, chars)
    expect(settings.name).toBe('新製品企画')
    expect(settings.nameEn).toBe('Plan')
    expect(rows[0]?.rule.ja).toContain('8 文字を連携先の上限 5 文字')
    expect(compute(withNames('会議😀😀🎉', null), parameters, chars).settings.name).toBe('会議😀😀🎉')
    expect(compute(withNames('会議室😀😀🎉', null), parameters, chars).settings.name).toBe('会議室😀😀')
    expect(compute(withNames('ab', 'Conference room'), parameters, chars).settings.nameEn).toBe('Conf')
  })

  it('counts UTF-8 bytes: 3 per Japanese character, 4 per emoji, never cutting inside one', () => {
    const bytes = { nameMax: 10, nameEnMax: 7, unit: 'utf8-bytes' as const }
    const { settings, rows } = compute(withNames('新製品企画', 'ab😀😀'), parameters, bytes)
    expect(settings.name).toBe('新製品') // 9 bytes; a 4th character would make 12
    expect(settings.nameEn).toBe('ab😀') // 6 bytes; the next emoji would make 10
    expect(rows[1]?.rule.en).toContain('10 UTF-8 bytes, end cut to fit the target')
    expect(compute(withNames('新製品', 'x'), parameters, { ...bytes, nameMax: 9 }).settings.name).toBe(
      '新製品',
    )
  })

  it('does not split an emoji sequence or a letter and its combining mark', () => {
    const chars = { nameMax: 4, nameEnMax: 2, unit: 'characters' as const }
    const family = '👨‍👩‍👧' // 5 code points
    expect(compute(withNames(`会${family}`, 'e\u0301e\u0301'), parameters, chars).settings).toMatchObject({
      name: '会',
      nameEn: 'e\u0301',
    })
  })

  it('leaves a name that fits as it is, with no truncation note', () => {
    const exact = { nameMax: 5, nameEnMax: 20, unit: 'characters' as const }
    expect(rowOf('name', community, parameters, exact)?.rule).toEqual({
      ja: 'コミュニティ名',
      en: 'the community name',
    })
  })
})

describe('bad input: one ja/en error listing every problem, no settings', () => {
  const errorOf = (run: () => unknown): ApiError => {
    try {
      run()
    } catch (error) {
      if (error instanceof ApiError) return error
      throw error
    }
    throw new Error('expected an ApiError')
  }

  it('lists negative, fractional and missing parameters together', () => {
    const bad = {
      ...parameters,
      preparationPeriodMaxDays: -1,
      sessionPeriodMaxDays: 2.5,
      viewPeriodMaxDays: undefined,
      autoCreatedRoomState: '開催中',
    } as unknown as SystemParameters
    const error = errorOf(() => compute(community, bad))
    expect(error.code).toBe('invalid-input')
    expect(error.localized.ja).toContain('会議室準備期間最大値: 0 以上')
    expect(error.localized.ja).toContain('会議室開催期間最大値')
    expect(error.localized.ja).toContain(
      '会議室参照期間最大値: 0 以上 36500 以下の整数(日数)を指定してください(値: 未設定)',
    )
    expect(error.localized.en).toContain('room state when created automatically')
    expect((error.detail as { problems: unknown[] }).problems).toHaveLength(4)
  })

  it('refuses bad limits, an unknown time zone or language, an empty name and a URL with a password', () => {
    const broken = {
      ...community,
      name: ' ',
      creator: { ...community.creator, timeZone: 'Mars/Olympus', language: 'fr' },
    } as unknown as Community
    const error = errorOf(() =>
      computeRoomDefaults(
        broken,
        parameters,
        { nameMax: 0, nameEnMax: 1.5, unit: 'characters' },
        now,
        'https://u:secret@x.example/',
      ),
    )
    const problems = (error.detail as { problems: { en: string }[] }).problems.map((p) => p.en)
    expect(problems).toEqual([
      'room name limit: give a whole number of 1 or more (value: 0)',
      'English room name limit: give a whole number of 1 or more (value: 1.5)',
      'the community name is empty',
      "the creator's display language fr is not supported (ja or en)",
      "the creator's time zone Mars/Olympus is unknown",
      'the room URL must not carry credentials',
    ])
    expect(error.localized.en).not.toContain('secret')
  })
})
