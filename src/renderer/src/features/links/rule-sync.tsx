import type { ReactNode } from 'react'
import type { RuleSetSync } from '../../../../shared/model/sitelink-rules'
import { useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { useLinksStore } from '../../stores/links-store'

/**
 * Where a rule set stands with the partner (seed: 通常数分以内に完了します): 「連携先へ送信待ち」 with the planned
 * time and 「今すぐ送信」, or 「連携先に反映済み」; the time and who saved it last.
 */
export function RuleSync({
  id,
  sync,
  testId,
}: {
  readonly id: string
  readonly sync: RuleSetSync
  readonly testId: string
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  const busy = useLinksStore((s) => s.busy)
  const when = (ms: number): string => formatDateTimeWithWeekday(ms, language)
  return (
    <div className="rule-sync" data-testid={testId} data-synced={sync.synced}>
      {sync.synced ? (
        <span className="rule-sync-state rule-sync-done">{t('links.rules.synced')}</span>
      ) : (
        <span className="rule-sync-state rule-sync-waiting">{t('links.rules.waiting')}</span>
      )}
      {!sync.synced && sync.plannedSendAt !== null ? (
        <span className="muted">{t('links.rules.plannedAt', { at: when(sync.plannedSendAt) })}</span>
      ) : null}
      {sync.updatedAt !== null ? (
        <span className="muted">
          {t('links.rules.updatedAt', { at: when(sync.updatedAt), by: sync.updatedBy ?? '—' })}
        </span>
      ) : (
        <span className="muted">{t('links.rules.defaults')}</span>
      )}
      {sync.synced ? null : (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          data-testid={`${testId}-send-now`}
          onClick={() => void useLinksStore.getState().sendNow(id)}
        >
          {t('links.send.now')}
        </button>
      )}
    </div>
  )
}
