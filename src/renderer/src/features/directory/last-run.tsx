import type { ReactNode } from 'react'
import type { DirectoryRunSummary, DirectoryStatus } from '../../../../shared/model/directory'
import { formatCount, useLanguage, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'

/** Badge colour per outcome; a run the guards stopped is shown like an error, since nothing was written. */
const outcomeClass: Readonly<Record<DirectoryRunSummary['outcome'], string>> = {
  ok: 'outcome outcome-ok',
  warning: 'outcome outcome-warning',
  error: 'outcome outcome-error',
  blocked: 'outcome outcome-error',
}

/** The last run as the Directory screen and the Dashboard show it: outcome, time, message, counts. */
export function LastRun({ run }: { readonly run: DirectoryRunSummary | null }): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (!run) return <span className="muted">{t('job.outcome.none')}</span>
  return (
    <div data-testid="last-run">
      <span className={outcomeClass[run.outcome]}>{t(`directory.outcome.${run.outcome}`)}</span>
      <span className="muted"> {formatDateTime(run.finishedAt)}</span>
      <div className="job-message">{run.message[language]}</div>
      {run.applied > 0 || run.failed > 0 ? (
        <div className="job-message">
          {t('directory.lastRun.counts', {
            applied: formatCount(run.applied),
            failed: formatCount(run.failed),
          })}
        </div>
      ) : null}
    </div>
  )
}

/** "社員 5 人（有効 4 人）、部署 3、役職 2、グループ 1" */
export function HomeCounts({ counts }: { readonly counts: DirectoryStatus['counts'] }): ReactNode {
  const t = useT()
  return (
    <span data-testid="home-counts">
      {t('directory.counts', {
        employees: formatCount(counts.employees),
        active: formatCount(counts.activeEmployees),
        departments: formatCount(counts.departments),
        positions: formatCount(counts.positions),
        groups: formatCount(counts.groups),
      })}
    </span>
  )
}

/** Whether a run is reading, planning or writing right now (seed 002: partner sends wait meanwhile). */
export function ImportState({ inProgress }: { readonly inProgress: boolean }): ReactNode {
  const t = useT()
  return (
    <span className={inProgress ? 'state state-running' : 'state state-waiting'} data-testid="import-state">
      {t(inProgress ? 'directory.importing' : 'directory.idle')}
    </span>
  )
}
