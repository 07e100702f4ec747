/**
 * The per-user form's strings ↔ `CalendarPairConfig`, checked field by field so each problem sits next
 * to its field in both languages (the core's schema stays the last word). No API here: tests import it.
 */
import type {
  CalendarPairConfig,
  CalendarSourceConfig,
  CaldavCalendarConfig,
  ConflictPolicy,
} from '../../../../shared/model/calendar-config'
import type { MessageKey, Params } from '../../i18n'

export type SourceKind = CalendarSourceConfig['kind']
export type FeedAuth = 'none' | 'basic' | 'bearer'
export type TargetPreset = CaldavCalendarConfig['preset']
export type Direction = CalendarPairConfig['direction']

/** Every field as the form holds it: text for numbers too, so a half-typed value is kept as typed. */
export interface PairDraft {
  readonly number: string
  readonly name: string
  readonly employeeKey: string
  readonly id: string
  /** False until the admin types an id: until then it follows the number (u0001). */
  readonly idTouched: boolean
  readonly permitted: boolean
  readonly sourceKind: SourceKind
  readonly sourceUrl: string
  readonly feedAuth: FeedAuth
  readonly sourceUsername: string
  readonly maxMegabytes: string
  readonly targetPreset: TargetPreset
  readonly targetUrl: string
  readonly googleCalendarId: string
  readonly targetUsername: string
  readonly direction: Direction
  readonly conflictPolicy: ConflictPolicy
}

export interface FieldError {
  readonly key: MessageKey
  readonly params?: Params
}

/** By field path (`source.url`, `number`…): the same paths the core's validation issues use. */
export type DraftErrors = ReadonlyMap<string, FieldError>

export type PairResult = { readonly config: CalendarPairConfig } | { readonly errors: DraftErrors }

const googleBase = 'https://apidata.googleusercontent.com/caldav/v2/'
const googleUrlPattern = /^https:\/\/apidata\.googleusercontent\.com\/caldav\/v2\/([^/]+)\/events\/?$/
const httpUrl = /^https?:\/\/[^\s/]+(\/\S*)?$/i
const pairIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/

/** Seed 001's "calendar ID" as the CalDAV collection Google serves it from. */
export function googleCalendarUrl(calendarId: string): string {
  return `${googleBase}${encodeURIComponent(calendarId.trim())}/events/`
}

/** The calendar ID back from a Google collection URL; '' when the URL is not one. */
export function googleCalendarIdOf(url: string): string {
  const match = googleUrlPattern.exec(url)
  if (!match?.[1]) return ''
  try {
    return decodeURIComponent(match[1])
  } catch {
    return match[1]
  }
}

/** A new pair's id from its number: 1 → u0001. Empty while the number is not a whole number. */
export function pairIdFor(number: string): string {
  const n = number.trim()
  return /^\d{1,6}$/.test(n) && Number(n) > 0 ? `u${n.padStart(4, '0')}` : ''
}

/** The next free management number: one past the largest in use. */
export function suggestNumber(numbers: readonly number[]): number {
  return numbers.reduce((max, n) => Math.max(max, n), 0) + 1
}

export function newPairDraft(number: number): PairDraft {
  return {
    number: String(number),
    name: '',
    employeeKey: '',
    id: pairIdFor(String(number)),
    idTouched: false,
    permitted: true,
    sourceKind: 'ics',
    sourceUrl: '',
    feedAuth: 'none',
    sourceUsername: '',
    maxMegabytes: '20',
    targetPreset: 'generic',
    targetUrl: '',
    googleCalendarId: '',
    targetUsername: '',
    direction: 'one-way',
    conflictPolicy: 'source-wins',
  }
}

export function pairToDraft(pair: CalendarPairConfig): PairDraft {
  const source = pair.source
  return {
    ...newPairDraft(pair.number),
    name: pair.name,
    employeeKey: pair.employeeKey,
    id: pair.id,
    idTouched: true,
    permitted: pair.permitted,
    sourceKind: source.kind,
    sourceUrl: source.url,
    feedAuth: source.kind === 'ics' ? source.auth : 'basic',
    sourceUsername: source.username,
    maxMegabytes: source.kind === 'ics' ? String(source.maxMegabytes) : '20',
    targetPreset: pair.target.preset,
    targetUrl: pair.target.preset === 'generic' ? pair.target.url : '',
    googleCalendarId: pair.target.preset === 'google' ? googleCalendarIdOf(pair.target.url) : '',
    targetUsername: pair.target.username,
    direction: pair.direction,
    conflictPolicy: pair.conflictPolicy,
  }
}

/** Whether the source takes a password or token (the pair's "source" secret). */
export function sourceNeedsSecret(draft: PairDraft): boolean {
  return draft.sourceKind === 'caldav' || draft.feedAuth !== 'none'
}

/** Google pairs authorize with OAuth; every other target takes a password (the pair's "target" secret). */
export function targetNeedsSecret(draft: PairDraft): boolean {
  return draft.targetPreset === 'generic'
}

/** Collects the first problem of each field while converting. */
class Checker {
  readonly errors = new Map<string, FieldError>()

  fail(path: string, key: MessageKey, params?: Params): void {
    if (!this.errors.has(path)) this.errors.set(path, params ? { key, params } : { key })
  }

  text(path: string, value: string, required: boolean, max = 200): string {
    const v = value.trim()
    if (required && v === '') this.fail(path, 'calendar.error.required')
    else if (v.length > max) this.fail(path, 'calendar.error.tooLong', { max })
    return v
  }

  url(path: string, value: string): string {
    const v = value.trim()
    if (v === '') this.fail(path, 'calendar.error.required')
    else if (v.length > 2000 || !httpUrl.test(v)) this.fail(path, 'calendar.error.url')
    return v
  }

  int(path: string, value: string, min: number, max: number): number {
    const v = value.trim()
    const n = Number(v)
    if (!/^\d+$/.test(v) || n < min || n > max) this.fail(path, 'calendar.error.integer', { min, max })
    return n
  }
}

function sourceOf(draft: PairDraft, check: Checker): CalendarSourceConfig {
  const url = check.url('source.url', draft.sourceUrl)
  if (draft.sourceKind === 'caldav') {
    const username = check.text('source.username', draft.sourceUsername, true)
    return { kind: 'caldav', url, preset: 'generic', auth: 'basic', username }
  }
  return {
    kind: 'ics',
    url,
    auth: draft.feedAuth,
    username: check.text('source.username', draft.sourceUsername, draft.feedAuth === 'basic'),
    maxMegabytes: check.int('source.maxMegabytes', draft.maxMegabytes, 1, 200),
  }
}

function targetOf(draft: PairDraft, check: Checker): CaldavCalendarConfig {
  if (draft.targetPreset === 'google') {
    const id = check.text('target.calendarId', draft.googleCalendarId, true, 500)
    return { kind: 'caldav', url: googleCalendarUrl(id), preset: 'google', auth: 'oauth', username: '' }
  }
  const url = check.url('target.url', draft.targetUrl)
  const username = check.text('target.username', draft.targetUsername, true)
  return { kind: 'caldav', url, preset: 'generic', auth: 'basic', username }
}

/** Another saved pair: its id and number are not free (saving an existing id would replace that pair). */
export interface OtherPair {
  readonly id: string
  readonly number: number
}

export function draftToPair(draft: PairDraft, others: readonly OtherPair[]): PairResult {
  const check = new Checker()
  const number = check.int('number', draft.number, 1, 999_999)
  if (others.some((p) => p.number === number)) check.fail('number', 'calendar.error.numberTaken')
  const name = check.text('name', draft.name, true)
  const id = draft.id.trim()
  if (!pairIdPattern.test(id)) check.fail('id', 'calendar.error.id')
  else if (others.some((p) => p.id === id)) check.fail('id', 'calendar.error.idTaken')
  const source = sourceOf(draft, check)
  const target = targetOf(draft, check)
  const twoWay = draft.direction === 'two-way'
  if (twoWay && source.kind !== 'caldav') check.fail('direction', 'calendar.error.twoWayNeedsCaldav')
  if (check.errors.size > 0) return { errors: check.errors }
  return {
    config: {
      id,
      number,
      name,
      employeeKey: draft.employeeKey,
      permitted: draft.permitted,
      source,
      target,
      direction: draft.direction,
      conflictPolicy: draft.conflictPolicy,
    },
  }
}

/**
 * The core's validation issues (`detail` of an invalid-input error) as field problems, so the fields the
 * core refused are marked too. Google's calendar ID stands for the target URL it builds.
 */
export function issuesToErrors(detail: unknown, preset: TargetPreset): DraftErrors {
  const errors = new Map<string, FieldError>()
  if (!Array.isArray(detail)) return errors
  for (const issue of detail as readonly { readonly path?: unknown }[]) {
    if (!Array.isArray(issue?.path)) continue
    let path = issue.path.join('.')
    if (path === 'target.url' && preset === 'google') path = 'target.calendarId'
    if (path !== '' && !errors.has(path)) errors.set(path, { key: 'calendar.error.refused' })
  }
  return errors
}
