import type { ReactNode } from 'react'
import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeTargetKinds,
  type NoticeTargetKind,
  type NoticeTargetView,
} from '../../../../shared/model/notices'
import { EmptyState, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { useApiLoad } from '../../lib/use-api-load'
import { targetKindLabel } from './notice-labels'
import { draftOfTarget, newTargetDraft, type TargetDraft } from './target-draft'
import { TargetDialog } from './target-dialog'
import { TargetTest } from './target-test'
import { useNoticeChanged } from './use-notice-changed'

function TargetRow(props: {
  readonly view: NoticeTargetView
  readonly testing: boolean
  readonly onEdit: () => void
  readonly onTest: () => void
  readonly onRemove: () => void
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { target, problems } = props.view
  return (
    <>
      <tr data-testid="target-row" data-target={target.id}>
        <td>
          <strong>{target.name}</strong>
          <div className="muted">
            <code>{target.id}</code>
          </div>
        </td>
        <td>{t(targetKindLabel(target.kind))}</td>
        <td>{t(`notices.role.${target.role}`)}</td>
        <td className="nowrap">
          <span className={target.enabled ? 'state state-set' : 'state state-unset'}>
            {t(target.enabled ? 'notices.enabled' : 'notices.disabled')}
          </span>
        </td>
        <td data-testid="target-problems">
          {problems.length === 0 ? (
            <span className="ok-text">{t('notices.targets.ready')}</span>
          ) : (
            <ul className="notice-problems">
              {problems.map((p) => (
                <li key={p.en}>{p[language]}</li>
              ))}
            </ul>
          )}
        </td>
        <td className="nowrap">
          {props.view.pending} / {props.view.setAside}
        </td>
        <td>
          {props.view.lastSentAt !== null ? (
            <div className="nowrap">{formatDateTime(props.view.lastSentAt)}</div>
          ) : null}
          {props.view.lastError ? <div className="link-error">{props.view.lastError[language]}</div> : null}
        </td>
        <td className="actions">
          <button
            type="button"
            className="button button-small"
            data-testid="target-edit"
            onClick={props.onEdit}
          >
            {t('notices.edit')}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-expanded={props.testing}
            data-testid="target-test-open"
            onClick={props.onTest}
          >
            {t('notices.test.open')}
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="target-remove"
            onClick={props.onRemove}
          >
            {t('notices.remove')}
          </button>
        </td>
      </tr>
      {props.testing ? (
        <tr>
          <td colSpan={8}>
            <TargetTest id={target.id} />
          </td>
        </tr>
      ) : null}
    </>
  )
}

/** 送信先: every target with its problems and queue counts; add per kind, edit, test send, remove. */
export function TargetsTab(): ReactNode {
  const t = useT()
  const changed = useNoticeChanged()
  const [reload, setReload] = useState(0)
  const list = useApiLoad(() => api['notice.targets.list']({}), [changed, reload])
  const [newKind, setNewKind] = useState<NoticeTargetKind>('smtp')
  const [editing, setEditing] = useState<{ draft: TargetDraft; view: NoticeTargetView | null } | null>(null)
  const [testing, setTesting] = useState<string | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const remove = (view: NoticeTargetView): void => {
    if (!window.confirm(t('notices.targets.confirmRemove', { name: view.target.name }))) return
    api['notice.targets.remove']({ id: view.target.id })
      .then(() => setReload((n) => n + 1))
      .catch((caught: unknown) => setError(toLocalized(caught)))
  }
  const targets = list.value ?? []
  return (
    <Section
      title={t('notices.tab.targets')}
      testId="notice-targets"
      actions={
        <>
          <label>
            <span className="sr-only">{t('notices.targets.kind')}</span>
            <select
              className="notice-new-kind"
              value={newKind}
              data-testid="target-new-kind"
              onChange={(e) => setNewKind(e.target.value as NoticeTargetKind)}
            >
              {noticeTargetKinds.map((k) => (
                <option key={k} value={k}>
                  {t(targetKindLabel(k))}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            data-testid="target-add"
            onClick={() => setEditing({ draft: newTargetDraft(newKind), view: null })}
          >
            {t('notices.targets.add')}
          </button>
        </>
      }
    >
      <ErrorBanner message={list.error} />
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {list.value && targets.length === 0 ? (
        <EmptyState title={t('notices.targets.empty')} testId="targets-empty">
          <p>{t('notices.targets.emptyHint')}</p>
        </EmptyState>
      ) : null}
      {targets.length > 0 ? (
        <table className="grid notice-grid" data-testid="targets-table">
          <thead>
            <tr>
              <th scope="col">{t('notices.targets.name')}</th>
              <th scope="col">{t('notices.targets.kind')}</th>
              <th scope="col">{t('notices.targets.role')}</th>
              <th scope="col">{t('notices.targets.enabled')}</th>
              <th scope="col">{t('notices.targets.problems')}</th>
              <th scope="col">{t('notices.targets.pendingSetAside')}</th>
              <th scope="col">{t('notices.targets.last')}</th>
              <th scope="col">{t('notices.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((view) => (
              <TargetRow
                key={view.target.id}
                view={view}
                testing={testing === view.target.id}
                onEdit={() => setEditing({ draft: draftOfTarget(view.target), view })}
                onTest={() => setTesting((id) => (id === view.target.id ? null : view.target.id))}
                onRemove={() => remove(view)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <TargetDialog
          draft={editing.draft}
          view={editing.view}
          onSaved={(view) => {
            setNotice(localized('notices.targets.saved', { name: view.target.name }))
            setReload((n) => n + 1)
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Section>
  )
}
