import type { ReactNode } from 'react'
import { maxCsvExportRows } from '../../../../shared/model/history'
import { Button } from '../../components/button'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { useHistoryStore } from '../../stores/history-store'

/** What the count says about exporting, decided before any click (the seed's 10,000-row rule). */
function CountStatus(): ReactNode {
  const t = useT()
  const count = useHistoryStore((s) => s.count)
  const counting = useHistoryStore((s) => s.counting)
  if (counting || !count) return counting ? <Busy label={t('history.count.checking')} /> : null
  if (count.atLeast || count.count > maxCsvExportRows) {
    return (
      <div className="rule-box" role="alert" data-testid="export-refusal">
        <p>{t('history.count.rule')}</p>
        <p className="rule-count">
          {count.atLeast
            ? t('history.count.matchedAtLeast', { limit: formatCount(maxCsvExportRows) })
            : t('history.count.matched', { count: formatCount(count.count) })}
        </p>
      </div>
    )
  }
  if (count.count === 0) {
    return (
      <p className="muted" data-testid="export-count">
        {t('history.count.zero')}
      </p>
    )
  }
  return <p data-testid="export-count">{t('history.count.ok', { count: formatCount(count.count) })}</p>
}

/** The seed's rule limits an export to 10,000 rows; the buttons stay disabled until the count allows it. */
export function ExportPanel(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const count = useHistoryStore((s) => s.count)
  const exporting = useHistoryStore((s) => s.exporting)
  const notice = useHistoryStore((s) => s.exportNotice)
  const error = useHistoryStore((s) => s.exportError)
  const exportAs = useHistoryStore((s) => s.exportAs)
  const allowed = count !== null && !count.atLeast && count.count > 0 && count.count <= maxCsvExportRows
  const disabled = !allowed || exporting !== null
  return (
    <Section title={t('history.export')} testId="export-panel">
      <CountStatus />
      <div className="form-actions">
        <Button
          primary
          disabled={disabled}
          testId="export-csv"
          onClick={() => void exportAs('csv', language)}
        >
          {t('history.exportCsv')}
        </Button>
        <Button disabled={disabled} testId="export-jsonl" onClick={() => void exportAs('jsonl', language)}>
          {t('history.exportJsonl')}
        </Button>
        {exporting ? <Busy label={t('history.exporting')} /> : null}
      </div>
      <ErrorBanner message={error} />
      <Notice message={notice} />
    </Section>
  )
}
