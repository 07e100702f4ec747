import type { CalendarChange, EventTimeRange } from '../../../../shared/model/calendar'
import type { NoticeEventInput, NoticeKind } from '../../../../shared/model/notices'
import { createHash } from 'node:crypto'
import type { CalendarPairConfig } from '../../../../shared/model/calendar-config'
import { findAddressee, type PeopleIndex } from './core-people'

const pad = (n: number): string => String(n).padStart(2, '0')
const localDate = (d: Date): string => `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())}`
export const localTime = (d: Date): string => `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`

/** One end of a range as the seed writes it: 2022/12/20 11:00 (a UTC instant in this machine's zone). */
function point(text: string, allDay: boolean): string {
  if (allDay) return text.slice(0, 10).replace(/-/g, '/')
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text)) return localTime(new Date(text))
  return text.replace('T', ' ').slice(0, 16).replace(/-/g, '/')
}

/** 「2022/12/20 11:00 ~ 2022/12/20 12:00」; an all-day event's exclusive end date is not printed. */
export function seedTimeRange(time: EventTimeRange | null): string | undefined {
  if (!time) return undefined
  const start = point(time.start, time.allDay)
  if (time.end === null) return start
  if (time.allDay) {
    const last = new Date(`${time.end.slice(0, 10)}T00:00:00Z`)
    last.setUTCDate(last.getUTCDate() - 1)
    const end = last.toISOString().slice(0, 10).replace(/-/g, '/')
    return end > start ? `${start} ~ ${end}` : start
  }
  return `${start} ~ ${point(time.end, false)}`
}

const kinds: Record<CalendarChange['action'], NoticeKind> = {
  created: 'schedule.added',
  updated: 'schedule.changed',
  deleted: 'schedule.deleted',
}

/** The source's event ids are at most 200 characters; a long UID (Exchange writes 100+) is hashed to fit. */
function calendarEventId(change: CalendarChange): string {
  const id = `${change.pairId}:${change.uid}:${change.action}:${change.when}`
  if (id.length <= 200) return id
  const uid = createHash('sha256').update(change.uid).digest('hex').slice(0, 32)
  return `${change.pairId}:${uid}:${change.action}:${change.when}`
}

/**
 * Whom a pair's change concerns: its employee key, else the first of its sign-in names that is a login or
 * e-mail address in the home directory; nobody found → the key or user as given (reported as unknown).
 */
export function pairAddressee(
  pair: CalendarPairConfig | null,
  change: CalendarChange,
  index: PeopleIndex,
): string {
  const names = [pair?.employeeKey, pair?.target.username, pair?.source.username, change.user]
  for (const name of names) {
    const person = name ? findAddressee(index, name) : null
    if (person) return person.key
  }
  return pair?.employeeKey || change.user
}

/** A change calendar sync made, as a notice event for the pair's employee. */
export function calendarNotice(change: CalendarChange, addressee: string): NoticeEventInput {
  const when = seedTimeRange(
    change.action === 'deleted' ? change.oldTime : (change.newTime ?? change.oldTime),
  )
  const oldWhen = change.action === 'updated' ? seedTimeRange(change.oldTime) : undefined
  return {
    id: calendarEventId(change),
    kind: kinds[change.action],
    occurredAt: change.when,
    addressees: [addressee],
    fields: {
      ...(when ? { when } : {}),
      ...(oldWhen ? { oldWhen } : {}),
      changedOn: localDate(new Date(change.when)),
      changedBy: 'Renkei',
      registeredFor: change.user,
      title: change.summary,
      where: change.where,
    },
  }
}

/** A history row's detail that is a calendar change (calendar sync writes one per create / update / delete). */
export function isCalendarChange(detail: unknown): detail is CalendarChange {
  const d = detail as Partial<CalendarChange> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.pairId === 'string' &&
    typeof d.uid === 'string' &&
    typeof d.when === 'number' &&
    (d.action === 'created' || d.action === 'updated' || d.action === 'deleted')
  )
}
