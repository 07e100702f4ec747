import type { EventTimeRange } from '../../../../shared/model/calendar'
import type { Localized } from '../../../../shared/model/localized'

/**
 * What the calendar engine needs from its connectors (`core/connectors/ics`, `caldav`, `oauth`).
 * Every failure is a `ConnectorError` (kind transient | quota | auth | permanent | conflict) carrying a
 * bilingual explanation and the server's answer; nothing here ever holds a secret in an error.
 */

/** One event as Renkei syncs it: everything that shares a UID (a series with its overrides travels whole). */
export interface CalendarItem {
  readonly uid: string
  /** A complete VCALENDAR for PUT: the master, its RECURRENCE-ID overrides and the VTIMEZONEs they use. */
  readonly ics: string
  /**
   * Changes only when the meaning changes: not for DTSTAMP, property or parameter order, line folding,
   * VTIMEZONE order or a renamed TZID whose rules are the same.
   */
  readonly fingerprint: string
  readonly summary: string
  /** The master's (or the first instance's) time. */
  readonly time: EventTimeRange
  readonly recurring: boolean
  /** For the sync window: when the first occurrence starts and the last one ends (ms; null = no end). */
  readonly firstStart: number
  readonly lastEnd: number | null
  /** LAST-MODIFIED (else DTSTAMP) in ms, for the "newer wins" policy. */
  readonly lastModified: number | null
  /** The whole event is STATUS:CANCELLED. */
  readonly cancelled: boolean
}

export interface CalendarParseProblem {
  /** Line in the feed where the broken event starts, when known. */
  readonly line: number | null
  readonly uid: string | null
  readonly message: Localized
}

export interface ParsedCalendar {
  readonly items: readonly CalendarItem[]
  /** Events that could not be read: reported and set aside; the rest of the calendar still syncs. */
  readonly problems: readonly CalendarParseProblem[]
  /** The calendar's own zone: X-WR-TIMEZONE, else the TZID most events use; null when all times are UTC/floating. */
  readonly timeZone: string | null
}

/** Validators from the previous fetch, sent as If-None-Match / If-Modified-Since. */
export interface FeedValidators {
  readonly etag: string | null
  readonly lastModified: string | null
}

export type FeedFetch =
  | { readonly status: 'unchanged'; readonly validators: FeedValidators; readonly serverDate: number | null }
  | {
      readonly status: 'fetched'
      readonly text: string
      readonly validators: FeedValidators
      readonly serverDate: number | null
    }

/** An iCalendar feed over HTTP(S). */
export interface FeedConnector {
  /** Conditional GET; refuses a body over the size limit. 401/403 → auth, 404 → permanent. */
  fetch(previous: FeedValidators | null, signal: AbortSignal): Promise<FeedFetch>
}

export interface CalendarObjectRef {
  /** Absolute URL of the object. */
  readonly href: string
  readonly etag: string | null
}

export interface CalendarObject extends CalendarObjectRef {
  readonly data: string
}

export interface CalendarCollectionInfo {
  readonly url: string
  readonly displayName: string | null
  /** TZID of the collection's calendar-timezone (CalDAV) property, when the server has one. */
  readonly timeZone: string | null
  /** From current-user-privilege-set: null when the server does not say. */
  readonly writable: boolean | null
  /** RFC 6578: present when the server supports sync-collection. */
  readonly syncToken: string | null
  readonly ctag: string | null
  /** The server's HTTP Date header (ms), for clock-skew diagnostics. */
  readonly serverDate: number | null
}

export interface CalendarChanges {
  readonly token: string | null
  /** True when the token was unknown or expired (or not supported): `changed` is then everything. */
  readonly full: boolean
  readonly changed: readonly CalendarObjectRef[]
  /** hrefs gone since the token. */
  readonly deleted: readonly string[]
}

/** A CalDAV calendar collection (target, or source / second side of a two-way pair). */
export interface CalDavConnector {
  /** PROPFIND on the collection. 404 or not a calendar → permanent ("wrong calendar ID"); 401 → auth. */
  info(signal: AbortSignal): Promise<CalendarCollectionInfo>
  /** Every object's href and ETag (no data). */
  list(signal: AbortSignal): Promise<readonly CalendarObjectRef[]>
  /** sync-collection REPORT from `token` (null: initial), falling back to a full listing. */
  changes(token: string | null, signal: AbortSignal): Promise<CalendarChanges>
  /** calendar-multiget; objects that vanished meanwhile are simply missing from the answer. */
  fetch(hrefs: readonly string[], signal: AbortSignal): Promise<readonly CalendarObject[]>
  /** The href Renkei uses for a UID: always the same, so a re-run after a crash finds its own object. */
  hrefFor(uid: string): string
  /** PUT with If-None-Match: *. Returns the new ETag (null when the server sent none). 412 → conflict. */
  create(href: string, data: string, signal: AbortSignal): Promise<string | null>
  /** PUT with If-Match. 412 → conflict (changed since read); 404 → conflict too (deleted since read). */
  update(href: string, data: string, etag: string | null, signal: AbortSignal): Promise<string | null>
  /** DELETE with If-Match; an object already gone counts as deleted. */
  remove(href: string, etag: string | null, signal: AbortSignal): Promise<void>
}

/** How a CalDAV connector authenticates: a password, or an OAuth access token fetched (and refreshed) per request. */
export type CalDavAuth =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: (signal: AbortSignal) => Promise<string> }
