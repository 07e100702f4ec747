import type { ReactNode } from 'react'
import type { CalendarPairStatus, CalendarRunOutcome } from '../../../../shared/model/calendar'
import { Busy } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import type { PairRun } from '../../stores/calendar-store'

const outcomeClass: Readonly<Record<CalendarRunOutcome, string>> = {
  ok: 'outcome outcome-ok',
  warning: 'outcome outcome-warning',
  error: 'outcome outcome-error',
}

interface LastSyncProps {
  readonly pair: CalendarPairStatus
  /** This window's own "run now", if any: its spinner, its refusal, and the announcement of its result. */
  readonly run: PairRun | undefined
}

/**
 * 最終同期 — the one place a result is shown: outcome, time and the core's message (the same words the
 * history uses), whoever started the run. A run started here announces that result when it lands; a run
 * the core refused to start says why here too.
 */
export function LastSync({ pair, run }: LastSyncProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  const justRan = run !== undefined && !run.running && run.summary !== null
  return (
    <div className="last-sync-result" data-testid="last-sync">
      <div {...(justRan ? { role: 'status', 'data-testid': 'run-summary' } : {})}>
        {pair.lastRunAt === null || pair.lastOutcome === null ? (
          <span className="muted">{t('calendar.never')}</span>
        ) : (
          <>
            <span className={outcomeClass[pair.lastOutcome]}>
              {t(`calendar.outcome.${pair.lastOutcome}`)}
            </span>
            <span className="muted"> {formatDateTime(pair.lastRunAt)}</span>
          </>
        )}
        {pair.lastMessage ? <div className="job-message">{pair.lastMessage[language]}</div> : null}
      </div>
      {pair.running || run?.running ? <Busy label={t('calendar.running')} /> : null}
      {run?.error ? (
        <div className="error-text" role="alert" data-testid="run-error">
          {run.error[language]}
        </div>
      ) : null}
    </div>
  )
}
