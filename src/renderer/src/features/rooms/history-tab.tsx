import type { ReactNode } from 'react'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { routeHash } from '../../lib/routes'
import { useApiLoad } from '../../lib/use-api-load'
import { emptyDraft } from '../../stores/filter-draft'
import { HistoryTable } from '../history/history-table'
import { useRoomsChanged } from './use-rooms-changed'

const recent = 50

/** 履歴: the newest room-provisioning entries (category 'rooms') in the History screen's table, and a link there. */
export function HistoryTab(): ReactNode {
  const t = useT()
  const changed = useRoomsChanged()
  const page = useApiLoad(
    () => api['history.search']({ filter: { category: 'rooms' }, limit: recent }),
    [changed],
  )
  const all = routeHash({ screen: 'history', filter: { ...emptyDraft, category: 'rooms' } })
  return (
    <Section
      title={t('rooms.tab.history')}
      testId="rooms-history"
      actions={
        <a className="button button-small" href={all} data-testid="rooms-history-all">
          {t('rooms.history.all')}
        </a>
      }
    >
      <p className="note">{t('rooms.history.intro', { count: recent })}</p>
      {page.busy ? <Busy label={t('app.loading')} /> : null}
      <ErrorBanner message={page.error} />
      {page.value && page.value.entries.length === 0 ? (
        <EmptyState title={t('rooms.history.empty')} testId="rooms-history-empty" />
      ) : null}
      {page.value && page.value.entries.length > 0 ? <HistoryTable entries={page.value.entries} /> : null}
    </Section>
  )
}
