import {
  noticeMessageStates,
  type NoticeIngestResult,
  type NoticeMessageState,
  type NoticeMessageView,
  type NoticeQueuePage,
} from '../../shared/model/notices'
import { UsageError } from './cli-output'

const stateNames: Readonly<Record<NoticeMessageState, string>> = {
  pending: '送信待ち',
  sent: '送信済み',
  'set-aside': '保留',
  dropped: '破棄',
}

/** `pending` as scripts write it; anything else is refused with the choices in both languages. */
export function stateOf(text: string): NoticeMessageState {
  const state = noticeMessageStates.find((s) => s === text)
  if (state) return state
  const choices = noticeMessageStates.map((s) => `${s} (${stateNames[s]})`).join(', ')
  throw new UsageError({
    ja: `状態「${text}」はありません。次のどれかを指定してください: ${choices}`,
    en: `There is no state "${text}". Use one of: ${choices}`,
  })
}

function localTime(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function messageLine(m: NoticeMessageView): string {
  const when = m.finishedAt === null ? `due ${localTime(m.dueAt)}` : localTime(m.finishedAt)
  const parts = [`#${m.id}  ${m.state}  ${m.targetId}  ${m.kind}  ${m.employeeKey} <${m.address}>  ${when}`]
  if (m.attempts > 0) parts.push(`attempts ${m.attempts}`)
  const lines = [parts.join('  ')]
  if (m.error) lines.push(`    ${m.error.ja}`, `    ${m.error.en}`)
  if (m.detail) lines.push(`    ${m.detail}`)
  return lines.join('\n')
}

export function queueText(page: NoticeQueuePage): string {
  const counts = noticeMessageStates.map((s) => `${s} ${page.counts[s]}`).join(', ')
  const lines = [`${counts}`]
  if (page.messages.length === 0) lines.push('no messages / メッセージはありません')
  lines.push(...page.messages.map(messageLine))
  return `${lines.join('\n')}\n`
}

export function ingestText(result: NoticeIngestResult): string {
  const lines = result.accepted
    ? [
        `accepted: event row ${result.eventRow}; ${result.optedIn} opted in, ${result.queued} messages queued`,
        `受け付けました: 行 ${result.eventRow}、通知対象 ${result.optedIn} 人、キューに ${result.queued} 件`,
      ]
    : [
        `already taken in (event row ${result.eventRow}): nothing was added`,
        `受信済みのイベントです（行 ${result.eventRow}）。何も追加していません`,
      ]
  if (result.unknownAddressees.length > 0) {
    const list = result.unknownAddressees.join(', ')
    lines.push(`unknown addressees (not in the home directory): ${list}`)
    lines.push(`ホームディレクトリにいない宛先: ${list}`)
  }
  return `${lines.join('\n')}\n`
}
