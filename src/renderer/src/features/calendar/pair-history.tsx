import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { HistoryEntry } from '../../../../shared/model/history'
import type { Localized } from '../../../../shared/model/localized'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { emptyDraft } from '../../stores/filter-draft'
import { useNavigationStore } from '../../stores/navigation-store'

/** The history category every calendar run writes (engines/calendar); the site is the pair's user name. */
export const calendarHistoryCategory = 'calendar'
const recentCount = 20

/** Opens the sync history already searched for this user's calendar entries. */
function openFullHistory(site: string): void {
  const filter = { ...emptyDraft, category: calendarHistoryCategory, site }
  useNavigationStore.getState().navigate({ screen: 'history', filter })
}

interface PairHistoryProps {
  readonly name: string
  /** Changes whenever the pair ran or changed state: the list is fetched again then. */
  readonly version: string
}

/** The user's 20 newest calendar history lines, refreshed after each run or state change. */
export function PairHistory({ name, version }: PairHistoryProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [entries, setEntries] = useState<readonly HistoryEntry[] | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  useEffect(() => {
    let current = true
    api['history.search']({ filter: { category: calendarHistoryCategory, site: name }, limit: recentCount })
      .then((page) => {
        if (current) setEntries(page.entries)
      })
      .catch((e: unknown) => {
        if (current) setError(toLocalized(e))
      })
    return () => {
      current = false
    }
  }, [name, version])
  return (
    <Section
      title={t('calendar.pair.history')}
      testId="pair-history"
      actions={
        <button type="button" className="button" onClick={() => openFullHistory(name)}>
          {t('directory.openHistory')}
        </button>
      }
    >
      <ErrorBanner message={error} />
      {entries === null ? (
        error ? null : (
          <Busy label={t('app.loading')} />
        )
      ) : entries.length === 0 ? (
        <EmptyState title={t('calendar.history.empty')} testId="pair-history-empty" />
      ) : (
        <table className="grid history-table">
          <thead>
            <tr>
              <th scope="col" className="col-ts">
                {t('history.col.ts')}
              </th>
              <th scope="col">{t('history.col.level')}</th>
              <th scope="col">{t('history.col.message')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="pair-history-row">
                <td className="nowrap">{formatDateTime(entry.ts)}</td>
                <td>
                  <span className={`level level-${entry.level}`}>{t(`level.${entry.level}`)}</span>
                </td>
                <td>{language === 'en' ? (entry.messageEn ?? entry.message) : entry.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}
