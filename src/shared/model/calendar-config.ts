import { z } from 'zod'
import { urlCredentialsRefusal, withoutUrlCredentials } from './url-credentials'

/**
 * Calendar sync settings: one pair (source → target calendar) per user, plus settings shared by every
 * pair. Secrets (passwords, bearer tokens, OAuth refresh tokens) are never here: they live in the
 * keychain under the names `calendarSecretName` builds.
 */
export const calendarPairId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use a-z, 0-9 and "-" (at most 63 characters)')

export type CalendarSecretSlot = 'source' | 'target' | 'refresh-token'

/** Keychain name of a pair's secret: the source's password or token, the target's password, Google's refresh token. */
export function calendarSecretName(pairId: string, slot: CalendarSecretSlot): string {
  return `calendar.${pairId}.${slot}`
}

/** The OAuth client secret of the installed app (Google issues one; it is stored like any other secret). */
export const calendarOAuthClientSecretName = 'calendar.oauth.client-secret'

const httpUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/i, 'use an http:// or https:// URL')

/** URLs with no secret of their own: credentials in them are refused (pair URLs have them moved instead). */
const plainHttpUrl = httpUrl.refine(withoutUrlCredentials, urlCredentialsRefusal)

export const feedAuthKinds = ['none', 'basic', 'bearer'] as const

/** An iCalendar feed over HTTP(S), fetched with ETag / If-Modified-Since. */
export const icsFeedSource = z
  .object({
    kind: z.literal('ics'),
    url: httpUrl,
    auth: z.enum(feedAuthKinds).default('none'),
    /** For Basic auth. The password (or bearer token) is the pair's "source" secret. */
    username: z.string().max(200).default(''),
    /** A larger feed is refused with a clear error instead of filling memory. */
    maxMegabytes: z.number().int().min(1).max(200).default(20),
  })
  .strict()

export const caldavPresets = ['generic', 'google'] as const

/**
 * A CalDAV calendar collection. `url` is the collection itself (what seed 001 calls the calendar ID);
 * for Google it is https://apidata.googleusercontent.com/caldav/v2/<calendar id>/events/.
 */
export const caldavCalendar = z
  .object({
    kind: z.literal('caldav'),
    url: httpUrl,
    preset: z.enum(caldavPresets).default('generic'),
    /** basic: username + the pair's secret; oauth: Google's refresh token from "Authorize". */
    auth: z.enum(['basic', 'oauth']).default('basic'),
    username: z.string().max(200).default(''),
  })
  .strict()
export type CaldavCalendarConfig = z.infer<typeof caldavCalendar>

export const calendarSource = z.discriminatedUnion('kind', [icsFeedSource, caldavCalendar])
export type CalendarSourceConfig = z.infer<typeof calendarSource>

export const calendarDirections = ['one-way', 'two-way'] as const
/** Two-way only: what happens when the same event changed on both sides since the last run. */
export const conflictPolicies = ['source-wins', 'target-wins', 'newer-wins', 'stop'] as const
export type ConflictPolicy = (typeof conflictPolicies)[number]

export const calendarPairConfig = z
  .object({
    id: calendarPairId,
    /** The admin's management number (seed 001 ① 番号). */
    number: z.number().int().min(1).max(999_999),
    name: z.string().trim().min(1).max(200),
    /** The home directory employee this pair belongs to, when the directory is in use. */
    employeeKey: z.string().max(200).default(''),
    /** Seed 001 ④ 利用許可: false = disabled. */
    permitted: z.boolean().default(true),
    source: calendarSource,
    target: caldavCalendar,
    direction: z.enum(calendarDirections).default('one-way'),
    conflictPolicy: z.enum(conflictPolicies).default('source-wins'),
  })
  .strict()
  .refine((pair) => pair.direction === 'one-way' || pair.source.kind === 'caldav', {
    message: 'two-way sync needs a CalDAV source (an iCalendar feed is read-only)',
    path: ['direction'],
  })
export type CalendarPairConfig = z.infer<typeof calendarPairConfig>
export type CalendarPairInput = z.input<typeof calendarPairConfig>

/** Google's endpoints for OAuth 2.0 installed apps; replaceable so another provider (or a test server) works. */
export const googleOAuthDefaults = {
  authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  scope: 'https://www.googleapis.com/auth/calendar',
} as const

export const oauthClientConfig = z
  .object({
    clientId: z.string().max(500).default(''),
    authorizationEndpoint: plainHttpUrl.default(googleOAuthDefaults.authorizationEndpoint),
    tokenEndpoint: plainHttpUrl.default(googleOAuthDefaults.tokenEndpoint),
    scope: z.string().max(1000).default(googleOAuthDefaults.scope),
  })
  .strict()
export type OAuthClientConfig = z.infer<typeof oauthClientConfig>

export const calendarSettings = z
  .object({
    /** Seed 001: about every 10 minutes. */
    intervalMinutes: z.number().int().min(1).max(1440).default(10),
    /** Each cycle starts up to this much later, so many machines (and pairs) do not hit a server together. */
    jitterSeconds: z.number().int().min(0).max(600).default(60),
    /** Pairs synced at the same time. */
    concurrency: z.number().int().min(1).max(32).default(4),
    /** Sync window for non-recurring events (seed 002): from the first day of N months back… */
    windowPastMonths: z.number().int().min(0).max(24).default(1),
    /** …to this many days ahead. */
    windowFutureDays: z.number().int().min(1).max(3650).default(370),
    /** Seed 001: 120 or more errors within 24 hours stop the user. */
    autoStopErrors: z.number().int().min(1).max(100_000).default(120),
    autoStopHours: z.number().int().min(1).max(168).default(24),
    oauth: oauthClientConfig.default(oauthClientConfig.parse({})),
  })
  .strict()
export type CalendarSettings = z.infer<typeof calendarSettings>
export type CalendarSettingsInput = z.input<typeof calendarSettings>
