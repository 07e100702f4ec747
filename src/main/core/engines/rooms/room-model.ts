import type { Language, Localized } from '../../../../shared/model/localized'

// The rooms contract. These types move to src/shared/model/rooms.ts once the engine is wired; until then they
// live here so the pure rules can be written and tested on their own.

/** 会議室状態 of table F-2 item 3 (the two values an automatically created room can start in). */
export type RoomState = 'preparing' | 'in-session'

export const roomStateLabels: Readonly<Record<RoomState, Localized>> = {
  preparing: { ja: '準備中', en: 'Preparing' },
  'in-session': { ja: '会議中', en: 'In session' },
}

/** The person who created a community: the automatically created room is theirs (F-2 items 4–6, 18, 19). */
export interface CommunityCreator {
  readonly id: string
  /** The name per display language, as the directory knows it (F-2 item 5 picks the creator's language). */
  readonly name: Readonly<Partial<Record<Language, string>>>
  readonly nameEn: string | null
  /** The creator's portlet display language (表示言語). */
  readonly language: Language
  /** An IANA zone such as Asia/Tokyo: the creator's portlet time zone. */
  readonly timeZone: string
}

export interface Community {
  /** The group code in the home directory, or the id the community product sent. */
  readonly code: string
  readonly name: string
  readonly nameEn: string | null
  readonly creator: CommunityCreator
  /** Member ids (directory keys) at the moment of the event. */
  readonly members: readonly string[]
}

/** システムパラメタ the seed names; the company sets them once and every automatically created room follows. */
export interface SystemParameters {
  /** 会議室自動生成時の会議室状態 */
  readonly autoCreatedRoomState: RoomState
  /** 会議室準備期間最大値 (days) */
  readonly preparationPeriodMaxDays: number
  /** 会議室開催期間最大値 (days) */
  readonly sessionPeriodMaxDays: number
  /** 会議室参照期間最大値 (days) */
  readonly viewPeriodMaxDays: number
  /** メール配信設定デフォルト値: whether posts are mailed to members by default */
  readonly postMailDefault: boolean
  /** メンバ追加お知らせ機能デフォルト値: whether member-added notices are registered at all */
  readonly memberNoticeDefault: boolean
}

/** The seed's Japanese name of each parameter, with an English label for the English UI. */
export const systemParameterLabels: Readonly<Record<keyof SystemParameters, Localized>> = {
  autoCreatedRoomState: {
    ja: '会議室自動生成時の会議室状態',
    en: 'room state when created automatically',
  },
  preparationPeriodMaxDays: { ja: '会議室準備期間最大値', en: 'maximum preparation period (days)' },
  sessionPeriodMaxDays: { ja: '会議室開催期間最大値', en: 'maximum session period (days)' },
  viewPeriodMaxDays: { ja: '会議室参照期間最大値', en: 'maximum viewing period (days)' },
  postMailDefault: { ja: 'メール配信設定デフォルト値', en: 'post mail default' },
  memberNoticeDefault: { ja: 'メンバ追加お知らせ機能デフォルト値', en: 'member-added notice default' },
}

/** How a target measures the length of a room name: in characters (code points) or in UTF-8 bytes. */
export type LengthUnit = 'characters' | 'utf8-bytes'

/** What the target room store can hold; names longer than this are cut at the end (F-2 item 1). */
export interface TargetLimits {
  readonly nameMax: number
  readonly nameEnMax: number
  readonly unit: LengthUnit
}

/** A calendar date (YYYY-MM-DD) in the creator's time zone. */
export type CalendarDate = string

/** The settings of an automatically created room: the 23 items of table F-2 (item 1 holds two names). */
export interface AutoRoomSettings {
  readonly name: string
  readonly nameEn: string
  readonly abbreviation: string
  readonly state: RoomState
  readonly ownerId: string
  readonly ownerName: string
  readonly ownerNameEn: string | null
  readonly description: string
  readonly type: 'general'
  readonly start: CalendarDate
  readonly end: CalendarDate
  readonly viewEnd: CalendarDate
  readonly level: 'top'
  readonly mailHeader: string
  readonly mailFooter: string
  readonly postMail: boolean
  readonly allowMailSettingChange: boolean
  readonly noticeMail: 'none'
  readonly messageLanguage: Language
  readonly timeZone: string
  readonly postByMail: boolean
  readonly url: string
  readonly deadlineNotice: boolean
  readonly deadlineNoticeDays: number
}

export type RoomField = keyof AutoRoomSettings

/** One line of the preview: the value and the rule that produced it, so an admin can check it before creation. */
export interface RoomDefaultRow {
  /** The item number of table F-2. */
  readonly item: number
  readonly field: RoomField
  readonly label: Localized
  readonly value: AutoRoomSettings[RoomField]
  readonly rule: Localized
}

export interface RoomDefaults {
  readonly settings: AutoRoomSettings
  /** In table F-2's order. */
  readonly rows: readonly RoomDefaultRow[]
}
