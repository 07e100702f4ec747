import type { NoticeEventInput, NoticeIngestResult } from '../../../../shared/model/notices'
import type { NoticePerson } from './core-people'
import type { NoticeContext } from './notice-context'
import type { NoticeQueueSignal, NoticeRenderer } from './notice-ports'

/** What one accepted event did inside the intake's transaction. */
export interface IntakeOutcome {
  readonly source: string
  readonly event: NoticeEventInput
  readonly eventRow: number
  readonly found: readonly NoticePerson[]
  readonly unknown: readonly string[]
  readonly inbox: { readonly person: NoticePerson; readonly inboxRow: number }[]
  queued: number
  dropped: number
  readonly enabled: boolean
}

/** How many messages wait and how many were set aside: the Notices screen's counts. */
export function queueCounts(ctx: Pick<NoticeContext, 'db'>): { pending: number; setAside: number } {
  const rows = ctx.db
    .prepare(
      `SELECT state, count(*) FROM notice_messages WHERE state IN ('pending', 'set-aside') GROUP BY state`,
    )
    .raw()
    .all() as [string, number][]
  const by = new Map(rows)
  return { pending: by.get('pending') ?? 0, setAside: by.get('set-aside') ?? 0 }
}

const listed = (items: readonly string[]): string =>
  items.length > 20 ? `${items.slice(0, 20).join(', ')} …(+${items.length - 20})` : items.join(', ')

/** The history line of one event (ja/en): who it reached, who is unknown, who was skipped as inactive. */
function historyLine(outcome: IntakeOutcome) {
  const { event, found, unknown, inbox, queued, dropped } = outcome
  const inactive = found.filter((p) => !p.active).map((p) => p.key)
  const title = event.fields.title ?? event.fields.actor ?? event.id
  const ja = [
    `お知らせ通知: ${event.kind}「${title}」を受け付けました（宛先 ${found.length} 人、通知する人 ${inbox.length} 人、送信待ち ${queued} 件）`,
    outcome.enabled ? '' : 'お知らせ通知が無効なので送りません',
    unknown.length ? `ホームディレクトリにない宛先: ${listed(unknown)}` : '',
    inactive.length ? `無効な社員なので送りません: ${listed(inactive)}` : '',
    dropped ? `宛先がないため送れないメッセージ: ${dropped} 件` : '',
  ]
  const en = [
    `Notice relay: took in ${event.kind} "${title}" (${found.length} addressees, ${inbox.length} opted in, ${queued} messages queued)`,
    outcome.enabled ? '' : 'the notice relay is off, so nothing is sent',
    unknown.length ? `addressees not in the home directory: ${listed(unknown)}` : '',
    inactive.length ? `inactive employees, not sent: ${listed(inactive)}` : '',
    dropped ? `messages without an address, not sent: ${dropped}` : '',
  ]
  return {
    direction: 'receive' as const,
    category: 'notices',
    level: unknown.length || inactive.length || dropped ? ('warning' as const) : ('info' as const),
    message: ja.filter(Boolean).join(' / '),
    messageEn: en.filter(Boolean).join(' / '),
    detail: {
      source: outcome.source,
      eventId: event.id,
      kind: event.kind,
      eventRow: outcome.eventRow,
      unknownAddressees: unknown,
      inactive,
      optedIn: inbox.length,
      queued,
      dropped,
    },
  }
}

/** After the commit: wake the queue, tell each addressee's gadget, refresh the counts, write the history. */
export function announceIntake(
  ctx: NoticeContext,
  deps: { readonly queue: NoticeQueueSignal; readonly renderer: NoticeRenderer },
  outcome: IntakeOutcome,
): NoticeIngestResult {
  const { event, inbox } = outcome
  if (outcome.queued > 0) deps.queue.wake()
  const at = ctx.now()
  for (const { person, inboxRow } of inbox) {
    const { subject, text } = deps.renderer.renderOne(event.kind, ctx.language(), event.fields, person.name)
    ctx.events.emit('notice.inbox', {
      employeeKey: person.key,
      notice: { id: inboxRow, kind: event.kind, subject, text, at, read: false },
    })
  }
  if (outcome.queued + outcome.dropped > 0) ctx.events.emit('notice.changed', queueCounts(ctx))
  ctx.history.append(historyLine(outcome))
  return {
    accepted: true,
    eventRow: outcome.eventRow,
    addressees: outcome.found.map((p) => p.key),
    unknownAddressees: [...outcome.unknown],
    optedIn: inbox.length,
    queued: outcome.queued,
  }
}
