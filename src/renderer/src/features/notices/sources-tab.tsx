import type { ReactNode } from 'react'
import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeSourceView } from '../../../../shared/model/notices'
import { EmptyState, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { useApiLoad } from '../../lib/use-api-load'
import { CopyableUrl } from '../links/copyable-url'
import { SourceDialog } from './source-dialog'

function SourceRow(props: {
  readonly view: NoticeSourceView
  readonly onEdit: () => void
  readonly onRemove: () => void
}): ReactNode {
  const t = useT()
  const { source } = props.view
  return (
    <tr data-testid="source-row" data-source={source.id}>
      <td>
        <strong>{source.name}</strong>
        <div className="muted">
          <code>{source.id}</code>
        </div>
      </td>
      <td>{t(`notices.sourceKind.${source.kind}`)}</td>
      <td className="nowrap">
        <span className={source.enabled ? 'state state-set' : 'state state-unset'}>
          {t(source.enabled ? 'notices.enabled' : 'notices.disabled')}
        </span>
      </td>
      <td className="nowrap">
        <span className={props.view.secretStored ? 'state state-set' : 'state state-unset'}>
          {t(props.view.secretStored ? 'notices.secret.stored' : 'notices.secret.notStored')}
        </span>
      </td>
      <td className="notice-url-cell">
        {props.view.url ? (
          <CopyableUrl
            label={t('notices.sources.url')}
            url={props.view.url}
            testId={`source-url-${source.id}`}
            note={t('notices.sources.urlNote')}
          />
        ) : source.kind === 'xmpp' ? (
          <span className="muted">{t('notices.sources.noUrlXmpp')}</span>
        ) : (
          <div className="warning-text">{t('notices.sources.noUrl')}</div>
        )}
      </td>
      <td>
        {props.view.lastEventAt !== null ? (
          <div className="nowrap">{formatDateTime(props.view.lastEventAt)}</div>
        ) : (
          '—'
        )}
        <div className="muted">
          {t('notices.sources.counts', { events: props.view.events24h, refused: props.view.refused24h })}
        </div>
      </td>
      <td className="actions">
        <button
          type="button"
          className="button button-small"
          data-testid="source-edit"
          onClick={props.onEdit}
        >
          {t('notices.edit')}
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="source-remove"
          onClick={props.onRemove}
        >
          {t('notices.remove')}
        </button>
      </td>
    </tr>
  )
}

/** How a groupware signs what it posts (the engine README has the detail). */
function SigningScheme(): ReactNode {
  const t = useT()
  return (
    <div className="notice-scheme" data-testid="source-scheme">
      <h3 className="sub-heading">{t('notices.sources.scheme')}</h3>
      <ol>
        <li>{t('notices.sources.scheme1')}</li>
        <li>{t('notices.sources.scheme2')}</li>
        <li>{t('notices.sources.scheme3')}</li>
        <li>{t('notices.sources.scheme4')}</li>
      </ol>
      <pre className="detail-json">{`POST <URL>
Content-Type: application/json
X-Renkei-Timestamp: 1766196480
X-Renkei-Signature: v1=<hex HMAC-SHA256(secret, "1766196480." + body)>

{"id":"neo-123","kind":"message.created","addressees":["yamada@example.co.jp"],
 "fields":{"actor":"中野愛","requester":"○○株式会社 鈴木様","purpose":"折り返し電話をください"}}`}</pre>
    </div>
  )
}

/** 受信: who may post events here (groupware webhook, Slack-compatible outgoing webhook, XMPP account). */
export function SourcesTab(): ReactNode {
  const t = useT()
  const [reload, setReload] = useState(0)
  const list = useApiLoad(() => api['notice.sources.list']({}), [reload])
  const [editing, setEditing] = useState<{ view: NoticeSourceView | null } | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)
  const remove = (view: NoticeSourceView): void => {
    if (!window.confirm(t('notices.sources.confirmRemove', { name: view.source.name }))) return
    api['notice.sources.remove']({ id: view.source.id })
      .then(() => setReload((n) => n + 1))
      .catch((caught: unknown) => setError(toLocalized(caught)))
  }
  const sources = list.value ?? []
  return (
    <Section
      title={t('notices.tab.sources')}
      testId="notice-sources"
      actions={
        <button
          type="button"
          className="button"
          data-testid="source-add"
          onClick={() => setEditing({ view: null })}
        >
          {t('notices.sources.add')}
        </button>
      }
    >
      <ErrorBanner message={list.error} />
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {list.value && sources.length === 0 ? (
        <EmptyState title={t('notices.sources.empty')} testId="sources-empty">
          <p>{t('notices.sources.emptyHint')}</p>
        </EmptyState>
      ) : null}
      {sources.length > 0 ? (
        <table className="grid notice-grid" data-testid="sources-table">
          <thead>
            <tr>
              <th scope="col">{t('notices.targets.name')}</th>
              <th scope="col">{t('notices.sources.kind')}</th>
              <th scope="col">{t('notices.targets.enabled')}</th>
              <th scope="col">{t('notices.sources.secret')}</th>
              <th scope="col">{t('notices.sources.url')}</th>
              <th scope="col">{t('notices.sources.last')}</th>
              <th scope="col">{t('notices.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((view) => (
              <SourceRow
                key={view.source.id}
                view={view}
                onEdit={() => setEditing({ view })}
                onRemove={() => remove(view)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <SigningScheme />
      {editing ? (
        <SourceDialog
          view={editing.view}
          onSaved={(view) => {
            setNotice(localized('notices.sources.saved', { name: view.source.name }))
            setReload((n) => n + 1)
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Section>
  )
}
