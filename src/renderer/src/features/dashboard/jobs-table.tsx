import type { ReactNode } from 'react'
import type { JobStatus } from '../../../../shared/model/jobs'
import type { Translate } from '../../i18n'
import { useLanguage, useT } from '../../i18n'
import { describeSchedule, formatDateTime, formatDateTimeWithWeekday } from '../../lib/format'
import { allJobs, useJobsStore } from '../../stores/jobs-store'
import { useRunConfirmStore } from '../../stores/run-confirm-store'

function stateOf(job: JobStatus, t: Translate): { readonly label: string; readonly className: string } {
  if (job.running) return { label: t('job.state.running'), className: 'state state-running' }
  if (job.paused) return { label: t('job.state.paused'), className: 'state state-paused' }
  return { label: t('job.state.waiting'), className: 'state state-waiting' }
}

function LastResult({ job }: { readonly job: JobStatus }): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (!job.lastOutcome) return <span className="muted">{t('job.outcome.none')}</span>
  return (
    <div>
      <span className={`outcome outcome-${job.lastOutcome}`}>{t(`job.outcome.${job.lastOutcome}`)}</span>
      {job.lastFinishedAt !== null ? (
        <span className="muted"> {formatDateTime(job.lastFinishedAt)}</span>
      ) : null}
      {job.lastMessage ? <div className="job-message">{job.lastMessage[language]}</div> : null}
    </div>
  )
}

function JobRow({ job }: { readonly job: JobStatus }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const busy = useJobsStore((s) => s.pending.has(job.id) || s.pending.has(allJobs))
  const { runNow, pause, resume } = useJobsStore.getState()
  const requestRun = useRunConfirmStore((s) => s.request)
  const name = job.title[language]
  const state = stateOf(job, t)
  return (
    <tr data-testid="job-row" data-job-id={job.id}>
      <td>{name}</td>
      <td>{describeSchedule(job.schedule, t)}</td>
      <td>
        <span className={state.className}>{state.label}</span>
      </td>
      <td className="nowrap">
        {job.nextRunAt !== null ? formatDateTimeWithWeekday(job.nextRunAt, language) : t('job.next.none')}
      </td>
      <td>
        <LastResult job={job} />
      </td>
      <td className="nowrap actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy || job.running}
          aria-label={t('dashboard.runNowFor', { name })}
          // A job that writes to production (directory) opens its preview's confirmation instead.
          aria-haspopup={job.needsConfirmation ? 'dialog' : undefined}
          onClick={() => void (job.needsConfirmation ? requestRun() : runNow(job.id))}
        >
          {t('dashboard.runNow')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          aria-label={t(job.paused ? 'dashboard.resumeFor' : 'dashboard.pauseFor', { name })}
          onClick={() => void (job.paused ? resume(job.id) : pause(job.id))}
        >
          {t(job.paused ? 'dashboard.resume' : 'dashboard.pause')}
        </button>
      </td>
    </tr>
  )
}

export function JobsTable({ jobs }: { readonly jobs: readonly JobStatus[] }): ReactNode {
  const t = useT()
  return (
    <table className="grid" data-testid="jobs-table">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.name')}</th>
          <th scope="col">{t('dashboard.col.schedule')}</th>
          <th scope="col">{t('dashboard.col.state')}</th>
          <th scope="col">{t('dashboard.col.nextRun')}</th>
          <th scope="col">{t('dashboard.col.lastResult')}</th>
          <th scope="col">{t('dashboard.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <JobRow key={job.id} job={job} />
        ))}
      </tbody>
    </table>
  )
}
