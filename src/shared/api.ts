/**
 * The one API contract. The core implements it once (src/main/core/api-handlers.ts); Electron IPC,
 * the daemon's HTTP/WebSocket bridge and tests all carry it without per-method glue.
 * Adding a method: add it here, then implement it in the core. Nothing else changes.
 */
import { z } from 'zod'
import {
  alertSettings,
  maxWebhookUrlLength,
  type AlertSettings,
  type AlertSettingsUpdate,
  type AlertTestResult,
} from './model/alerts'
import type {
  CalendarChange,
  CalendarCheckResult,
  CalendarPairStatus,
  CalendarRunSummary,
  CalendarStatus,
  CalendarStopped,
  OAuthStart,
} from './model/calendar'
import {
  calendarPairConfig,
  calendarPairId,
  type CalendarPairConfig,
  type CalendarPairInput,
  type CalendarSettings,
  type CalendarSettingsInput,
} from './model/calendar-config'
import type {
  ConnectionCheckResult,
  CsvHeaders,
  DepartmentSummary,
  DirectoryPlan,
  DirectoryProgress,
  DirectoryGroup,
  DirectoryPosition,
  DirectoryRunSummary,
  DirectoryStatus,
  EmployeePage,
} from './model/directory'
import { csvEncodings, type DirectoryConfig, type DirectoryConfigInput } from './model/directory-config'
import type { HealthOverview } from './model/health'
import type { HistoryEntry } from './model/history'
import { directions, levels } from './model/history'
import type { JobStatus } from './model/jobs'
import { languages, type Localized } from './model/localized'
import { mergePatchOf } from './model/merge-patch'
import {
  maxCaPemLength,
  type NetworkSettingsInput,
  type NetworkState,
  type NetworkTestResult,
} from './model/network'
import type { Settings } from './model/settings'
import type { LinkEndpointSettingsInput, LinkEndpointState } from './model/sitelink-endpoint'
import type {
  LinkActionResult,
  LinkDetail,
  LinkList,
  LinkRequestCurrent,
  LinkRequestPreview,
  LinkRequestTicket,
  LinkSiteSettings,
} from './model/sitelink'
import type {
  LinkActivityInfo,
  LinkClearResult,
  LinkSendResult,
  PartnerDirectoryPage,
} from './model/sitelink-exchange'
import {
  presenceKinds,
  presenceTextLimits,
  type LinkFeeds,
  type PresenceClearResult,
  type PresenceEntry,
} from './model/sitelink'
import {
  acceptRuleSet,
  addressRange,
  oidcSettingsInput,
  visitRuleSet,
  type LinkExplanation,
  type LinkRules,
  type MachineIdentityState,
  type OidcSettings,
  type VisitLogPage,
  type VisitorPage,
  type VisitTicket,
} from './model/sitelink-rules'
import {
  noticeEventInput,
  noticeKinds,
  noticeMessageStates,
  noticeOptInUpdate,
  noticeSourceSave,
  noticeTargetSave,
  noticeTemplateInput,
  noticeLanguages,
  type GadgetUrl,
  type NoticeEventDetail,
  type NoticeEventPage,
  type NoticeIngestResult,
  type NoticeInboxEvent,
  type NoticeOptInPage,
  type NoticePreview,
  type NoticeQueuePage,
  type NoticeSettings,
  type NoticeSettingsInput,
  type NoticeSourceView,
  type NoticeTargetView,
  type NoticeTemplate,
  type NoticeTestResult,
} from './model/notices'
import {
  memberNoticeStates,
  roomEventInput,
  type CommunityPage,
  type MemberNoticeSendResult,
  type MemberNoticeView,
  type RoomEventResult,
  type RoomPreview,
  type RoomRunSummary,
  type RoomSettings,
  type RoomSettingsInput,
} from './model/rooms'
import type { AccessTokenRotation, AppStatus, SecretInfo } from './model/status'

/**
 * Pairs a zod input schema with the output type it promises (types only: outputs come from our own core).
 * Curried so the input type is inferred while the output type is written: `returns<T>()(schema)`.
 */
function returns<O>() {
  return <I extends z.ZodType>(input: I): { readonly input: I; readonly output?: O } => ({ input })
}

const empty = z.object({}).strict()
const jobTarget = z.object({ id: z.string().min(1).optional() }).strict()
const noticeId = z.string().min(1).max(63)

export const secretName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'secret names use a-z, 0-9, ".", "_" and "-"')

export const historyFilter = z
  .object({
    /** Matches site names that start with it, taken literally ("山田" finds 山田商事). */
    site: z.string().max(200).optional(),
    direction: z.enum(directions).optional(),
    category: z.string().max(100).optional(),
    level: z.enum(levels).optional(),
    /** Inclusive, milliseconds since the epoch. */
    from: z.number().int().optional(),
    /** Exclusive, milliseconds since the epoch. */
    to: z.number().int().optional(),
    text: z.string().max(200).optional(),
  })
  .strict()
export type HistoryFilter = z.infer<typeof historyFilter>

/** Keyset cursor: the (ts, id) of the last entry of the previous page. */
export const historyCursor = z.object({ ts: z.number().int(), id: z.number().int() }).strict()
export type HistoryCursor = z.infer<typeof historyCursor>

export interface HistoryPage {
  readonly entries: readonly HistoryEntry[]
  readonly nextCursor: HistoryCursor | null
}

/** Counting stops just past the export limit so the rule can be shown before a click, even on millions. */
export interface HistoryCount {
  readonly count: number
  readonly atLeast: boolean
  /** The newest entry id when counted: an export given it writes exactly these entries, none that came later. */
  readonly throughId: number
}

/** What the history holds, for the filter's pick lists (distinct values, cheap on millions of entries). */
export interface HistoryFacets {
  readonly sites: readonly string[]
  readonly categories: readonly string[]
  /** More distinct values than the lists carry (they keep the first in sort order). */
  readonly truncated: boolean
}

export interface RunNowResult {
  readonly started: readonly string[]
  /** Jobs left out because they write only after a preview and a confirmation. */
  readonly needsConfirmation: readonly string[]
}

export interface HistoryExport {
  readonly fileName: string
  readonly mimeType: string
  readonly content: string
  readonly rows: number
}

export const settingsPatch = z
  .object({
    language: z.enum(languages).optional(),
    historyRetentionMonths: z.number().int().min(1).max(120).optional(),
    startAtLogin: z.boolean().optional(),
  })
  .strict()

const searchInput = z
  .object({
    filter: historyFilter,
    cursor: historyCursor.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()

const exportInput = z
  .object({
    filter: historyFilter,
    format: z.enum(['csv', 'jsonl']),
    language: z.enum(languages).default('ja'),
    /** The `throughId` of the count the admin saw, so the file holds the entries counted, not later ones. */
    throughId: z.number().int().min(0).optional(),
  })
  .strict()

const directoryEmployeesInput = z
  .object({
    /** Main department code; omitted: everyone. */
    department: z.string().max(200).optional(),
    /** Matches key, login, names and e-mail. */
    text: z.string().max(200).optional(),
    /** The last key of the previous page. */
    after: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()

const pairTarget = z.object({ id: calendarPairId }).strict()

// --- Site link (issue 12): link records and their life cycle ---
const linkTarget = z.object({ id: z.string().min(1).max(100) }).strict()
/** A request URL as the requester sent it: `https://…/renkei-link/v1/request/<token>`. */
const linkRequestUrl = z.object({ url: z.string().trim().min(1).max(2000) }).strict()
/** Start and relink send everything: at peak hours they answer `peak` unless one of these says what to do. */
const linkSendInput = linkTarget.extend({
  confirmPeak: z.boolean().default(false),
  sendTonight: z.boolean().default(false),
})
export const linkSitePatch = z
  .object({
    companyName: z.string().trim().min(1).max(200).optional(),
    /** null or "" = none (partners show the company name). */
    siteName: z.string().trim().max(200).nullable().optional(),
    linkUrl: z.string().trim().min(1).max(2000).optional(),
    /** null or "" = the OS user name. */
    adminName: z.string().trim().max(100).nullable().optional(),
  })
  .strict()
export type LinkSitePatch = z.infer<typeof linkSitePatch>
// --- end site link ---
// Site link data exchange (outbox, receiving): link ids are the handshake's.
const linkId = z.string().min(1).max(200)
const optionalLinkTarget = z.object({ id: linkId.optional() }).strict()
// Site link presence (在席状況) and partner feeds. Dates and times are checked in the core, which says
// in Japanese and English what is wrong with them (「2026-02-30」 is not a day).
const presenceDay = z
  .object({ employeeKey: z.string().min(1).max(200), date: z.string().min(1).max(40) })
  .strict()
const presenceSetInput = presenceDay
  .extend({
    kind: z.enum(presenceKinds),
    /** 行先・補足 */
    destination: z.string().max(presenceTextLimits.destination).nullable().default(null),
    /** 帰社日時: 「2026-12-02 17:30」, or 「17:30」 on the entry's day; this computer's zone. */
    returnAt: z.string().max(40).nullable().default(null),
    /** 備考 */
    note: z.string().max(presenceTextLimits.note).nullable().default(null),
  })
  .strict()

export const apiContract = {
  'app.status': returns<AppStatus>()(empty),
  'jobs.list': returns<readonly JobStatus[]>()(empty),
  /** The health model: every engine and its users or links, what needs attention first, 7 days of runs and errors. */
  'health.get': returns<HealthOverview>()(empty),
  /**
   * Without an id: "send now" for every job that may run unseen; the ones that need a preview and a
   * confirmation (`needsConfirmation`, the directory run) are listed instead of started, and every UI is
   * asked to show that confirmation (`jobs.confirmationRequested`). With the id of such a job: refused.
   */
  'jobs.runNow': returns<RunNowResult>()(jobTarget),
  'jobs.pause': returns<readonly JobStatus[]>()(jobTarget),
  'jobs.resume': returns<readonly JobStatus[]>()(jobTarget),
  'history.search': returns<HistoryPage>()(searchInput),
  'history.count': returns<HistoryCount>()(z.object({ filter: historyFilter }).strict()),
  'history.export': returns<HistoryExport>()(exportInput),
  'history.facets': returns<HistoryFacets>()(empty),
  'settings.get': returns<Settings>()(empty),
  'settings.update': returns<Settings>()(settingsPatch),
  'secrets.list': returns<readonly SecretInfo[]>()(empty),
  'secrets.set': returns<readonly SecretInfo[]>()(
    z.object({ name: secretName, value: z.string().min(1).max(65536) }).strict(),
  ),
  'secrets.clear': returns<readonly SecretInfo[]>()(z.object({ name: secretName }).strict()),
  /**
   * Issues a new daemon access token in place of the old one, which the daemon refuses from then on
   * (open tabs and bookmarks stop working). Answers with the URL that opens the UI with the new token —
   * to a caller who already holds access; outside the daemon the URL is null (the next start uses it).
   */
  'secrets.rotateAccessToken': returns<AccessTokenRotation>()(empty),
  'directory.status': returns<DirectoryStatus>()(empty),
  'directory.config.get': returns<DirectoryConfig>()(empty),
  /**
   * A JSON Merge Patch (RFC 7396) of the stored configuration: `{}` changes nothing, `null` resets a
   * field to its default, a section whose `kind` changes is replaced. The result is checked as a
   * whole (a refused one changes nothing) and returned with defaults filled in. The form sends
   * everything, which is a patch too.
   */
  'directory.config.update': returns<DirectoryConfig>()(mergePatchOf<DirectoryConfigInput>()),
  /**
   * "Test connection" for the source or target, in plain language. `config` is the form's draft (a merge
   * patch of the saved settings, checked as `directory.config.update` checks it) and `secret` that side's
   * password or token as typed: the test uses what is on the screen, and saves neither.
   */
  'directory.check': returns<ConnectionCheckResult>()(
    z
      .object({
        side: z.enum(['source', 'target']),
        config: mergePatchOf<DirectoryConfigInput>().optional(),
        secret: z.string().min(1).max(65536).optional(),
      })
      .strict(),
  ),
  /** The header names of a CSV export (read from its first lines), for the column mapping form. */
  'directory.csv.headers': returns<CsvHeaders>()(
    z
      .object({
        file: z.string().min(1).max(1000),
        encoding: z.enum(csvEncodings).default('auto'),
        /** The mapping's required columns: the row holding most of them is the header. */
        lookFor: z.array(z.string().max(200)).max(20).default([]),
      })
      .strict(),
  ),
  /** Dry run: reads the source and the target and computes the plan; writes nothing. */
  'directory.preview': returns<DirectoryPlan>()(
    z.object({ limit: z.number().int().min(0).max(1_000_000).default(2000) }).strict(),
  ),
  /**
   * Run now. `plan` is the fingerprint of the preview the admin confirmed: without it, or when the plan
   * computed now differs from that preview, the run is refused and writes nothing. approveDeletions lets
   * this one run past the deletion guard (the threshold is unchanged); approveAdoptions adopts the existing
   * accounts the preview lists as "adopt" (this run only).
   */
  'directory.run': returns<DirectoryRunSummary>()(
    z
      .object({
        plan: z.string().max(128).optional(),
        approveDeletions: z.boolean().default(false),
        approveAdoptions: z.boolean().default(false),
      })
      .strict(),
  ),
  'directory.departments': returns<readonly DepartmentSummary[]>()(empty),
  'directory.employees': returns<EmployeePage>()(directoryEmployeesInput),
  /** The home directory's positions and groups (read-only; the visit rules pick them). */
  'directory.positions': returns<readonly DirectoryPosition[]>()(empty),
  'directory.groups': returns<readonly DirectoryGroup[]>()(empty),
  'calendar.status': returns<CalendarStatus>()(empty),
  /** A merge patch of the shared settings, as `directory.config.update`. */
  'calendar.settings.update': returns<CalendarSettings>()(mergePatchOf<CalendarSettingsInput>()),
  'calendar.pairs.get': returns<CalendarPairConfig>()(pairTarget),
  /** Adds a pair or replaces one with the same id (the form sends everything). */
  'calendar.pairs.save': returns<CalendarPairStatus>()(calendarPairConfig),
  /** Adds a pair; refused when the id is taken (scripts must not overwrite a user by accident). */
  'calendar.pairs.add': returns<CalendarPairStatus>()(calendarPairConfig),
  /** A merge patch of one pair (the id cannot change), checked whole; a refused one changes nothing. */
  'calendar.pairs.update': returns<CalendarPairStatus>()(
    z.object({ id: calendarPairId, patch: mergePatchOf<CalendarPairInput>() }).strict(),
  ),
  /** Forgets the pair and its mapping; events already copied stay where they are. */
  'calendar.pairs.remove': returns<CalendarStatus>()(pairTarget),
  /** Seed 001 ④: the permit switches of the whole list, applied by one "update". */
  'calendar.permits.update': returns<CalendarStatus>()(
    z
      .object({
        permits: z
          .array(z.object({ id: calendarPairId, permitted: z.boolean() }).strict())
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),
  /** Back to syncing after an automatic (or admin) stop; the error count starts afresh. */
  'calendar.resume': returns<CalendarStatus>()(pairTarget),
  'calendar.stop': returns<CalendarStatus>()(pairTarget),
  /** Diagnostics: reachable, credentials, calendar exists and is writable, time zone, clock skew. */
  'calendar.check': returns<CalendarCheckResult>()(pairTarget),
  /** Run one pair now (any state but disabled), waiting for the result. */
  'calendar.run': returns<CalendarRunSummary>()(pairTarget),
  /** Google preset: starts the installed-app OAuth flow (PKCE, loopback redirect). */
  'calendar.oauth.start': returns<OAuthStart>()(pairTarget),
  /** Admin alerts (e-mail, webhook) on failed jobs and stopped calendar users. */
  'alerts.settings.get': returns<AlertSettings>()(empty),
  /**
   * A merge patch, as `directory.config.update`. `webhook.url` goes to the keychain (`alerts.webhook.url`),
   * never into the document; the SMTP password is the secret `alerts.smtp.password` (`secrets.set`).
   */
  'alerts.settings.update': returns<AlertSettings>()(mergePatchOf<AlertSettingsUpdate>()),
  /**
   * Sends a test alert through every enabled channel, waiting for each one's result. With `settings`
   * (the whole unsaved form) and `webhookUrl` (typed, not yet saved) those are used, checked as a save
   * would be; nothing is saved. Otherwise the stored settings and URL.
   */
  'alerts.test': returns<AlertTestResult>()(
    z
      .object({
        settings: alertSettings.optional(),
        webhookUrl: z.string().max(maxWebhookUrlLength).optional(),
      })
      .strict(),
  ),
  /** The network layer: proxy settings, trusted CAs (the proxy password is the secret `network.proxy.password`). */
  'network.get': returns<NetworkState>()(empty),
  /** A merge patch of the settings, checked as a whole (a refused one changes nothing). */
  'network.update': returns<NetworkState>()(mergePatchOf<NetworkSettingsInput>()),
  /** A PEM bundle of CA certificates trusted besides the system's, for every HTTPS and LDAPS connection. */
  'network.ca.add': returns<NetworkState>()(
    z.object({ pem: z.string().min(1).max(maxCaPemLength) }).strict(),
  ),
  'network.ca.remove': returns<NetworkState>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** One GET along the route a real request takes: the path (direct or which proxy), status, chain. */
  'network.test': returns<NetworkTestResult>()(z.object({ url: z.string().min(1).max(2000) }).strict()),

  // Site link: the partner endpoint (HTTPS listener partners call). The PKCS#12 passphrase is the secret
  // `sitelink.endpoint.passphrase` (secrets.set); an update re-reads it and the certificate files.
  'link.endpoint.get': returns<LinkEndpointState>()(empty),
  /** A merge patch; the listener is restarted with it, and one that cannot start is refused (nothing changes). */
  'link.endpoint.update': returns<LinkEndpointState>()(mergePatchOf<LinkEndpointSettingsInput>()),
  // --- Site link (issue 12) ---
  'link.site.get': returns<LinkSiteSettings>()(empty),
  /** Changing the link URL of a site with links is リンクURL変更: every pending or linked partner is told. */
  'link.site.update': returns<LinkSiteSettings>()(linkSitePatch),
  'link.list': returns<LinkList>()(empty),
  'link.get': returns<LinkDetail>()(linkTarget),
  /**
   * リンク要求: a one-time URL valid 24 hours; a new one invalidates the old. The URL (its token) is in this
   * answer only and is never stored or shown again; `mailto` drafts come from `linkRequestMail`.
   */
  'link.request': returns<LinkRequestTicket>()(empty),
  /** The live request (for the countdown), without its URL; `request` null when none is live. */
  'link.request.current': returns<LinkRequestCurrent>()(empty),
  /** 読み込み: shows who asked; records nothing at the requester and sends nothing about this site. */
  'link.load': returns<LinkRequestPreview>()(linkRequestUrl),
  /** 受諾: publishes this site's profile to the requester; both sides hold a pending link. */
  'link.accept': returns<LinkDetail>()(linkRequestUrl),
  /** リンク開始 (requester, pending only). */
  'link.start': returns<LinkActionResult>()(linkSendInput),
  /** リンク拒否 (requester, pending only). */
  'link.reject': returns<LinkDetail>()(linkTarget),
  /** 一時停止: nothing is sent or received until resumed (this side only). */
  'link.pause': returns<LinkDetail>()(linkTarget),
  'link.resume': returns<LinkDetail>()(linkTarget),
  /** リンク解除 (linked; or pending on the accepting side). Partner people are removed, schedules kept. */
  'link.unlink': returns<LinkDetail>()(linkTarget),
  /** 再リンク: everything is sent again (linked, not paused). */
  'link.relink': returns<LinkActionResult>()(linkSendInput),
  // ── Site link data exchange (seed データ連携, リンク状況を確認する) ──
  /** 「今すぐ送信」: plans and delivers now, for every active link or the one named; waits for the result. */
  'link.sendNow': returns<LinkSendResult>()(optionalLinkTarget),
  /** 「クリア」: stops the send going on and drops the planned batches; their data goes at the next timing. */
  'link.clear': returns<LinkClearResult>()(optionalLinkTarget),
  /** A partner's departments, people (with today's presence) and positions, 100 people a page. */
  'link.partnerDirectory': returns<PartnerDirectoryPage>()(
    z
      .object({
        id: linkId,
        /** Department code; omitted: the top level. */
        department: z.string().min(1).max(200).optional(),
        /** Matches key, names, kana and e-mail across the whole partner. */
        query: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
  ),
  /** 送信状況 and 受信履歴 of one link: last send, sending, planned time and kinds, receipts, last error. */
  'link.activity': returns<LinkActivityInfo>()(z.object({ id: linkId }).strict()),
  /** Presence entries (in a day, of an employee, or all), by date then employee key. */
  'presence.list': returns<readonly PresenceEntry[]>()(
    z.object({ date: z.string().max(40).optional(), employeeKey: z.string().max(200).optional() }).strict(),
  ),
  /** Sets a home employee's presence for a day (replacing that day's entry); partners receive it. */
  'presence.set': returns<PresenceEntry>()(presenceSetInput),
  'presence.clear': returns<PresenceClearResult>()(presenceDay),
  /**
   * The secret iCalendar feed URLs of a link's partner schedules (one per partner employee and one for the
   * site), for the home groupware to subscribe to. Anyone holding a URL can read that feed: rotate the
   * key (`secrets.clear sitelink.feed-key`) to revoke them all.
   */
  'link.feeds': returns<LinkFeeds>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  // ── Site link visits (issue 13, seed 連携する社員の設定: 訪問 / 受入) ──
  /** This site's visit and accept rules for one link, their sync with the partner, and the partner's. */
  'link.rules.get': returns<LinkRules>()(z.object({ id: linkId }).strict()),
  /**
   * Replaces the visit and/or the accept rule set (each checked as a whole: a refused one changes nothing);
   * the partner receives them through the outbox within minutes (`visitSync` / `acceptSync` tell).
   */
  'link.rules.update': returns<LinkRules>()(
    z.object({ id: linkId, visit: visitRuleSet.optional(), accept: acceptRuleSet.optional() }).strict(),
  ),
  /**
   * "Why can't X log in?": `outgoing` = a home employee, to every partner (or the one named); `incoming` =
   * a partner's employee visiting here (`linkId` required). With `address`, network rules apply.
   */
  'link.explain': returns<LinkExplanation>()(
    z
      .object({
        employeeKey: z.string().min(1).max(200),
        direction: z.enum(['outgoing', 'incoming']).default('outgoing'),
        linkId: linkId.optional(),
        address: addressRange.optional(),
      })
      .strict(),
  ),
  /** The "who may visit" table of one link, 100 rows a page: home employees (outgoing) or the partner's. */
  'link.visitors': returns<VisitorPage>()(
    z
      .object({
        id: linkId,
        direction: z.enum(['outgoing', 'incoming']).default('outgoing'),
        query: z.string().max(200).optional(),
        allowed: z.boolean().optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
  ),
  /** A one-time visit URL for a home employee the visit rules allow (signed, 60 seconds, single use). */
  'link.visit.issue': returns<VisitTicket>()(
    z.object({ id: linkId, employeeKey: z.string().min(1).max(200) }).strict(),
  ),
  /** The visit log (issued here and received here), newest first. */
  'link.visits': returns<VisitLogPage>()(
    z
      .object({
        id: linkId.optional(),
        before: z.number().int().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** OpenID Connect provider mode: partner visitors sign in to this site's groupware (the relying party). */
  'link.oidc.get': returns<OidcSettings>()(empty),
  /** Replaces the settings; client secrets are `sitelink.oidc.client.<clientId>` (`secrets.set`). */
  'link.oidc.update': returns<OidcSettings>()(oidcSettingsInput),
  /** Test copies: whether this data directory moved machine (its links were then paused automatically). */
  'link.machine.get': returns<MachineIdentityState>()(empty),
  /** 「この端末で再開」 (resume-here: resume the links paused for it) or "a test copy: keep paused". */
  'link.machine.confirm': returns<MachineIdentityState>()(
    z.object({ action: z.enum(['resume-here', 'keep-paused']) }).strict(),
  ),
  /** Notice relay (seed 000 ⑤ ⑥): on/off, own events, portal origins, failure digest. */
  'notice.settings.get': returns<NoticeSettings>()(empty),
  'notice.settings.update': returns<NoticeSettings>()(mergePatchOf<NoticeSettingsInput>()),
  /** Every target with its problems and queue counts (secrets only as "stored"). */
  'notice.targets.list': returns<readonly NoticeTargetView[]>()(empty),
  /** Adds or replaces one target (checked whole: nothing changes on an error); typed secrets go to the keychain. */
  'notice.targets.save': returns<NoticeTargetView>()(noticeTargetSave),
  /** Removes a target and its keychain secrets; its pending messages are dropped (recorded). */
  'notice.targets.remove': returns<readonly NoticeTargetView[]>()(z.object({ id: noticeId }).strict()),
  /** Sends one sample message now (not queued) to an employee's address here, or to `address` as typed. */
  'notice.targets.test': returns<NoticeTestResult>()(
    z
      .object({
        id: noticeId,
        employeeKey: z.string().min(1).max(200).optional(),
        address: z.string().min(1).max(320).optional(),
      })
      .strict(),
  ),
  /** Every kind in both languages: the custom text or the built-in one in the seed's wording. */
  'notice.templates.list': returns<readonly NoticeTemplate[]>()(empty),
  /** Saves one template; a template with problems is refused (ja/en, line and column) and nothing changes. */
  'notice.templates.save': returns<NoticeTemplate>()(noticeTemplateInput),
  /** Back to the built-in text. */
  'notice.templates.reset': returns<NoticeTemplate>()(
    z.object({ kind: z.enum(noticeKinds), language: z.enum(noticeLanguages) }).strict(),
  ),
  /** Fills a template (saved or not) from the kind's sample event: the live preview. Never throws on a bad template. */
  'notice.templates.preview': returns<NoticePreview>()(noticeTemplateInput),
  /** The opt-in matrix, a page of employees (name/key/department filter) and every bulk rule. */
  'notice.optins.get': returns<NoticeOptInPage>()(
    z
      .object({
        query: z.string().max(200).optional(),
        department: z.string().max(200).optional(),
        after: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** Sets (or removes) a rule for an employee, a group, a department or everyone; unknown codes are refused. */
  'notice.optins.set': returns<NoticeOptInPage>()(noticeOptInUpdate),
  /** Inbound sources (groupware webhook, chat webhook, XMPP account) and the URL each posts to. */
  'notice.sources.list': returns<readonly NoticeSourceView[]>()(empty),
  'notice.sources.save': returns<NoticeSourceView>()(noticeSourceSave),
  'notice.sources.remove': returns<readonly NoticeSourceView[]>()(z.object({ id: noticeId }).strict()),
  /** Takes in one event as the admin (a test from the screen or the CLI): same checks and queue as the webhook. */
  'notice.events.ingest': returns<NoticeIngestResult>()(
    z.object({ source: noticeId.default('manual'), event: noticeEventInput }).strict(),
  ),
  /** Per-event delivery history, newest first. */
  'notice.events.list': returns<NoticeEventPage>()(
    z
      .object({
        before: z.number().int().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'notice.events.get': returns<NoticeEventDetail>()(z.object({ row: z.number().int() }).strict()),
  /** The queue: messages by state (pending, sent, set aside, dropped), newest first. */
  'notice.queue': returns<NoticeQueuePage>()(
    z
      .object({
        state: z.enum(noticeMessageStates).optional(),
        targetId: noticeId.optional(),
        before: z.number().int().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** Puts set-aside messages back in the queue (one, or all of a target, or all); returns how many. */
  'notice.retry': returns<{ readonly retried: number }>()(
    z.object({ id: z.number().int().optional(), targetId: noticeId.optional() }).strict(),
  ),
  /** The gadget URL for one employee, or (no key) the admin gadget with the health of every engine and link. */
  'notice.gadget.url': returns<GadgetUrl>()(
    z.object({ employeeKey: z.string().min(1).max(200).optional() }).strict(),
  ),
  /** New gadget key: every gadget URL handed out so far stops working. */
  'notice.gadget.rotate': returns<{ readonly rotatedAt: number }>()(empty),
  /** Room provisioning (seed 003 appendix F): on/off, the system parameters, which groups are communities, the target. */
  'rooms.settings.get': returns<RoomSettings>()(empty),
  /** A merge patch, checked whole; the Mailman password is the secret `rooms.mailman.password` (`secrets.set`). */
  'rooms.settings.update': returns<RoomSettings>()(mergePatchOf<RoomSettingsInput>()),
  /** Signs in to Mailman's REST API and reads the mail domain: what works and what does not, ja/en. */
  'rooms.target.test': returns<{ readonly ok: boolean; readonly message: Localized }>()(empty),
  /** Communities (marked groups and inbound ones) with their rooms, by code. */
  'rooms.communities.list': returns<CommunityPage>()(
    z
      .object({
        query: z.string().max(200).optional(),
        after: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** What a run would change on the target; with `community`, that room's 23 values of table F-2 with their rules. */
  'rooms.preview': returns<RoomPreview>()(z.object({ community: z.string().max(200).optional() }).strict()),
  /** Applies the planned changes (all, or one community's). Refused while the listing of the target is incomplete. */
  'rooms.run': returns<RoomRunSummary>()(z.object({ community: z.string().max(200).optional() }).strict()),
  /** Takes in one community event as the admin (a test from the screen or the CLI): same checks as the webhook. */
  'rooms.events.ingest': returns<RoomEventResult>()(
    z.object({ source: noticeId.default('manual'), event: roomEventInput }).strict(),
  ),
  /** Member-added notices, newest first, by state. */
  'rooms.notices.list': returns<readonly MemberNoticeView[]>()(
    z
      .object({
        state: z.enum(memberNoticeStates).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** 「通知メールを送信」: sends every pending notice now; one whose community is gone is dropped and reported. */
  'rooms.notices.send': returns<MemberNoticeSendResult>()(empty),
} as const

export type ApiContract = typeof apiContract
export type MethodName = keyof ApiContract
export const methodNames = Object.keys(apiContract) as MethodName[]

/** What a caller passes: defaults may be omitted. */
export type MethodInput<K extends MethodName> = z.input<ApiContract[K]['input']>
/** What the implementation receives after validation: defaults filled in. */
export type ParsedInput<K extends MethodName> = z.output<ApiContract[K]['input']>
export type MethodOutput<K extends MethodName> = NonNullable<ApiContract[K]['output']>

/** The shape every transport hands to callers: one async function per method. */
export type ApiClient = {
  readonly [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>>
}

/** The shape the core implements. */
export type ApiHandlers = {
  readonly [K in MethodName]: (input: ParsedInput<K>) => Promise<MethodOutput<K>>
}

/** Events pushed from the core to every connected UI. */
export interface ApiEvents {
  readonly 'jobs.changed': readonly JobStatus[]
  readonly 'history.appended': { readonly count: number; readonly latest: HistoryEntry }
  readonly 'settings.changed': Settings
  readonly 'secrets.changed': readonly SecretInfo[]
  /** A job run ended in error: the desktop app shows a notification. */
  readonly 'jobs.failed': { readonly job: JobStatus; readonly message: Localized }
  readonly 'directory.changed': DirectoryStatus
  readonly 'directory.progress': DirectoryProgress
  readonly 'calendar.changed': CalendarStatus
  /** Every create / update / delete Renkei made in a calendar. */
  readonly 'calendar.change': CalendarChange
  /** A pair was stopped automatically: the desktop app shows a notification. */
  readonly 'calendar.stopped': CalendarStopped
  /** A run ended or a state changed (whoever started it): the health overview as it is now. */
  readonly 'health.changed': HealthOverview
  /** "Send now" left these jobs out: the UI shows their preview and asks for a confirmation. */
  readonly 'jobs.confirmationRequested': { readonly jobs: readonly string[] }
  /** A link was created or changed here or by its partner. */
  readonly 'link.changed': LinkList
  /** The notice queue changed (queued, sent, set aside, retried): the Notices screen refreshes its counts. */
  readonly 'notice.changed': { readonly pending: number; readonly setAside: number }
  /** A notice landed in an employee's gadget inbox (the gadget's live stream forwards it to that employee only). */
  readonly 'notice.inbox': NoticeInboxEvent
  /** Communities, rooms or pending member notices changed: the Rooms screen refreshes. */
  readonly 'rooms.changed': { readonly pendingNotices: number; readonly plannedChanges: number }
}
export type EventName = keyof ApiEvents
export const eventNames: readonly EventName[] = [
  'jobs.changed',
  'history.appended',
  'settings.changed',
  'secrets.changed',
  'jobs.failed',
  'directory.changed',
  'directory.progress',
  'calendar.changed',
  'calendar.change',
  'calendar.stopped',
  'health.changed',
  'jobs.confirmationRequested',
  'link.changed',
  'notice.changed',
  'notice.inbox',
  'rooms.changed',
]

export type EventListener<E extends EventName> = (payload: ApiEvents[E]) => void
/** Subscribe to a core event; returns the function that unsubscribes. */
export type Subscribe = <E extends EventName>(event: E, listener: EventListener<E>) => () => void
