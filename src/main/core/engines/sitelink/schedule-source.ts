/**
 * `ScheduleSource`: each home employee's schedules as a link carries them (seed 002 データ連携 スケジュール),
 * read from that employee's calendar-sync source — the pair whose `employeeKey` names them — with the
 * calendar connectors and their parser. One employee at a time: a site's events are never all in memory.
 */
import type { CalendarPairConfig } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import type { LinkScheduleItem } from '../../../../shared/model/sitelink'
import { ConnectorError } from '../../connectors/connector-error'
import type { CalDavConnector, FeedConnector, ParsedCalendar } from '../calendar/calendar-connectors'
import type { CalendarConnectorFactory } from '../calendar/calendar-connector-factory'
import type { CalendarPairRepository } from '../calendar/calendar-pair-repository'
import { inWindow } from '../calendar/sync-window'
import { occurrencesOf, type ZoneBooks } from './schedule-occurrences'
import type { ScheduleWindow } from './schedule-window'

/** The read side of a pair: a feed or a CalDAV calendar (calendar sync's connectors). */
export interface ScheduleReader {
  readonly feed: FeedConnector | null
  readonly source: CalDavConnector | null
}

export interface ScheduleSourceDeps {
  /** The calendar-sync pairs (their `employeeKey` links a pair to a home employee). */
  pairs(): readonly CalendarPairConfig[]
  /** Connectors for a pair's source, built from its settings and the keychain. */
  open(pair: CalendarPairConfig): Promise<ScheduleReader>
  /** Calendar sync's parser (`parseCalendar`): the one way Renkei reads iCalendar text. */
  parse(text: string): ParsedCalendar
}

/**
 * One employee's schedules. `failed`: the source could not be read; the caller keeps what it sent last
 * instead of taking the silence for "every event deleted".
 */
export type EmployeeSchedule =
  | { readonly employeeKey: string; readonly status: 'ok'; readonly items: readonly LinkScheduleItem[] }
  | { readonly employeeKey: string; readonly status: 'failed'; readonly error: Localized }

/** CalDAV objects fetched per calendar-multiget, as calendar sync does. */
const multigetSize = 100

/** The deps as the core has them: calendar sync's pairs, connector factory and parser. */
export function calendarScheduleDeps(
  pairs: CalendarPairRepository,
  connectors: CalendarConnectorFactory,
  parse: (text: string) => ParsedCalendar,
): ScheduleSourceDeps {
  return {
    pairs: () => pairs.list().map((pair) => pair.config),
    open: (pair) => connectors.build(pair, pairs.settings()),
    parse,
  }
}

export class ScheduleSource {
  constructor(private readonly deps: ScheduleSourceDeps) {}

  /**
   * The employees that have a source: permitted pairs with an employee key. A disabled pair (seed 001
   * 利用許可 無効) is left out: the admin switched that person's calendar off.
   */
  employeeKeys(): string[] {
    return [...new Set(this.sources().map((pair) => pair.employeeKey))].sort()
  }

  /** Every employee in turn; each one's items are dropped before the next is read. */
  async *all(window: ScheduleWindow, signal: AbortSignal): AsyncGenerator<EmployeeSchedule> {
    for (const employeeKey of this.employeeKeys()) {
      signal.throwIfAborted()
      yield await this.forEmployee(employeeKey, window, signal)
    }
  }

  /** One employee's occurrences from every permitted pair naming them (usually one). */
  async forEmployee(
    employeeKey: string,
    window: ScheduleWindow,
    signal: AbortSignal,
  ): Promise<EmployeeSchedule> {
    const items: LinkScheduleItem[] = []
    const books: ZoneBooks = new Map()
    for (const pair of this.sources().filter((p) => p.employeeKey === employeeKey)) {
      try {
        for (const calendar of await this.read(pair, signal)) {
          for (const item of calendar.items) {
            if (inWindow(item, { start: window.start, end: Number.POSITIVE_INFINITY, key: '' })) {
              items.push(...occurrencesOf(item, employeeKey, window, books))
            }
          }
        }
      } catch (error) {
        if (signal.aborted) throw error
        return { employeeKey, status: 'failed', error: failureText(pair, error) }
      }
    }
    items.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1))
    return { employeeKey, status: 'ok', items }
  }

  private sources(): CalendarPairConfig[] {
    return this.deps.pairs().filter((pair) => pair.permitted && pair.employeeKey !== '')
  }

  /** A feed is one calendar; a CalDAV collection is one per object, fetched in batches. */
  private async read(pair: CalendarPairConfig, signal: AbortSignal): Promise<ParsedCalendar[]> {
    const { feed, source } = await this.deps.open(pair)
    if (feed) {
      const fetched = await feed.fetch(null, signal)
      return fetched.status === 'fetched' ? [this.deps.parse(fetched.text)] : []
    }
    if (!source) return []
    const refs = await source.list(signal)
    const calendars: ParsedCalendar[] = []
    for (let at = 0; at < refs.length; at += multigetSize) {
      const objects = await source.fetch(
        refs.slice(at, at + multigetSize).map((ref) => ref.href),
        signal,
      )
      calendars.push(...objects.map((object) => this.deps.parse(object.data)))
    }
    return calendars
  }
}

function failureText(pair: CalendarPairConfig, error: unknown): Localized {
  // Connector errors are written for people, with credentials cut; anything else is a bug, named as such.
  const text = error instanceof Error ? error.message : String(error)
  const reason =
    error instanceof ConnectorError
      ? error.localized
      : { ja: `予期しないエラーです: ${text}`, en: `an unexpected error: ${text}` }
  return {
    ja: `利用者「${pair.name}」の予定を読めませんでした: ${reason.ja}`,
    en: `Could not read the schedules of user "${pair.name}": ${reason.en}`,
  }
}
