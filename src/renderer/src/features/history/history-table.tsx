import type { ReactNode } from 'react'
import { Fragment, useState } from 'react'
import type { HistoryEntry } from '../../../../shared/model/history'
import { useLanguage, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { categoryText } from './category-label'
import { HistoryDetail } from './history-detail'
import './history.css'

function DetailToggle({
  entry,
  expanded,
  onToggle,
}: {
  readonly entry: HistoryEntry
  readonly expanded: boolean
  readonly onToggle: () => void
}): ReactNode {
  const t = useT()
  return (
    <button
      type="button"
      className="disclosure"
      aria-expanded={expanded}
      aria-controls={`history-detail-${entry.id}`}
      aria-label={t(expanded ? 'history.detail.hide' : 'history.detail.show')}
      title={t(expanded ? 'history.detail.hide' : 'history.detail.show')}
      onClick={onToggle}
    >
      <span aria-hidden="true">{expanded ? '▼' : '▶'}</span>
    </button>
  )
}

/** The seed's "ログ: 一覧" table plus a level column; a row expands to show its fields and recorded data. */
export function HistoryTable({ entries }: { readonly entries: readonly HistoryEntry[] }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const toggle = (id: number): void =>
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <table className="grid history-table" data-testid="history-table">
      <thead>
        <tr>
          <th scope="col" className="col-ts">
            {t('history.col.ts')}
          </th>
          <th scope="col">{t('history.col.site')}</th>
          <th scope="col">{t('history.col.direction')}</th>
          <th scope="col">{t('history.col.category')}</th>
          <th scope="col">{t('history.col.level')}</th>
          <th scope="col">{t('history.col.message')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const open = expanded.has(entry.id)
          return (
            <Fragment key={entry.id}>
              <tr data-testid="history-row" className={`level-row-${entry.level}`}>
                <td className="nowrap">{formatDateTime(entry.ts)}</td>
                <td data-testid="cell-site">
                  {entry.site || <span className="muted">{t('history.site.local')}</span>}
                </td>
                <td className="nowrap">{t(`direction.${entry.direction}`)}</td>
                <td className="nowrap" data-testid="cell-category">
                  {categoryText(t, entry.category)}
                </td>
                <td className="nowrap" data-testid="cell-level">
                  <span className={`level level-${entry.level}`}>{t(`level.${entry.level}`)}</span>
                </td>
                <td className="message-cell">
                  <div>
                    <DetailToggle entry={entry} expanded={open} onToggle={() => toggle(entry.id)} />
                    <span>{language === 'en' ? (entry.messageEn ?? entry.message) : entry.message}</span>
                  </div>
                </td>
              </tr>
              {open ? (
                <tr className="detail-row" id={`history-detail-${entry.id}`}>
                  <td colSpan={6}>
                    <HistoryDetail entry={entry} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}
