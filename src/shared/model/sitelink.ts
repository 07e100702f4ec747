import type { Localized } from './localized'

/**
 * Site link (seed 002, NI Collabo 360 "Collabo Link"): two Renkei instances linked over signed HTTPS.
 * These are the types the engine, the API and the screens share; the wire format lives in
 * `core/engines/sitelink/wire.ts`.
 */

/** Who this site is, as partners see it. `siteName` is shown when set, else `companyName` (seed). */
export interface SiteProfile {
  readonly companyName: string
  readonly siteName: string | null
  /** The site's link URL: https, port 443 only (seed 制約事項). */
  readonly linkUrl: string
}

/**
 * Seed 連携の状態: 開始待ち (pending), リンク中 (linked), リンク停止 (unlinked). `rejected` is a pending link the
 * requester refused. Pause (一時停止) is a home-side flag on a linked link, not a state of its own.
 */
export const linkStates = ['pending', 'linked', 'unlinked', 'rejected'] as const
export type LinkState = (typeof linkStates)[number]

/** Which side of the handshake this site was: the requester decides start/reject, the acceptor cannot. */
export const linkRoles = ['requester', 'acceptor'] as const
export type LinkRole = (typeof linkRoles)[number]

/** The data a link carries (seed 連携するデータ), in the order the receive history lists them. */
export const linkDataKinds = [
  'company',
  'employee',
  'department',
  'position',
  'schedule',
  'presence',
  /** This site's visit and accept rules for that partner (issue 13): items `visit` and `accept`. */
  'rules',
] as const
export type LinkDataKind = (typeof linkDataKinds)[number]

export const linkTransitionKinds = [
  'request',
  'accept',
  'start',
  'reject',
  'pause',
  'resume',
  'url-change',
  'unlink',
  'relink',
] as const
export type LinkTransitionKind = (typeof linkTransitionKinds)[number]

/** One line of a link's リンク情報: what happened, when, who did it and that site's name at that moment. */
export interface LinkTransition {
  readonly kind: LinkTransitionKind
  readonly at: number
  readonly actor: string
  readonly siteName: string
}

/** A one-time request URL (valid 24 hours; issuing a new one invalidates the old). */
export interface LinkRequestTicket {
  readonly url: string
  readonly requestedAt: number
  readonly expiresAt: number
  readonly requester: string
}

/** What 「読み込み」 shows on the accepting side. Loading publishes nothing to the requester. */
export interface LinkRequestPreview {
  readonly partner: SiteProfile
  readonly requester: string
  readonly requestedAt: number
  readonly expiresAt: number
  /** The requester's key id (base64url SHA-256 of its public key), to compare by phone if in doubt. */
  readonly partnerKeyId: string
}

export interface LinkSummary {
  readonly id: string
  readonly partner: SiteProfile
  readonly role: LinkRole
  readonly state: LinkState
  /** 一時停止: nothing is sent or received until resumed. Home side only. */
  readonly paused: boolean
  readonly lastSendAt: number | null
  readonly sending: boolean
  readonly plannedSendAt: number | null
  readonly plannedKinds: readonly LinkDataKind[]
  /** Last receipt per kind; null = never received (the seed shows no date). */
  readonly receipts: Readonly<Record<LinkDataKind, number | null>>
  readonly lastError: Localized | null
}

/** Presence (在席状況) of a home employee; set only at the home site, shown to partners. */
export const presenceKinds = ['in', 'out', 'meeting', 'away', 'trip', 'leave', 'home'] as const
export type PresenceKind = (typeof presenceKinds)[number]

export interface PresenceEntry {
  readonly employeeKey: string
  /** YYYY-MM-DD */
  readonly date: string
  readonly kind: PresenceKind
  /** 行先・補足 */
  readonly destination: string | null
  /** 帰社日時, ms since the epoch. */
  readonly returnAt: number | null
  /** 備考 */
  readonly note: string | null
  readonly updatedAt: number
}

/**
 * One schedule occurrence as a link carries it. `busyOnly` events (private/confidential at home) travel
 * with their time only: no summary, location or description ever leaves the home site.
 */
export interface LinkScheduleItem {
  /**
   * Stable per occurrence: the event UID, plus `/` and the recurrence id for one occurrence of a series
   * (its date for an all-day series, else its instant in UTC: `uid/20261207T000000Z`).
   */
  readonly id: string
  readonly employeeKey: string
  /** ms since the epoch; for an all-day event, UTC midnight of its date (the partner's zone may differ). */
  readonly start: number
  /** Exclusive; for an all-day event, UTC midnight of the day after its last day. */
  readonly end: number
  readonly allDay: boolean
  readonly busyOnly: boolean
  readonly summary: string | null
  readonly location: string | null
  readonly description: string | null
}

/**
 * This site's link settings (link.site.*). `adminName` is written as requester, registrant and actor of
 * every transition; null = the OS user name (`effectiveAdminName`). `ready`: company name and link URL
 * are set, so requests and accepts can start.
 */
export interface LinkSiteSettings {
  readonly companyName: string
  readonly siteName: string | null
  readonly linkUrl: string | null
  readonly adminName: string | null
  readonly effectiveAdminName: string
  readonly ready: boolean
}

/** The live request for the countdown: the token (and so the URL) is shown once, at creation, never again. */
export type LinkRequestStatus = Omit<LinkRequestTicket, 'url'>

/** `link.request.current`: the live request, or null when none is live (expired, consumed or never made). */
export interface LinkRequestCurrent {
  readonly request: LinkRequestStatus | null
  /** Says why the URL is not here: it was shown once, when made; a new request replaces it. */
  readonly note: Localized
}

/** One link with its リンク情報 (every transition, oldest first). */
export interface LinkDetail {
  readonly summary: LinkSummary
  readonly transitions: readonly LinkTransition[]
  /** The partner's key id (base64url SHA-256 of its SPKI public key), for comparing fingerprints by phone. */
  readonly partnerKeyId: string
}

/** Seed よくあるご質問: 100 linked sites recommended, 200 the limit. */
export const maxLinkedSites = 200
export const recommendedLinkedSites = 100

export interface LinkList {
  readonly links: readonly LinkSummary[]
  /** Pending and linked links (what counts toward the limit). */
  readonly activeCount: number
  /** Set past the recommended count, in both languages. */
  readonly warning: Localized | null
}

/**
 * The answer of a start or relink. `peak`: it is 8:30–9:30 or 17:30–18:30 here, nothing changed; the UI
 * shows `warning` and offers to go on anyway (`confirmPeak`) or to send tonight at `tonightAt` (`sendTonight`).
 */
export type LinkActionResult =
  | { readonly outcome: 'done'; readonly link: LinkDetail; readonly firstSendAt: number | null }
  | { readonly outcome: 'peak'; readonly warning: Localized; readonly tonightAt: number }

/** How long 行先・補足 and 備考 may be (characters): what a groupware's presence board shows in one cell. */
export const presenceTextLimits = { destination: 100, note: 500 } as const

/** The presence kinds as the screens and the CLI name them. */
export const presenceKindLabels: Readonly<Record<PresenceKind, Localized>> = {
  in: { ja: '在席', en: 'In' },
  out: { ja: '外出', en: 'Out' },
  meeting: { ja: '会議', en: 'In a meeting' },
  away: { ja: '離席', en: 'Away' },
  trip: { ja: '出張', en: 'On a business trip' },
  leave: { ja: '休暇', en: 'On leave' },
  home: { ja: '在宅', en: 'Working from home' },
}

/** What `presence.clear` did: false when there was no entry for that employee and day (nothing changed). */
export interface PresenceClearResult {
  readonly cleared: boolean
}

/** One iCalendar feed URL of a link (`link.feeds`): per partner employee, or the whole partner site. */
export interface LinkFeedUrl {
  /** Null: the feed of the whole partner site. */
  readonly employeeKey: string | null
  readonly name: string
  readonly url: string
}

export interface LinkFeeds {
  readonly linkId: string
  readonly site: LinkFeedUrl
  readonly employees: readonly LinkFeedUrl[]
}

/** Keychain name of the key that signs partner feed URLs; clearing it revokes every feed URL. */
export const feedKeySecret = 'sitelink.feed-key'
