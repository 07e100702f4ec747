import type { ReactNode } from 'react'
import { useState } from 'react'
import type { RoomPreview } from '../../../../shared/model/rooms'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { useApiLoad } from '../../lib/use-api-load'
import { ConfirmAction } from './confirm-action'
import { useRoomsChanged } from './use-rooms-changed'

function ChangesTable({ preview }: { readonly preview: RoomPreview }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <table className="grid rooms-table" data-testid="preview-table">
      <thead>
        <tr>
          <th scope="col">{t('rooms.col.code')}</th>
          <th scope="col">{t('rooms.preview.action')}</th>
          <th scope="col">{t('rooms.preview.summary')}</th>
          <th scope="col">{t('rooms.preview.removes')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.changes.map((c, index) => (
          <tr key={index} data-testid="preview-row" data-action={c.action}>
            <td className="nowrap">{c.communityCode}</td>
            <td className="nowrap">{t(`rooms.action.${c.action}`)}</td>
            <td>{c.summary[language]}</td>
            <td data-testid="preview-removes">
              {c.removesUserData.length > 0 ? (
                <span className="room-removes">
                  {t('rooms.preview.removesData', { count: c.removesUserData.length })}:{' '}
                  {c.removesUserData.join(', ')}
                </span>
              ) : (
                <span className="muted">{t('rooms.preview.removesNothing')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** プレビュー: what a run would change on Mailman, what per-user data goes with it, and 「実行」. */
export function PreviewTab(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const changed = useRoomsChanged()
  const [runs, setRuns] = useState(0)
  const preview = useApiLoad(() => api['rooms.preview']({}), [changed, runs])
  const value = preview.value
  const removing = value?.changes.reduce((n, c) => n + c.removesUserData.length, 0) ?? 0
  return (
    <Section title={t('rooms.tab.preview')} testId="rooms-preview">
      {preview.busy ? <Busy label={t('rooms.preview.loading')} /> : null}
      <ErrorBanner message={preview.error} />
      {value?.problems.map((p, i) => (
        <ErrorBanner key={i} message={p} />
      ))}
      {value && value.changes.length === 0 ? (
        <EmptyState title={t('rooms.preview.empty')} testId="preview-empty" />
      ) : null}
      {value && value.changes.length > 0 ? <ChangesTable preview={value} /> : null}
      {value && value.skipped.length > 0 ? (
        <>
          <h3 className="sub-heading">{t('rooms.preview.skipped')}</h3>
          <ul className="room-skipped" data-testid="preview-skipped">
            {value.skipped.map((s, i) => (
              <li key={i}>
                {s.communityCode} / {s.userId}: {s.reason[language]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConfirmAction
        label={t('rooms.preview.run')}
        question={t(removing > 0 ? 'rooms.preview.confirmRemoving' : 'rooms.preview.confirm', {
          count: formatCount(value?.changes.length ?? 0),
          people: formatCount(removing),
        })}
        busyLabel={t('rooms.preview.running')}
        testId="rooms-run"
        disabled={!value || value.changes.length === 0 || value.problems.length > 0}
        act={async () => {
          const summary = await api['rooms.run']({})
          setRuns((n) => n + 1)
          return summary.outcome
        }}
      />
    </Section>
  )
}
