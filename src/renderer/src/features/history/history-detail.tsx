import type { ReactNode } from 'react'
import type { HistoryEntry } from '../../../../shared/model/history'
import { useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { categoryText } from './category-label'

/** A value longer than this (or of more lines) is collapsed to its first lines. */
const shortChars = 160
const previewLines = 2

/** Strings as they are; anything else as indented JSON. Never markup: React renders it as text. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  return JSON.stringify(value, null, 2) ?? String(value)
}

/** One value: inline when short; otherwise its first lines, the whole text behind a <details>. */
function DetailValue({ value }: { readonly value: unknown }): ReactNode {
  const t = useT()
  const text = asText(value)
  const lines = text.split(/\r\n|\r|\n/)
  if (text.length <= shortChars && lines.length <= previewLines) {
    return typeof value === 'string' ? <span>{text}</span> : <code>{text}</code>
  }
  const preview = lines.slice(0, previewLines).join(' ').slice(0, shortChars)
  return (
    <details className="detail-long" data-testid="detail-long">
      <summary>
        <span className="detail-preview">{preview}…</span>{' '}
        <span className="muted">({t('history.detail.lines', { lines: lines.length })})</span>
      </summary>
      <pre className="detail-json">{text}</pre>
    </details>
  )
}

/** The fields a writer recorded (an object's members one by one; anything else as one value). */
function DataFields({ detail }: { readonly detail: unknown }): ReactNode {
  const fields =
    detail !== null && typeof detail === 'object' && !Array.isArray(detail)
      ? Object.entries(detail as Record<string, unknown>)
      : [['', detail] as const]
  return fields.map(([key, value]) => (
    <div className="detail-field" key={key}>
      {key ? <dt>{key}</dt> : null}
      <dd>
        <DetailValue value={value} />
      </dd>
    </div>
  ))
}

/**
 * An expanded history row: the entry's own fields in words, then what the writer recorded as a
 * definition list. A server's whole HTML error page stays text, collapsed to its first lines.
 */
export function HistoryDetail({ entry }: { readonly entry: HistoryEntry }): ReactNode {
  const t = useT()
  const hasData = entry.detail !== null && entry.detail !== undefined
  return (
    <div className="history-detail" data-testid="history-detail">
      <dl className="detail-list">
        <div className="detail-field">
          <dt>{t('history.col.ts')}</dt>
          <dd>{formatDateTime(entry.ts)}</dd>
        </div>
        <div className="detail-field">
          <dt>{t('history.col.site')}</dt>
          <dd>{entry.site || t('history.site.local')}</dd>
        </div>
        <div className="detail-field">
          <dt>{t('history.col.direction')}</dt>
          <dd>{t(`direction.${entry.direction}`)}</dd>
        </div>
        <div className="detail-field">
          <dt>{t('history.col.category')}</dt>
          <dd data-testid="detail-category">{categoryText(t, entry.category)}</dd>
        </div>
        <div className="detail-field">
          <dt>{t('history.col.level')}</dt>
          <dd>{t(`level.${entry.level}`)}</dd>
        </div>
      </dl>
      <h4 className="detail-heading">{t('history.detail.data')}</h4>
      {hasData ? (
        <dl className="detail-list" data-testid="detail-data">
          <DataFields detail={entry.detail} />
        </dl>
      ) : (
        <span className="muted">{t('history.detail.none')}</span>
      )}
    </div>
  )
}
