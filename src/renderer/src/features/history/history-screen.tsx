import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { ScreenTitle } from '../../components/screen-title'
import { Section } from '../../components/section'
import { formatCount, useT } from '../../i18n'
import { historyPageSize, useHistoryStore } from '../../stores/history-store'
import { useSettingsStore } from '../../stores/settings-store'
import { ExportPanel } from './export-panel'
import { FilterForm } from './filter-form'
import { HistoryTable } from './history-table'
import { useRouteFilter } from './use-route-filter'

function RetentionNote(): ReactNode {
  const t = useT()
  const months = useSettingsStore((s) => s.settings?.historyRetentionMonths)
  if (months === undefined) return null
  return (
    <p className="note" data-testid="retention-note">
      {months === 12 ? t('history.retentionDefault') : t('history.retention', { months })}
    </p>
  )
}

function Pager({ position }: { readonly position: 'top' | 'bottom' }): ReactNode {
  const t = useT()
  const cursors = useHistoryStore((s) => s.cursors)
  const entries = useHistoryStore((s) => s.entries)
  const nextCursor = useHistoryStore((s) => s.nextCursor)
  const searching = useHistoryStore((s) => s.searching)
  const { next, previous } = useHistoryStore.getState()
  const page = cursors.length
  const first = (page - 1) * historyPageSize + 1
  return (
    <div className="pager" data-testid={`pager-${position}`}>
      <Button disabled={searching || page <= 1} onClick={() => void previous()}>
        {t('history.prev')}
      </Button>
      <span className="pager-text" data-testid="page-info">
        {t('history.page', {
          page,
          first: formatCount(first),
          last: formatCount(first + entries.length - 1),
        })}
      </span>
      <Button disabled={searching || !nextCursor} onClick={() => void next()}>
        {t('history.next')}
      </Button>
    </div>
  )
}

function ListSection(): ReactNode {
  const t = useT()
  const entries = useHistoryStore((s) => s.entries)
  const searched = useHistoryStore((s) => s.searched)
  const searching = useHistoryStore((s) => s.searching)
  const filter = useHistoryStore((s) => s.filter)
  const newEntries = useHistoryStore((s) => s.newEntries)
  const refresh = useHistoryStore((s) => s.refresh)
  const filtered = Object.keys(filter).length > 0
  return (
    <Section title={t('history.list')} testId="history-list">
      {newEntries > 0 ? (
        <div className="banner banner-info" role="status">
          <span>{t('history.newEntries', { count: formatCount(newEntries) })}</span>
          <button type="button" className="button-link" onClick={() => void refresh()}>
            {t('history.showLatest')}
          </button>
        </div>
      ) : null}
      {searching ? <Busy label={t('history.searching')} /> : null}
      {searched && entries.length === 0 ? (
        <EmptyState title={filtered ? t('history.empty') : t('history.emptyNew')} testId="history-empty" />
      ) : null}
      {entries.length > 0 ? (
        <>
          <Pager position="top" />
          <HistoryTable key={entries[0]?.id} entries={entries} />
          <Pager position="bottom" />
        </>
      ) : null}
    </Section>
  )
}

export function HistoryScreen(): ReactNode {
  const t = useT()
  const error = useHistoryStore((s) => s.error)
  const setError = useHistoryStore((s) => s.setError)
  useRouteFilter()
  return (
    <div className="screen" data-testid="screen-history">
      <ScreenTitle>{t('history.title')}</ScreenTitle>
      <RetentionNote />
      <Section title={t('history.search')} testId="history-search">
        <FilterForm />
        <ErrorBanner message={error} onDismiss={() => setError(null)} />
      </Section>
      <ExportPanel />
      <ListSection />
    </div>
  )
}
