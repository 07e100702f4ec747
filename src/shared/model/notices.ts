import { z } from 'zod'
import type { Localized } from './localized'

/**
 * Notice relay (seed 000 ① ⑤ ⑥, seed 003 notice mails): groupware events become messages to the person they
 * concern — e-mail, chat, webhook, XMPP — in the seed's wording, for employees who opted in; a portal gadget
 * shows each employee's newest notices. Shared by the engine, the API, the CLI, the screens and the gadget.
 * Secrets (SMTP passwords, webhook URLs, API tokens, signing secrets) live in the keychain, never here.
 */

/**
 * Event kinds. The first block is seed ⑥'s list (伝言連携 で通知される処理); then what Renkei itself sees
 * (its own change records) and the reverse direction (a chat message that becomes a groupware notice).
 */
export const noticeKinds = [
  'schedule.added',
  'schedule.changed',
  'schedule.deleted',
  'schedule.approved',
  'schedule.denied',
  'facility.added',
  'facility.changed',
  'facility.deleted',
  'facility.approved',
  'facility.denied',
  'facility.tentative-added',
  'facility.confirmed',
  'facility.tentative-deleted',
  'todo.added',
  'todo.changed',
  'message.created',
  'message.changed',
  'circulation.unconfirmed',
  'survey.unanswered',
  'information.approval-requested',
  'information.sent-back',
  'directory.account',
  'link.received',
  'chat.message',
] as const
export type NoticeKind = (typeof noticeKinds)[number]

/** Seed ⑥'s products (the rows of its table), plus Renkei's own and the reverse direction: the opt-in matrix's columns. */
export const noticeProducts = [
  'schedule',
  'facility',
  'todo',
  'message',
  'circulation',
  'survey',
  'information',
  'directory',
  'link',
  'chat',
] as const
export type NoticeProduct = (typeof noticeProducts)[number]

export function productOf(kind: NoticeKind): NoticeProduct {
  return kind.slice(0, kind.indexOf('.')) as NoticeProduct
}

/** Names and order of the seed's message lines (日時 / 変更日 / 変更者 / 登録先 / 予定 / 場所 / 内容 …). */
export const noticeFields = [
  /** Who did it (「中野愛さんより伝言」, 変更者 for a schedule). */
  'actor',
  /** 日時, as the groupware wrote it ("2022/12/20 11:00 ~ 2022/12/20 12:00"). */
  'when',
  /** The time before a change. */
  'oldWhen',
  /** 変更日 */
  'changedOn',
  /** 変更者 */
  'changedBy',
  /** 登録先: the people it is registered for. */
  'registeredFor',
  /** 予定 / task / document title. */
  'title',
  /** 場所 */
  'place',
  /** 内容 */
  'body',
  /** 依頼主 (伝言) */
  'requester',
  /** 要件 (伝言: 「折り返し電話をください」) */
  'purpose',
  /** 連絡先 (伝言) */
  'contact',
  /** 設備 (facility reservations) */
  'facility',
  /** 期限 (ToDo, circulation, survey) */
  'deadline',
  /** A link back to the item in the groupware. */
  'url',
  /** Where it happened: the calendar, the partner site, the chat channel. */
  'where',
] as const
export type NoticeField = (typeof noticeFields)[number]

/** What a template may name besides the event's fields: the addressee's own name. */
export const noticeRecipientFields = ['recipientName'] as const
/** Printed for a field the event does not carry (seed: 「場所: ---」). */
export const missingFieldText = '---'

const fieldText = z.string().max(10_000)

/**
 * One event as a source hands it over (the inbound webhook's JSON body; Renkei's own sources build the same).
 * `id` is the source's own event id: the same id twice is one event (and one message per person).
 * Addressees: home-directory employee keys, logins or e-mail addresses; unknown ones are reported, not dropped
 * silently. Unknown field names are refused (a typo must not print 「---」 forever).
 */
export const noticeEventInput = z
  .object({
    id: z.string().min(1).max(200),
    kind: z.enum(noticeKinds),
    /** ISO 8601 with offset, or milliseconds since the epoch; absent: when it was received. */
    occurredAt: z.union([z.string().max(40), z.number().int()]).optional(),
    addressees: z.array(z.string().min(1).max(320)).min(1).max(5_000),
    fields: z.object(Object.fromEntries(noticeFields.map((f) => [f, fieldText.optional()]))).strict(),
  })
  .strict()
export type NoticeEventInput = z.infer<typeof noticeEventInput>

/** What taking in one event did (the inbound webhook answers it; the history records it). */
export interface NoticeIngestResult {
  /** false: the same source already gave this event id; nothing was added. */
  readonly accepted: boolean
  readonly eventRow: number
  /** Addressees found in the home directory (employee keys). */
  readonly addressees: readonly string[]
  /** Addressees as given that match nobody in the home directory. */
  readonly unknownAddressees: readonly string[]
  /** Employees who get it (opted in for this kind). */
  readonly optedIn: number
  /** Messages queued (one per opted-in employee and enabled target of the right role). */
  readonly queued: number
}

// ---------------------------------------------------------------- templates

export const noticeLanguages = ['ja', 'en'] as const
export type NoticeLanguage = (typeof noticeLanguages)[number]

/**
 * A message template: `{{field}}` placeholders (a notice field or `recipientName`); a missing value prints
 * 「---」. Checked whole when saved: an unknown name or an unclosed `{{` is refused with its line and column.
 */
export const noticeTemplateInput = z
  .object({
    kind: z.enum(noticeKinds),
    language: z.enum(noticeLanguages),
    subject: z.string().max(500),
    body: z.string().max(10_000),
  })
  .strict()
export type NoticeTemplateInput = z.infer<typeof noticeTemplateInput>

export interface NoticeTemplate extends NoticeTemplateInput {
  /** false: the built-in text in the seed's wording (reset returns to it). */
  readonly custom: boolean
  readonly updatedAt: number | null
}

/** A template filled in from the kind's sample event (the screen's live preview). */
export interface NoticePreview {
  readonly subject: string
  readonly text: string
  /** Empty when the template is valid; otherwise why not, with line and column (ja/en). */
  readonly problems: readonly Localized[]
}

// ---------------------------------------------------------------- opt-in

/**
 * Seed ⑥ 「自分宛の伝言が登録された際に通知する」, per employee and kind; default off. The admin sets it in
 * bulk or per person. Effective value, first that exists wins: the employee's own rule; any of the employee's
 * groups (on beats off); the nearest department rule on the way up from the main department; `everyone`;
 * otherwise off.
 */
export const noticeOptInScopes = ['employee', 'group', 'department', 'everyone'] as const
export type NoticeOptInScope = (typeof noticeOptInScopes)[number]

export const noticeOptInUpdate = z
  .object({
    scope: z.enum(noticeOptInScopes),
    /** Employee key, group code or department code; '' for everyone. */
    code: z.string().max(200),
    kinds: z.array(z.enum(noticeKinds)).min(1).max(noticeKinds.length),
    /** true/false sets the rule; null removes it (the wider rule applies again). */
    enabled: z.boolean().nullable(),
  })
  .strict()
export type NoticeOptInUpdate = z.infer<typeof noticeOptInUpdate>

export interface NoticeOptInRule {
  readonly scope: NoticeOptInScope
  readonly code: string
  readonly kind: NoticeKind
  readonly enabled: boolean
}

/** One employee's row of the matrix: the kinds in effect and where each comes from. */
export interface NoticeOptInRow {
  readonly employeeKey: string
  readonly name: string
  readonly department: string | null
  readonly email: string | null
  readonly on: readonly NoticeKind[]
  /** Kinds set on this employee directly (on or off), the rest come from a wider rule. */
  readonly own: readonly NoticeKind[]
}

export interface NoticeOptInPage {
  readonly rows: readonly NoticeOptInRow[]
  readonly nextAfter: string | null
  /** Every bulk rule (group, department, everyone). */
  readonly rules: readonly NoticeOptInRule[]
}

// ---------------------------------------------------------------- targets

/**
 * smtp: e-mail (nodemailer; charset utf-8 or iso-2022-jp). slack: incoming webhook in Slack's shape (also
 * Mattermost and Rocket.Chat). teams: a Microsoft Teams workflow webhook (Adaptive Card). chatwork: Chatwork's
 * API (one room per addressee, from the recipient pattern). webhook: generic JSON with an HMAC-SHA256 signature
 * header. xmpp: one chat message to the person's XMPP account. groupware: the reverse direction (chat → groupware
 * notice) posted as JSON to the groupware's HTTP endpoint.
 */
export const noticeTargetKinds = [
  'smtp',
  'slack',
  'teams',
  'chatwork',
  'webhook',
  'xmpp',
  'groupware',
] as const
export type NoticeTargetKind = (typeof noticeTargetKinds)[number]

/** chat: groupware events to people; groupware: chat messages (kind chat.message) back to the groupware. */
export const noticeTargetRoles = ['chat', 'groupware'] as const
export type NoticeTargetRole = (typeof noticeTargetRoles)[number]

export const noticeCharsets = ['utf-8', 'iso-2022-jp'] as const
/** ja, en, or Japanese then English in one message. */
export const noticeMessageLanguages = ['ja', 'en', 'ja-en'] as const

const targetId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'target ids use a-z, 0-9 and "-"')

/**
 * One target. Recipient pattern: how an employee becomes an address here — `{email}`, `{login}`, `{key}`,
 * `{localpart}` (of the e-mail address) inside any text, e.g. `{login}@chat.example.co.jp` for XMPP, `@{login}`
 * for a Mattermost channel, or a fixed address (`notice@groupware.example`) for the reverse direction.
 * Secrets by kind (keychain `notices.target.<id>.<name>`): smtp `password`; slack / teams `url`; chatwork `token`;
 * webhook `url` and `signing`; xmpp `password`; groupware `url` and `signing`.
 */
export const noticeTargetInput = z
  .object({
    id: targetId,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(noticeTargetKinds),
    role: z.enum(noticeTargetRoles).default('chat'),
    enabled: z.boolean().default(true),
    language: z.enum(noticeMessageLanguages).default('ja'),
    recipient: z.string().trim().max(320).default('{email}'),
    /** 0: one message per event; N: several events for one person within N minutes become one message. */
    digestMinutes: z.number().int().min(0).max(1440).default(0),
    /** At most this many messages a minute leave for this target. */
    ratePerMinute: z.number().int().min(1).max(6000).default(60),
    smtp: z
      .object({
        host: z.string().trim().max(253),
        port: z.number().int().min(1).max(65535),
        security: z.enum(['none', 'starttls', 'tls']),
        username: z.string().trim().max(200).default(''),
        from: z.string().trim().max(320),
        charset: z.enum(noticeCharsets).default('utf-8'),
        trustedCertificate: z.string().trim().max(20_000).default(''),
      })
      .strict()
      .optional(),
    xmpp: z
      .object({
        /** xmpp://host:port or xmpps://host:port */
        service: z.string().trim().max(300),
        domain: z.string().trim().max(253),
        username: z.string().trim().max(200),
      })
      .strict()
      .optional(),
    chatwork: z
      .object({ apiBase: z.string().trim().max(300).default('https://api.chatwork.com/v2') })
      .strict()
      .optional(),
  })
  .strict()
export type NoticeTargetInput = z.input<typeof noticeTargetInput>
export type NoticeTargetConfig = z.output<typeof noticeTargetInput>

/** `notice.targets.save`: the target, and secrets typed now (moved to the keychain; null removes one). */
export const noticeTargetSave = z
  .object({
    target: noticeTargetInput,
    secrets: z
      .partialRecord(z.enum(['password', 'url', 'token', 'signing']), z.string().max(4_000).nullable())
      .optional(),
  })
  .strict()

export const noticeTargetSecretNames = ['password', 'url', 'token', 'signing'] as const
export type NoticeTargetSecretName = (typeof noticeTargetSecretNames)[number]

/** The keychain secrets a target kind may hold (smtp keeps its password even while its user name is blank). */
export const noticeSecretsOfKind: Readonly<Record<NoticeTargetKind, readonly NoticeTargetSecretName[]>> = {
  smtp: ['password'],
  slack: ['url'],
  teams: ['url'],
  chatwork: ['token'],
  webhook: ['url', 'signing'],
  xmpp: ['password'],
  groupware: ['url', 'signing'],
}

export function noticeTargetSecret(targetId: string, name: NoticeTargetSecretName): string {
  return `notices.target.${targetId}.${name}`
}

export interface NoticeTargetView {
  readonly target: NoticeTargetConfig
  /** Which of its secrets are stored (never their values). */
  readonly secrets: Readonly<Partial<Record<NoticeTargetSecretName, boolean>>>
  /** Problems that stop it from sending (a missing secret, no SMTP host), ja/en. */
  readonly problems: readonly Localized[]
  readonly pending: number
  readonly setAside: number
  readonly lastSentAt: number | null
  readonly lastError: Localized | null
}

export interface NoticeTestResult {
  readonly ok: boolean
  readonly message: Localized
  /** The server's own words, credentials cut. */
  readonly detail: string | null
  /** The address the test went to. */
  readonly address: string | null
}

// ---------------------------------------------------------------- inbound sources

/**
 * Who may post events to Renkei. events: groupware events (`POST renkei-notice/v1/in/<id>`, body =
 * `noticeEventInput`, headers `X-Renkei-Timestamp` (seconds) and `X-Renkei-Signature: v1=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">` with the source's secret, refused outside a 5-minute window). slack: a Slack-compatible
 * outgoing webhook (Mattermost / Rocket.Chat; its token) whose messages become kind chat.message. xmpp: messages
 * to Renkei's XMPP account become kind chat.message. Secret: keychain `notices.source.<id>.secret`.
 */
export const noticeSourceKinds = ['events', 'slack', 'xmpp'] as const
export type NoticeSourceKind = (typeof noticeSourceKinds)[number]

export const noticeSourceInput = z
  .object({
    id: targetId,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(noticeSourceKinds),
    enabled: z.boolean().default(true),
    xmpp: z
      .object({
        service: z.string().trim().max(300),
        domain: z.string().trim().max(253),
        username: z.string().trim().max(200),
      })
      .strict()
      .optional(),
  })
  .strict()
export type NoticeSourceConfig = z.output<typeof noticeSourceInput>

/** The secret's length is checked by kind when saved: a signing secret needs 16+, an XMPP password what its server allows. */
export const noticeSourceSave = z
  .object({ source: noticeSourceInput, secret: z.string().min(1).max(4_000).nullable().optional() })
  .strict()

export function noticeSourceSecret(sourceId: string): string {
  return `notices.source.${sourceId}.secret`
}

/** Replay window of signed inbound events. */
export const noticeReplayWindowMs = 5 * 60_000

export interface NoticeSourceView {
  readonly source: NoticeSourceConfig
  readonly secretStored: boolean
  /** Where the groupware posts (on the partner-facing listener), or null while it does not listen. */
  readonly url: string | null
  readonly lastEventAt: number | null
  readonly events24h: number
  readonly refused24h: number
}

// ---------------------------------------------------------------- settings

export const noticeSettings = z
  .object({
    enabled: z.boolean().default(true),
    /** Renkei's own change records become events: calendar sync, directory sync, site-link receipts. */
    ownEvents: z
      .object({
        calendar: z.boolean().default(true),
        directory: z.boolean().default(false),
        sitelink: z.boolean().default(false),
      })
      .strict()
      .default({ calendar: true, directory: false, sitelink: false }),
    /** Origins allowed to frame the gadget (`frame-ancestors`), e.g. https://portal.example.co.jp. */
    portalOrigins: z.array(z.string().trim().max(300)).max(50).default([]),
    /** One summary of what failed per period to the admin (alert channels); 0 = off. */
    failureDigestMinutes: z.number().int().min(0).max(10_080).default(60),
    /**
     * Attempts of a message failing for a transient reason before it is set aside. 40 span about 33 hours at
     * the backoff's 1-hour cap (26 at the least with jitter): a target down for a day keeps its messages.
     */
    maxAttempts: z.number().int().min(1).max(100).default(40),
  })
  .strict()
export type NoticeSettings = z.infer<typeof noticeSettings>
export type NoticeSettingsInput = z.input<typeof noticeSettings>

// ---------------------------------------------------------------- queue and history

export const noticeMessageStates = ['pending', 'sent', 'set-aside', 'dropped'] as const
export type NoticeMessageState = (typeof noticeMessageStates)[number]

export interface NoticeMessageView {
  readonly id: number
  readonly eventRow: number
  readonly kind: NoticeKind
  readonly targetId: string
  readonly employeeKey: string
  readonly employeeName: string
  readonly address: string
  readonly state: NoticeMessageState
  readonly attempts: number
  readonly dueAt: number
  readonly createdAt: number
  readonly finishedAt: number | null
  readonly error: Localized | null
  readonly detail: string | null
  /** Sent inside a digest with others (the digest's first message id). */
  readonly digestOf: number | null
}

export interface NoticeQueuePage {
  readonly messages: readonly NoticeMessageView[]
  readonly nextBefore: number | null
  readonly counts: Readonly<Record<NoticeMessageState, number>>
}

export interface NoticeEventView {
  readonly row: number
  readonly source: string
  readonly eventId: string
  readonly kind: NoticeKind
  readonly occurredAt: number
  readonly receivedAt: number
  readonly title: string | null
  readonly addressees: readonly string[]
  readonly unknownAddressees: readonly string[]
  readonly messages: Readonly<Record<NoticeMessageState, number>>
}

export interface NoticeEventPage {
  readonly events: readonly NoticeEventView[]
  readonly nextBefore: number | null
}

export interface NoticeEventDetail {
  readonly event: NoticeEventView
  readonly fields: Readonly<Partial<Record<NoticeField, string>>>
  readonly messages: readonly NoticeMessageView[]
}

// ---------------------------------------------------------------- gadget

/** One notice as the gadget shows it to its employee. */
export interface GadgetNotice {
  readonly id: number
  readonly kind: NoticeKind
  readonly subject: string
  readonly text: string
  readonly at: number
  readonly read: boolean
}

export interface GadgetUrl {
  /** For the portal's iframe; carries a signed token, so treat it like a password. */
  readonly url: string
  /** null: until the gadget key is rotated. */
  readonly expiresAt: number | null
}

/** Pushed when a notice lands in an employee's gadget inbox (the gadget's live stream listens for it). */
export interface NoticeInboxEvent {
  readonly employeeKey: string
  readonly notice: GadgetNotice
}
