import type { NoticeKind, NoticeTargetConfig } from '../../../../shared/model/notices'
import type { NoticeContext } from './notice-context'
import type { NoticeRenderer, OutgoingNotice } from './notice-ports'
import { employeeOf } from './queue-rows'
import type { DueRow, QueueStore } from './queue-store'

/** A Message-ID's right side: the site's name if it is one (ASCII), else "renkei". */
export function messageDomain(siteName: string): string {
  const ascii = siteName
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return ascii === '' ? 'renkei' : ascii
}

/**
 * Stable across retries and restarts, so a receiver can drop a repeat after a crash between send and record.
 * A digest is named by its first and last member: a digest sent again with more members is a new message.
 */
export function messageIdOf(ids: readonly number[], siteName: string): string {
  const first = ids[0]!
  const last = ids[ids.length - 1]!
  const name = first === last ? `${first}` : `${first}-${last}`
  return `renkei-notice-${name}@${messageDomain(siteName)}`
}

function digestSubject(count: number, language: NoticeTargetConfig['language']): string {
  const ja = `お知らせ ${count} 件`
  const en = `${count} notices`
  return language === 'ja' ? ja : language === 'en' ? en : `${ja} / ${en}`
}

/**
 * The message as it leaves now: each member rendered with the template as it is at send time (an
 * admin's fix to a template reaches messages already queued). Several members make one digest.
 */
export function composeNotice(
  ctx: NoticeContext,
  store: QueueStore,
  renderer: NoticeRenderer,
  target: NoticeTargetConfig,
  members: readonly DueRow[],
): OutgoingNotice {
  const head = members[0]!
  const employee = employeeOf(ctx.home, head.employee_key)
  const name =
    (target.language === 'en' ? (employee?.nameEn ?? employee?.nameJa) : employee?.nameJa) ??
    head.employee_key
  const kinds: NoticeKind[] = []
  const parts = members.map((member) => {
    const event = store.event(member.event_row)
    if (event === null) throw new Error(`notice event ${member.event_row} is gone`)
    kinds.push(event.kind)
    return renderer.render(event.kind, target.language, event.fields, name)
  })
  const single = parts.length === 1
  return {
    recipient: {
      employeeKey: head.employee_key,
      name,
      email: employee?.email ?? null,
      login: employee?.login ?? '',
      address: head.address,
    },
    subject: single ? parts[0]!.subject : digestSubject(parts.length, target.language),
    text: single ? parts[0]!.text : parts.map((p) => `■ ${p.subject}\n${p.text}`).join('\n\n'),
    kinds,
    messageId: messageIdOf(
      members.map((m) => m.id),
      ctx.siteName(),
    ),
  }
}
