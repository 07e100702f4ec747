import { z } from 'zod'
import type { Language, Localized } from './localized'

/**
 * Room provisioning (issue 15, seed 003 appendix F): communities become conference rooms with the 23 computed
 * defaults of table F-2; a deleted community narrows access and flattens the hierarchy (F (3)); member-added
 * notices wait for the admin's 「通知メールを送信」 (F (4)); leaving members lose their per-user data (F (5)).
 * The target is Mailman 3 (a list per room); what Mailman has no place for stays in Renkei's room store.
 */

/** 会議室状態 of table F-2 item 3 (the two values an automatically created room can start in). */
export const roomStates = ['preparing', 'in-session'] as const
export type RoomState = (typeof roomStates)[number]

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

/**
 * システムパラメタ the seed names; the company sets them once and every automatically created room follows.
 * Types only: `room-parameters.ts` checks a stored or typed set whole (every problem in ja/en at once).
 */
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

/** Until the admin sets them: a room opens at once, periods of 14 / 90 / 365 days, posts mailed, notices on. */
export const defaultSystemParameters: SystemParameters = {
  autoCreatedRoomState: 'in-session',
  preparationPeriodMaxDays: 14,
  sessionPeriodMaxDays: 90,
  viewPeriodMaxDays: 365,
  postMailDefault: true,
  memberNoticeDefault: true,
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

// ---------------------------------------------------------------- settings

/**
 * Which home-directory groups are communities: every group whose code matches one of `codePatterns`
 * (`*` any run of characters, matched whole, case-sensitive), plus `codes` one by one. A group has no creator
 * in the directory: `owners` names one per group code, else `defaultOwner` (an employee key) owns its room.
 */
export const roomCommunityRules = z
  .object({
    codePatterns: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    codes: z.array(z.string().trim().min(1).max(200)).max(5_000).default([]),
    defaultOwner: z.string().trim().max(200).default(''),
    owners: z.record(z.string().max(200), z.string().max(200)).default({}),
  })
  .strict()

/**
 * The Mailman 3 target: its REST API (`http://127.0.0.1:8001/3.1/`), the REST user (its password is the
 * keychain entry `rooms.mailman.password`), the mail domain the lists live in, and the web base URL rooms are
 * reached at (F-2 item 21: `<roomBaseUrl><list id>`).
 */
export const roomTargetConfig = z
  .object({
    kind: z.literal('mailman').default('mailman'),
    restUrl: z.string().trim().max(500).default(''),
    username: z.string().trim().max(200).default(''),
    mailDomain: z.string().trim().max(253).default(''),
    roomBaseUrl: z.string().trim().max(500).default(''),
    /**
     * An absolute folder Mailman can read (on its host, or shared under the same path) where the rooms'
     * header/footer texts are written for Mailman to fetch as file:// URIs; '' = `room-decorations` in
     * Renkei's data directory (private to Renkei's user, so only when Mailman runs as that user).
     */
    decorationsDir: z.string().trim().max(500).default(''),
  })
  .strict()
export type RoomTargetConfig = z.infer<typeof roomTargetConfig>

export const roomMailmanPasswordSecret = 'rooms.mailman.password'
/** The shared secret inbound community events are signed with (same scheme as the notice relay's events source). */
export const roomInboundSecret = 'rooms.inbound.secret'

export const roomSettings = z
  .object({
    enabled: z.boolean().default(false),
    parameters: z
      .object({
        autoCreatedRoomState: z.enum(roomStates),
        preparationPeriodMaxDays: z.number().int().min(0).max(36_500),
        sessionPeriodMaxDays: z.number().int().min(0).max(36_500),
        viewPeriodMaxDays: z.number().int().min(0).max(36_500),
        postMailDefault: z.boolean(),
        memberNoticeDefault: z.boolean(),
      })
      .strict()
      .default(defaultSystemParameters),
    communities: roomCommunityRules.default({ codePatterns: [], codes: [], defaultOwner: '', owners: {} }),
    target: roomTargetConfig.default({
      kind: 'mailman',
      restUrl: '',
      username: '',
      mailDomain: '',
      roomBaseUrl: '',
      decorationsDir: '',
    }),
    /** Planned changes are applied without an approval (the seed's 「ユーザの操作なしで」); off: each waits in the preview. */
    autoApply: z.boolean().default(false),
    /** F (c): a community created with members mails every member twice (the seed's behaviour); true: once. */
    oneMailOnCreate: z.boolean().default(false),
    /** The notice relay's SMTP target member-added notices leave through (`notice.targets.*`); '' = none yet. */
    noticeTargetId: z.string().max(63).default(''),
    /** 「通知メールを送信」 on a schedule as well: a daily time HH:MM in the site's zone, or '' (by hand only). */
    sendNoticesAt: z
      .string()
      .regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/)
      .default(''),
  })
  .strict()
export type RoomSettings = z.infer<typeof roomSettings>
export type RoomSettingsInput = z.input<typeof roomSettings>

// ---------------------------------------------------------------- inbound community events

export const roomEventKinds = [
  'community.created',
  'community.deleted',
  'member.added',
  'member.changed',
  'member.removed',
] as const
export type RoomEventKind = (typeof roomEventKinds)[number]

const memberId = z.string().trim().min(1).max(320)

/**
 * One lifecycle event from a community product Renkei cannot read (F-1's five operations). Members and the
 * creator are home-directory keys, logins or e-mail addresses; the same `id` twice is one event.
 * `community.created` carries name (and nameEn, creator, members); the member kinds carry `members`.
 */
export const roomEventInput = z
  .object({
    id: z.string().min(1).max(200),
    kind: z.enum(roomEventKinds),
    occurredAt: z.union([z.string().max(40), z.number().int()]).optional(),
    community: z
      .object({
        code: z.string().trim().min(1).max(200),
        name: z.string().trim().min(1).max(1_000).optional(),
        nameEn: z.string().trim().max(1_000).nullable().optional(),
        creator: memberId.optional(),
      })
      .strict(),
    members: z.array(memberId).max(10_000).default([]),
  })
  .strict()
export type RoomEventInput = z.infer<typeof roomEventInput>

export interface RoomEventResult {
  /** false: this event id was taken in before; nothing changed. */
  readonly accepted: boolean
  readonly eventRow: number
  /** Members or the creator that match nobody at home (not counted, table F-3 user B). */
  readonly unknown: readonly string[]
  /** What was planned (and applied when autoApply is on), in ja/en for the answer and the history. */
  readonly outcome: Localized
}

// ---------------------------------------------------------------- views

export const communitySources = ['directory', 'inbound'] as const
export type CommunitySource = (typeof communitySources)[number]

/** Where a room stands with its target. */
export const roomStatuses = ['planned', 'created', 'narrowed', 'failed'] as const
export type RoomStatus = (typeof roomStatuses)[number]

export interface RoomView {
  readonly id: string
  readonly communityCode: string
  /** The Mailman list (`room-<id>@<mailDomain>`); null while only planned. */
  readonly listId: string | null
  readonly status: RoomStatus
  readonly settings: AutoRoomSettings
  /** F-2 as the preview showed it: each value with its rule. */
  readonly rows: readonly RoomDefaultRow[]
  readonly parentId: string | null
  readonly ownerId: string
  /** Who may read it (after a deletion: the owner alone). */
  readonly readers: readonly string[]
  readonly createdAt: number | null
  readonly updatedAt: number
  readonly lastError: Localized | null
}

export interface CommunityView {
  readonly code: string
  readonly source: CommunitySource
  readonly name: string
  readonly nameEn: string | null
  readonly creator: string
  readonly creatorName: string
  readonly members: number
  readonly deletedAt: number | null
  readonly room: RoomView | null
}

export interface CommunityPage {
  readonly communities: readonly CommunityView[]
  readonly nextAfter: string | null
}

/** One change a run would make on the target, in the order it would be made. */
export interface RoomPlannedChange {
  readonly communityCode: string
  readonly action: 'create-room' | 'add-members' | 'remove-members' | 'narrow-access' | 'update-room'
  readonly summary: Localized
  /** People whose per-user data (mail subscriptions, read state) goes with this change (F (5)). */
  readonly removesUserData: readonly string[]
}

export interface RoomPreview {
  readonly changes: readonly RoomPlannedChange[]
  /** For a community given (`rooms.preview { community }`): its room's 23 values with their rules. */
  readonly defaults: RoomDefaults | null
  /** Members not in the directory (not counted) and without an e-mail address (no notice), per community. */
  readonly skipped: readonly {
    readonly communityCode: string
    readonly userId: string
    readonly reason: Localized
  }[]
  readonly problems: readonly Localized[]
}

export interface RoomRunSummary {
  readonly applied: number
  readonly failed: number
  readonly outcome: Localized
}

export const memberNoticeStates = ['pending', 'sent', 'dropped'] as const
export type MemberNoticeState = (typeof memberNoticeStates)[number]

export interface MemberNoticeView {
  readonly id: string
  readonly communityCode: string
  readonly communityName: string
  readonly cause: 'community-created' | 'members-added'
  readonly addedMembers: readonly string[]
  readonly recipients: number
  readonly state: MemberNoticeState
  readonly registeredAt: number
  readonly finishedAt: number | null
  /** Why it was dropped (the community no longer exists) or what the server said. */
  readonly detail: Localized | null
}

export interface MemberNoticeSendResult {
  readonly sent: number
  readonly dropped: number
  readonly failed: number
  readonly outcome: Localized
}
