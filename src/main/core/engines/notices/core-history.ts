import { ApiError } from '../../../../shared/model/errors'
import {
  noticeMessageStates,
  type NoticeEventView,
  type NoticeField,
  type NoticeKind,
  type NoticeMessageState,
} from '../../../../shared/model/notices'
import type { PeopleIndex } from './core-people'
import { messageRowSelect, messageView, type NoticeMessageRow } from './message-rows'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers } from './notice-ports'

interface EventRow {
  id: number
  source: string
  event_id: string
  kind: NoticeKind
  occurred_at: number
  received_at: number
  fields: string
  addressees: string
  unknown_addressees: string
}

const eventColumns =
  'id, source, event_id, kind, occurred_at, received_at, fields, addressees, unknown_addressees'

function zeroCounts(): Record<NoticeMessageState, number> {
  return Object.fromEntries(noticeMessageStates.map((s) => [s, 0])) as Record<NoticeMessageState, number>
}

/** The per-event delivery history: newest first, paged by row id, with each event's messages by state. */
export function createEventHistory(
  ctx: NoticeContext,
  people: () => PeopleIndex,
): NoticeHandlers<'notice.events.list' | 'notice.events.get'> {
  const countsOf = ctx.db
    .prepare('SELECT state, count(*) FROM notice_messages WHERE event_row = ? GROUP BY state')
    .raw()
  const view = (row: EventRow): NoticeEventView => {
    const messages = zeroCounts()
    for (const [state, count] of countsOf.all(row.id) as [NoticeMessageState, number][])
      messages[state] = count
    const fields = JSON.parse(row.fields) as Partial<Record<NoticeField, string>>
    return {
      row: row.id,
      source: row.source,
      eventId: row.event_id,
      kind: row.kind,
      occurredAt: row.occurred_at,
      receivedAt: row.received_at,
      title: fields.title ?? fields.actor ?? null,
      addressees: JSON.parse(row.addressees) as string[],
      unknownAddressees: JSON.parse(row.unknown_addressees) as string[],
      messages,
    }
  }
  return {
    'notice.events.list': async ({ before, limit }) => {
      const rows = ctx.db
        .prepare(`SELECT ${eventColumns} FROM notice_events WHERE id < ? ORDER BY id DESC LIMIT ?`)
        .all(before ?? Number.MAX_SAFE_INTEGER, limit + 1) as EventRow[]
      const page = rows.slice(0, limit)
      return { events: page.map(view), nextBefore: rows.length > limit ? page[page.length - 1]!.id : null }
    },
    'notice.events.get': async ({ row }) => {
      const found = ctx.db.prepare(`SELECT ${eventColumns} FROM notice_events WHERE id = ?`).get(row) as
        EventRow | undefined
      if (!found)
        throw new ApiError('not-found', {
          ja: `お知らせ通知のイベント ${row} はありません。`,
          en: `There is no notice event ${row}.`,
        })
      const index = people()
      const nameOf = (key: string): string => index.byKey.get(key)?.name ?? key
      const messages = ctx.db
        .prepare(`${messageRowSelect} WHERE m.event_row = ? ORDER BY m.id`)
        .all(row) as NoticeMessageRow[]
      return {
        event: view(found),
        fields: JSON.parse(found.fields) as Partial<Record<NoticeField, string>>,
        messages: messages.map((m) => messageView(m, nameOf)),
      }
    },
  }
}
