import type { Localized } from '../../../../shared/model/localized'
import type {
  AutoRoomSettings,
  Community,
  RoomDefaultRow,
  RoomDefaults,
  RoomField,
  SystemParameters,
  TargetLimits,
} from '../../../../shared/model/rooms'
import { roomStateLabels, systemParameterLabels } from '../../../../shared/model/rooms'
import { communityProblems, limitProblems, ownerNameOf, roomUrlProblems } from './room-input-checks'
import { systemParameterProblems, throwIfProblems } from './room-parameters'
import { addDays, calendarDateIn, halfRoundedUp } from './room-dates'
import { lengthUnitLabels, seedTexts, truncate } from './room-text'

const fieldLabels: Readonly<Record<RoomField, readonly [number, Localized]>> = {
  name: [1, { ja: '会議室名', en: 'Room name' }],
  nameEn: [1, { ja: '会議室名(英語)', en: 'Room name (English)' }],
  abbreviation: [2, { ja: '会議室略号', en: 'Abbreviation' }],
  state: [3, { ja: '会議室状態', en: 'Room state' }],
  ownerId: [4, { ja: 'ユーザID', en: 'User ID' }],
  ownerName: [5, { ja: 'ユーザ名', en: 'User name' }],
  ownerNameEn: [6, { ja: 'ユーザ名(英語)', en: 'User name (English)' }],
  description: [7, { ja: '説明', en: 'Description' }],
  type: [8, { ja: '会議室タイプ', en: 'Room type' }],
  start: [9, { ja: '開催期間 開始日', en: 'Session start' }],
  end: [10, { ja: '開催期間 終了日', en: 'Session end' }],
  viewEnd: [11, { ja: '参照期間 終了日', en: 'Viewing end' }],
  level: [12, { ja: '階層レベル', en: 'Level' }],
  mailHeader: [13, { ja: 'メール配信時のヘッダ', en: 'Mail header' }],
  mailFooter: [14, { ja: 'メール配信時のフッタ', en: 'Mail footer' }],
  postMail: [15, { ja: '発言メール配信', en: 'Mail posts to members' }],
  allowMailSettingChange: [16, { ja: 'メール配信設定変更許可', en: 'Members may change mail settings' }],
  noticeMail: [17, { ja: 'お知らせメール配信', en: 'Notice mail' }],
  messageLanguage: [18, { ja: 'メッセージ言語', en: 'Message language' }],
  timeZone: [19, { ja: 'タイムゾーン', en: 'Time zone' }],
  postByMail: [20, { ja: 'メールによる投稿', en: 'Posting by mail' }],
  url: [21, { ja: 'URL', en: 'URL' }],
  deadlineNotice: [22, { ja: 'お知らせメール機能制御', en: 'Deadline notice' }],
  deadlineNoticeDays: [23, { ja: '回答期限事前通知期間', en: 'Days of notice before a deadline' }],
}

/**
 * The settings of the room made when a community is created (table F-2), each with the rule that produced it
 * so the preview can show why. `now` is read as a calendar date in the creator's time zone. Bad input (any
 * parameter, limit, creator field or URL) → one invalid-input error listing every problem, and no settings.
 */
export function computeRoomDefaults(
  community: Community,
  parameters: SystemParameters,
  limits: TargetLimits,
  now: Date,
  roomUrl: string,
): RoomDefaults {
  throwIfProblems(
    [
      ...systemParameterProblems(parameters),
      ...limitProblems(limits),
      ...communityProblems(community),
      ...roomUrlProblems(roomUrl),
    ],
    { ja: '会議室の既定値を計算できません', en: 'cannot compute the room defaults' },
  )
  const rows: RoomDefaultRow[] = []
  const put: Put = (field, value, rule) => {
    const [item, label] = fieldLabels[field]
    rows.push({ item, field, label, value, rule })
  }
  putNamesStateOwner(put, community, parameters, limits)
  const { creator } = community
  const dates = periods(parameters, calendarDateIn(now, creator.timeZone), creator.timeZone)
  put('start', dates.start.value, dates.start.rule)
  put('end', dates.end.value, dates.end.rule)
  put('viewEnd', dates.viewEnd.value, dates.viewEnd.rule)
  putMailAndFixed(put, community, parameters, roomUrl)
  const settings = Object.fromEntries(
    rows.map((row) => [row.field, row.value]),
  ) as unknown as AutoRoomSettings
  return { settings, rows }
}

type Put = <F extends RoomField>(field: F, value: AutoRoomSettings[F], rule: Localized) => void

/** Items 1–8. */
function putNamesStateOwner(
  put: Put,
  community: Community,
  parameters: SystemParameters,
  limits: TargetLimits,
): void {
  const { creator } = community
  const lang = creator.language
  const names = roomNames(community, limits)
  put('name', names.name.value, names.name.rule)
  put('nameEn', names.nameEn.value, names.nameEn.rule)
  put('abbreviation', seedTexts.abbreviation, { ja: '固定値', en: 'fixed value' })

  const state = parameters.autoCreatedRoomState
  const stateLabel = systemParameterLabels.autoCreatedRoomState
  put('state', state, {
    ja: `システムパラメタ ${stateLabel.ja} = ${roomStateLabels[state].ja}`,
    en: `system parameter ${stateLabel.en} = ${roomStateLabels[state].en}`,
  })

  put('ownerId', creator.id, { ja: 'コミュニティ作成者の ID', en: "the community creator's id" })
  const owner = ownerNameOf(community)
  if (owner === null) throw new Error('unreachable: communityProblems checks the owner name') // narrows the type
  put(
    'ownerName',
    owner.name,
    owner.fallback
      ? {
          ja: `作成者の表示言語 (${lang}) の名前が未設定のため、ほかの言語の名前`,
          en: `the creator has no name in their display language (${lang}), so their name in another language`,
        }
      : {
          ja: `作成者の表示言語 (${lang}) の名前`,
          en: `the creator's name in their display language (${lang})`,
        },
  )
  put(
    'ownerNameEn',
    creator.nameEn,
    creator.nameEn === null
      ? { ja: '作成者の英語名(未設定)', en: "the creator's English name (not set)" }
      : { ja: '作成者の英語名', en: "the creator's English name" },
  )
  put('description', seedTexts.description[lang], seedTextRule(lang, lang === 'en'))
  put('type', 'general', { ja: '固定値「一般」', en: 'fixed value "general" (一般)' })
}

/** Items 12–23. */
function putMailAndFixed(
  put: Put,
  community: Community,
  parameters: SystemParameters,
  roomUrl: string,
): void {
  const { creator } = community
  const lang = creator.language
  put('level', 'top', { ja: '固定値: 最上位の会議室', en: 'fixed value: a top-level room' })
  put('mailHeader', seedTexts.mailHeader[lang], seedTextRule(lang))
  put('mailFooter', seedTexts.mailFooter[lang], seedTextRule(lang))
  const mailLabel = systemParameterLabels.postMailDefault
  put('postMail', parameters.postMailDefault, {
    ja: `システムパラメタ ${mailLabel.ja} = ${parameters.postMailDefault ? 'オン' : 'オフ'}`,
    en: `system parameter ${mailLabel.en} = ${parameters.postMailDefault ? 'on' : 'off'}`,
  })
  put('allowMailSettingChange', true, { ja: '固定値: 許可する', en: 'fixed value: allowed' })
  put('noticeMail', 'none', { ja: '固定値: 通知なし', en: 'fixed value: none' })
  put('messageLanguage', lang, { ja: '作成者の表示言語', en: "the creator's display language" })
  put('timeZone', creator.timeZone, { ja: '作成者のタイムゾーン', en: "the creator's time zone" })
  put('postByMail', false, { ja: '固定値: 実施しない', en: 'fixed value: off' })
  put('url', roomUrl, { ja: '会議室へアクセスするための URL', en: 'the address of the room' })
  put('deadlineNotice', true, {
    ja: '固定値: 回答期限通知機能を使用する',
    en: 'fixed value: deadline notices on',
  })
  put('deadlineNoticeDays', 3, { ja: '固定値: 3 日間', en: 'fixed value: 3 days' })
}

/** F-2 item 1: the room's two names from the community's, cut to the target's limits, each with its rule. */
export function roomNames(
  community: Pick<Community, 'name' | 'nameEn'>,
  limits: TargetLimits,
): {
  readonly name: { value: string; rule: Localized }
  readonly nameEn: { value: string; rule: Localized }
} {
  return {
    name: truncated(community.name, limits.nameMax, limits, {
      ja: 'コミュニティ名',
      en: 'the community name',
    }),
    nameEn: truncated(
      community.nameEn ?? seedTexts.englishNameFallback,
      limits.nameEnMax,
      limits,
      community.nameEn !== null
        ? { ja: 'コミュニティの英語名', en: "the community's English name" }
        : {
            ja: 'コミュニティの英語名が未設定のため "Conference room"',
            en: 'the community has no English name, so "Conference room"',
          },
    ),
  }
}

function truncated(
  text: string,
  max: number,
  limits: TargetLimits,
  source: Localized,
): { value: string; rule: Localized } {
  const result = truncate(text, max, limits.unit)
  if (!result.cut) return { value: text, rule: source }
  const unit = lengthUnitLabels[limits.unit]
  return {
    value: result.text,
    rule: {
      ja: `${source.ja}(${result.originalLength} ${unit.ja}を連携先の上限 ${max} ${unit.ja}に収まるよう末尾を切り捨て)`,
      en: `${source.en} (${result.originalLength} ${unit.en}, end cut to fit the target's limit of ${max} ${unit.en})`,
    },
  }
}

function seedTextRule(lang: 'ja' | 'en', trailingSpace = false): Localized {
  const note = trailingSpace
    ? { ja: '(シードどおり末尾に空白あり)', en: ' (ending with a space, as in the seed)' }
    : { ja: '', en: '' }
  return {
    ja: `作成者の表示言語 (${lang}) のシードの文面${note.ja}`,
    en: `the seed's text in the creator's display language (${lang})${note.en}`,
  }
}

type Dated = { value: string; rule: Localized }

/**
 * Items 9–11. The seed's item 10 says it adds to "項番11の「開催期間 開始日」", but the session start is item 9
 * (item 11 is the viewing end, which itself builds on item 10): we follow the arithmetic the issue states —
 * end = start + ceil(開催期間最大値/2), view end = end + ceil(参照期間最大値/2).
 */
function periods(
  parameters: SystemParameters,
  today: string,
  timeZone: string,
): Record<'start' | 'end' | 'viewEnd', Dated> {
  const prep = halfRoundedUp(parameters.preparationPeriodMaxDays)
  const session = halfRoundedUp(parameters.sessionPeriodMaxDays)
  const view = halfRoundedUp(parameters.viewPeriodMaxDays)
  const labels = systemParameterLabels
  const inSession = parameters.autoCreatedRoomState === 'in-session'
  const start = inSession ? today : addDays(today, prep)
  const end = addDays(start, session)
  const viewEnd = addDays(end, view)
  const todayText = { ja: `今日 ${today} (${timeZone})`, en: `today ${today} (${timeZone})` }
  return {
    start: {
      value: start,
      rule: inSession
        ? { ja: `会議中: ${todayText.ja}`, en: `In session: ${todayText.en}` }
        : {
            ja: `準備中: ${todayText.ja} + ceil(${labels.preparationPeriodMaxDays.ja} ${parameters.preparationPeriodMaxDays} / 2) = ${prep} 日`,
            en: `Preparing: ${todayText.en} + ceil(${labels.preparationPeriodMaxDays.en} ${parameters.preparationPeriodMaxDays} / 2) = ${prep} days`,
          },
    },
    end: {
      value: end,
      rule: {
        ja: `開始日 ${start} + ceil(${labels.sessionPeriodMaxDays.ja} ${parameters.sessionPeriodMaxDays} / 2) = ${session} 日`,
        en: `session start ${start} + ceil(${labels.sessionPeriodMaxDays.en} ${parameters.sessionPeriodMaxDays} / 2) = ${session} days`,
      },
    },
    viewEnd: {
      value: viewEnd,
      rule: {
        ja: `終了日 ${end} + ceil(${labels.viewPeriodMaxDays.ja} ${parameters.viewPeriodMaxDays} / 2) = ${view} 日`,
        en: `session end ${end} + ceil(${labels.viewPeriodMaxDays.en} ${parameters.viewPeriodMaxDays} / 2) = ${view} days`,
      },
    },
  }
}
