import type { ReactNode } from 'react'
import type { NoticeMessageView } from '../../../../shared/model/notices'
import { useLanguage, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { kindLabel, stateLabel } from './notice-labels'

/** Messages with their state, attempts, times and error (the server's words under 詳細); 再送 for set-aside ones. */
export function MessageTable(props: {
  readonly messages: readonly NoticeMessageView[]
  readonly busy?: boolean
  readonly onRetry?: (message: NoticeMessageView) => void
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <table className="grid notice-grid" data-testid="message-table">
      <thead>
        <tr>
          <th scope="col">{t('notices.queue.created')}</th>
          <th scope="col">{t('notices.queue.kind')}</th>
          <th scope="col">{t('notices.queue.target')}</th>
          <th scope="col">{t('notices.queue.to')}</th>
          <th scope="col">{t('notices.queue.state')}</th>
          <th scope="col">{t('notices.queue.attempts')}</th>
          <th scope="col">{t('notices.queue.error')}</th>
          {props.onRetry ? <th scope="col">{t('notices.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.messages.map((m) => (
          <tr key={m.id} data-testid="message-row" data-state={m.state} data-id={m.id}>
            <td className="nowrap">{formatDateTime(m.createdAt)}</td>
            <td>{t(kindLabel(m.kind))}</td>
            <td>
              <code>{m.targetId}</code>
            </td>
            <td>
              {m.employeeName}
              <div className="muted notice-address">{m.address}</div>
            </td>
            <td className="nowrap">
              <span className={`notice-state notice-state-${m.state}`} data-testid="message-state">
                {t(stateLabel(m.state))}
              </span>
              <div className="muted">
                {m.finishedAt !== null
                  ? formatDateTime(m.finishedAt)
                  : t('notices.queue.due', { at: formatDateTime(m.dueAt) })}
              </div>
              {m.digestOf !== null ? (
                <div className="muted">{t('notices.queue.digestOf', { id: m.digestOf })}</div>
              ) : null}
            </td>
            <td>{m.attempts}</td>
            <td className="notice-error-cell">
              {m.error ? <div className="link-error">{m.error[language]}</div> : null}
              {m.detail ? (
                <details>
                  <summary>{t('notices.queue.detail')}</summary>
                  <pre className="detail-json notice-detail">{m.detail}</pre>
                </details>
              ) : null}
            </td>
            {props.onRetry ? (
              <td className="actions">
                {m.state === 'set-aside' ? (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={props.busy}
                    data-testid="message-retry"
                    onClick={() => props.onRetry?.(m)}
                  >
                    {t('notices.queue.retry')}
                  </button>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
