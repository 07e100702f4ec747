import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeMessageStates,
  type NoticeMessageState,
  type NoticeMessageView,
} from '../../../../shared/model/notices'
import { Busy, EmptyState, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useApiLoad } from '../../lib/use-api-load'
import { MessageTable } from './message-table'
import { stateLabel } from './notice-labels'
import { useNoticeChanged } from './use-notice-changed'

const pageSize = 100

/** キュー: messages by state with counts, per target, newest first; 再送 one, all of a target, or all. */
export function QueueTab(): ReactNode {
  const t = useT()
  const changed = useNoticeChanged()
  const [state, setState] = useState<NoticeMessageState>('pending')
  const [targetId, setTargetId] = useState('')
  const [before, setBefore] = useState<number | undefined>(undefined)
  const [older, setOlder] = useState<readonly NoticeMessageView[]>([])
  const [reload, setReload] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)
  const targets = useApiLoad(() => api['notice.targets.list']({}), [])
  const page = useApiLoad(
    () => api['notice.queue']({ state, targetId: targetId || undefined, before, limit: pageSize }),
    [state, targetId, before, changed, reload],
  )
  // A new filter or a change in the queue starts from the newest again.
  useEffect(() => {
    setBefore(undefined)
    setOlder([])
  }, [state, targetId, changed])
  const retry = (input: { id?: number; targetId?: string }): void => {
    setBusy(true)
    setError(null)
    api['notice.retry'](input)
      .then(({ retried }) => {
        setNotice(localized('notices.queue.retried', { count: retried }))
        setReload((n) => n + 1)
      })
      .catch((caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  const messages = [...older, ...(page.value?.messages ?? [])]
  const counts = page.value?.counts
  return (
    <Section title={t('notices.tab.queue')} testId="notice-queue">
      <div className="form-actions">
        <div className="filter-pills" role="radiogroup" aria-label={t('notices.queue.state')}>
          {noticeMessageStates.map((s) => (
            <label key={s} className={s === state ? 'filter-pill filter-pill-current' : 'filter-pill'}>
              <input
                type="radio"
                name="queue-state"
                checked={s === state}
                data-testid={`queue-state-${s}`}
                onChange={() => setState(s)}
              />
              {t(stateLabel(s))}
              <span className="notice-count" data-testid={`queue-count-${s}`}>
                {counts ? formatCount(counts[s]) : '–'}
              </span>
            </label>
          ))}
        </div>
        <label>
          {t('notices.queue.target')}{' '}
          <select value={targetId} data-testid="queue-target" onChange={(e) => setTargetId(e.target.value)}>
            <option value="">{t('notices.queue.allTargets')}</option>
            {(targets.value ?? []).map((v) => (
              <option key={v.target.id} value={v.target.id}>
                {v.target.name}
              </option>
            ))}
          </select>
        </label>
        {state === 'set-aside' ? (
          <button
            type="button"
            className="button"
            disabled={busy || counts?.['set-aside'] === 0}
            data-testid="queue-retry-all"
            onClick={() => retry(targetId ? { targetId } : {})}
          >
            {t(targetId ? 'notices.queue.retryTarget' : 'notices.queue.retryAll')}
          </button>
        ) : null}
        {page.busy || busy ? <Busy label={t('app.loading')} /> : null}
      </div>
      <ErrorBanner message={page.error} />
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {page.value && messages.length === 0 ? (
        <EmptyState title={t('notices.queue.empty')} testId="queue-empty" />
      ) : null}
      {messages.length > 0 ? (
        <MessageTable messages={messages} busy={busy} onRetry={(m) => retry({ id: m.id })} />
      ) : null}
      {page.value?.nextBefore != null ? (
        <div className="pager">
          <button
            type="button"
            className="button button-small"
            data-testid="queue-more"
            onClick={() => {
              setOlder(messages)
              setBefore(page.value!.nextBefore!)
            }}
          >
            {t('notices.more')}
          </button>
        </div>
      ) : null}
    </Section>
  )
}
