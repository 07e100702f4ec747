import type { Localized } from '../../../../shared/model/localized'
import type { NoticeEventInput } from '../../../../shared/model/notices'
import type { FedRow } from './intake-history-feed'
import { localTime } from './intake-own-events'

/** The account writes a person hears of (directory.account): made, stopped, started again in a target. */
const accountActions: Readonly<Record<string, Localized>> = {
  create: { ja: 'アカウントを作成しました', en: 'account created' },
  suspend: { ja: 'アカウントを停止しました', en: 'account suspended' },
  reactivate: { ja: 'アカウントを再開しました', en: 'account reactivated' },
}

interface AccountWrite {
  readonly object: string
  readonly key: string
  readonly action: string
}

/**
 * A directory sync history row → a directory.account event for the employee, when the row records an account
 * write that succeeded in a target (directory sync writes one per write: `{ object: 'user', key, action }`).
 */
export function directoryNotice(row: FedRow): NoticeEventInput | null {
  const write = row.detail as Partial<AccountWrite> | null
  if (row.direction !== 'send' || row.level !== 'info' || write?.object !== 'user') return null
  const action = typeof write.action === 'string' ? accountActions[write.action] : undefined
  if (!action || typeof write.key !== 'string' || !write.key) return null
  return {
    id: `${row.site}:${write.key}:${write.action}:${row.id}`.slice(0, 200),
    kind: 'directory.account',
    occurredAt: row.ts,
    addressees: [write.key],
    fields: {
      when: localTime(new Date(row.ts)),
      changedBy: 'Renkei',
      place: row.site,
      where: row.site,
      body: `${action.ja} (${action.en})`,
    },
  }
}
