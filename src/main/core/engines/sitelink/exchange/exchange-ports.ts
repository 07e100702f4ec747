import type { LinkScheduleItem, PresenceEntry, SiteProfile } from '../../../../../shared/model/sitelink'

/**
 * What the data exchange needs from the rest of the site link engine. The handshake owns the links, the
 * schedules/presence code owns those sources; `app.ts` wires them, tests hand in simple ones.
 */

/** A link that sends and receives: linked and not paused (seed 一時停止: nothing either way). */
export interface ExchangeLink {
  readonly id: string
  readonly linkUrl: string
  /** The partner's site name (or company name), for the history's site column. */
  readonly siteName: string
}

export interface ExchangeLinks {
  activeLinks(): readonly ExchangeLink[]
  /** The link a verified partner key belongs to, active or not; null when no link has that key. */
  linkForKey(
    keyId: string,
  ): { readonly id: string; readonly active: boolean; readonly siteName: string } | null
  /** Any link this site has or had: received data (schedules) outlives an unlink. */
  has(linkId: string): boolean
  /** 連携解除 (either side): the exchange forgets what it sent and removes the partner's people. */
  onUnlink(listener: (linkId: string) => void): void
  /** 再リンク: the exchange resends everything. */
  onRelink(listener: (linkId: string) => void): void
}

/** The site profile as partners see it; null before the admin has set one (the company kind sends nothing). */
export interface SiteProfileSource {
  profile(): SiteProfile | null
}

/**
 * Each home employee's schedules (from their calendar-sync source), streamed: the source never holds every
 * employee's events at once. `windowStart` is the 1st of the previous month: older items are no longer
 * exported, and that is not a deletion (partners keep past schedules).
 */
export interface ScheduleExportSource {
  windowStart(now: number): number
  /** `linkId`: each link keeps its own horizon for recurring series (it restarts with a relink). */
  items(linkId: string, signal: AbortSignal): AsyncIterable<LinkScheduleItem>
}

export interface PresenceExportSource {
  entries(): Iterable<PresenceEntry>
}

/** This site's rules for one link (issue 13): the items `visit` and `accept`, built when a send diffs them. */
export interface RulesExportSource {
  items(linkId: string): readonly { readonly key: string; readonly data: unknown }[]
}
