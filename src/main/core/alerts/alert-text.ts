import type { Localized } from '../../../shared/model/localized'

export type AlertKind =
  'job.failed' | 'job.still-failing' | 'job.recovered' | 'calendar.stopped' | 'notice.failures' | 'test'

/** One thing the admin should know about; several that happen together travel in one message. */
export interface AlertItem {
  readonly kind: AlertKind
  /** Milliseconds since the epoch. */
  readonly at: number
  /** 「カレンダー同期を停止しました: 山田 太郎」 */
  readonly title: Localized
  /** The reason, as the engine wrote it. */
  readonly message: Localized
  readonly jobId?: string
  readonly user?: { readonly id: string; readonly name: string }
}

/** What every channel sends: a subject, a plain text in both languages (Japanese first), the items. */
export interface AlertMessage {
  readonly subject: string
  readonly text: string
  readonly items: readonly AlertItem[]
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The machine's local time with its UTC offset: the admin reads it where the daemon runs. */
function localTime(ms: number): string {
  const d = new Date(ms)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (${zone})`
}

function section(items: readonly AlertItem[], lang: 'ja' | 'en'): string {
  const intro =
    lang === 'ja'
      ? 'Renkei（連携）からの通知です。詳しくは同期履歴を確認してください。'
      : 'An alert from Renkei. The sync history has the details.'
  const at = lang === 'ja' ? '日時' : 'At'
  const why = lang === 'ja' ? '内容' : 'Details'
  const lines = items.map((item) =>
    [`■ ${item.title[lang]}`, `  ${at}: ${localTime(item.at)}`, `  ${why}: ${item.message[lang]}`].join('\n'),
  )
  return [intro, '', ...lines].join('\n')
}

/** One message for the items queued together: the subject names the event when there is one. */
export function composeAlert(items: readonly AlertItem[]): AlertMessage {
  const only = items.length === 1 ? items[0]! : null
  const subject = only
    ? `[Renkei] ${only.title.ja} / ${only.title.en}`
    : `[Renkei] 通知 ${items.length} 件 / ${items.length} alerts`
  const text = `${section(items, 'ja')}\n\n----\n\n${section(items, 'en')}\n`
  return { subject, text, items }
}

/**
 * The webhook's JSON: `text` is a plain string so chat services that read only that (Slack, Mattermost,
 * Rocket.Chat) show it as it is; `alerts` is the same content for programs.
 */
export function webhookPayload(message: AlertMessage): unknown {
  return {
    source: 'renkei',
    subject: message.subject,
    text: message.text,
    alerts: message.items.map((item) => ({
      kind: item.kind,
      at: new Date(item.at).toISOString(),
      title: item.title,
      message: item.message,
      ...(item.jobId ? { job: item.jobId } : {}),
      ...(item.user ? { user: item.user } : {}),
    })),
  }
}
