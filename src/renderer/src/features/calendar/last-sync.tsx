import type { ReactNode } from 'react'
import type { CalendarPairStatus, CalendarRunOutcome } from '../../../../shared/model/calendar'
import { Busy } from '../../components/messages'
import { formatCount, useLanguage, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import type { PairRun } from '../../stores/calendar-store'

const outcomeClass: Readonly<Record<CalendarRunOutcome, string>> = {
  ok: 'outcome outcome-ok',
  warning: 'outcome outcome-warning',
  error: 'outcome outcome-error',
}

/** The answer of this window's "run now": its summary (announced), or why it could not run. */
export function RunResult({ run }: { readonly run: PairRun | undefined }): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (!run) return null
  if (run.running) return <Busy label={t('calendar.running')} />
  if (run.error) {
    return (
      <div className="run-answer error-text" role="alert" data-testid="run-error">
        {run.error[language]}
      </div>
    )
  }
  const summary = run.summary
  if (!summary) return null
  return (
    <div className="run-answer" role="status" data-testid="run-summary">
      <span className={outcomeClass[summary.outcome]}>{t(`calendar.outcome.${summary.outcome}`)}</span>{' '}
      {summary.message[language]}
      {summary.unchanged ? null : (
        <div className="job-message">
          {t('calendar.run.counts', {
            created: formatCount(summary.created),
            updated: formatCount(summary.updated),
            deleted: formatCount(summary.deleted),
            errors: formatCount(summary.errors),
          })}
        </div>
      )}
    </div>
  )
}

interface LastSyncProps {
  readonly pair: CalendarPairStatus
  /** This window's own run shows its spinner beside its button instead. */
  readonly ownRun: boolean
}

/** 最終同期: outcome, time and the core's message; a spinner while a scheduled run of the pair works. */
export function LastSync({ pair, ownRun }: LastSyncProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <div data-testid="last-sync">
      {pair.lastRunAt === null || pair.lastOutcome === null ? (
        <span className="muted">{t('calendar.never')}</span>
      ) : (
        <>
          <span className={outcomeClass[pair.lastOutcome]}>{t(`calendar.outcome.${pair.lastOutcome}`)}</span>
          <span className="muted"> {formatDateTime(pair.lastRunAt)}</span>
        </>
      )}
      {pair.lastMessage ? <div className="job-message">{pair.lastMessage[language]}</div> : null}
      {pair.running && !ownRun ? <Busy label={t('calendar.running')} /> : null}
    </div>
  )
}
