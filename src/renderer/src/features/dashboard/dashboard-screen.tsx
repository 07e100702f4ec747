import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { Busy, EmptyState, ErrorBanner, Notice } from '../../components/messages'
import { ScreenTitle } from '../../components/screen-title'
import { Section } from '../../components/section'
import { MachineBanner } from '../links/machine-banner'
import { localized, useLanguage, useT } from '../../i18n'
import { allJobs, useJobsStore } from '../../stores/jobs-store'
import { AttentionSection } from './attention-section'
import { CalendarSummary } from './calendar-summary'
import { DirectorySummary } from './directory-summary'
import { JobsTable } from './jobs-table'
import { LinksSection } from './links-section'
import { RunsChart } from './runs-chart'
import './dashboard.css'

function JobsActions(): ReactNode {
  const t = useT()
  const jobs = useJobsStore((s) => s.jobs)
  const busy = useJobsStore((s) => s.pending.size > 0)
  const { runNow, pause, resume } = useJobsStore.getState()
  const none = !jobs || jobs.length === 0
  return (
    <>
      <Button primary disabled={none || busy} onClick={() => void runNow()}>
        {t('dashboard.runAll')}
      </Button>
      <Button disabled={none || busy} onClick={() => void pause()}>
        {t('dashboard.pauseAll')}
      </Button>
      <Button disabled={none || busy} onClick={() => void resume()}>
        {t('dashboard.resumeAll')}
      </Button>
    </>
  )
}

function JobsSection(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const jobs = useJobsStore((s) => s.jobs)
  const error = useJobsStore((s) => s.error)
  const notice = useJobsStore((s) => s.notice)
  const failure = useJobsStore((s) => s.lastFailure)
  const allBusy = useJobsStore((s) => s.pending.has(allJobs))
  const dismiss = useJobsStore((s) => s.dismiss)
  const allPaused = jobs !== null && jobs.length > 0 && jobs.every((job) => job.paused)
  return (
    <Section title={t('dashboard.jobs')} actions={<JobsActions />} testId="jobs-section">
      <ErrorBanner message={error} onDismiss={dismiss} />
      <ErrorBanner
        message={
          failure
            ? localized('dashboard.failed', {
                name: failure.job.title[language],
                message: failure.message[language],
              })
            : null
        }
        onDismiss={dismiss}
      />
      <Notice message={notice} onDismiss={dismiss} />
      {allPaused ? <p className="paused-note">{t('app.allPaused')}</p> : null}
      {allBusy ? <Busy label={t('app.loading')} /> : null}
      {jobs === null ? (
        error ? null : (
          <Busy label={t('app.loading')} />
        )
      ) : jobs.length === 0 ? (
        <EmptyState title={t('dashboard.jobs.empty')} testId="jobs-empty">
          <p>{t('dashboard.jobs.emptyHint')}</p>
        </EmptyState>
      ) : (
        <JobsTable jobs={jobs} />
      )}
    </Section>
  )
}

export function DashboardScreen(): ReactNode {
  const t = useT()
  return (
    <div className="screen" data-testid="screen-dashboard">
      <ScreenTitle>{t('dashboard.title')}</ScreenTitle>
      <MachineBanner />
      {/* Health first: what needs attention, then 7 days of runs, then the jobs. */}
      <AttentionSection />
      <RunsChart />
      <JobsSection />
      <LinksSection />
      <DirectorySummary />
      <CalendarSummary />
    </div>
  )
}
