import type { ReactNode } from 'react'
import type { HealthSubject } from '../../../../shared/model/health'
import { HealthBadge } from '../../components/health-badge'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { useHealthStore } from '../../stores/health-store'
import { engineLabel } from './health-labels'
import { OpenSubjectCell } from './open-subject-cell'

function Reason({ subject }: { readonly subject: HealthSubject }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <div>
      {subject.note ? <div>{subject.note[language]}</div> : null}
      {subject.lastFailure ? <div data-testid="attention-reason">{subject.lastFailure[language]}</div> : null}
      {subject.errorStreak > 1 ? (
        <div className="muted">{t('health.streak', { count: formatCount(subject.errorStreak) })}</div>
      ) : null}
    </div>
  )
}

function AttentionRow({ subject }: { readonly subject: HealthSubject }): ReactNode {
  const t = useT()
  const engine = t(engineLabel[subject.engine])
  const name = subject.name ?? engine
  return (
    <tr data-testid="attention-row" data-engine={subject.engine} data-subject={subject.id}>
      <td>
        <HealthBadge state={subject.state} />
      </td>
      <td className="attention-subject">
        <div data-testid="attention-name">{name}</div>
        {subject.name !== null ? <div className="muted">{engine}</div> : null}
      </td>
      <td className="attention-reason">
        <Reason subject={subject} />
      </td>
      <td className="nowrap">
        {subject.lastFailureAt !== null ? formatDateTime(subject.lastFailureAt) : '—'}
        <div className="muted">
          {t('health.lastSuccess')}:{' '}
          {subject.lastSuccessAt !== null ? formatDateTime(subject.lastSuccessAt) : t('health.never')}
        </div>
      </td>
      <td className={subject.errors24h > 0 ? 'num error-text' : 'num'}>{formatCount(subject.errors24h)}</td>
      <OpenSubjectCell subject={subject} name={name} />
    </tr>
  )
}

/** First on the Dashboard: everything failing, stopped or with errors, by name, with why and where to fix it. */
export function AttentionSection(): ReactNode {
  const t = useT()
  const overview = useHealthStore((s) => s.overview)
  const error = useHealthStore((s) => s.error)
  return (
    <Section title={t('dashboard.attention')} testId="attention-section">
      <ErrorBanner message={error} />
      {overview === null ? (
        error ? null : (
          <Busy label={t('app.loading')} />
        )
      ) : overview.attention.length === 0 ? (
        <p className="note" data-testid="attention-none">
          {t('dashboard.attention.none')}
        </p>
      ) : (
        <table className="grid" data-testid="attention-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.col.state')}</th>
              <th scope="col">{t('dashboard.attention.col.subject')}</th>
              <th scope="col">{t('dashboard.attention.col.reason')}</th>
              <th scope="col">{t('dashboard.attention.col.lastFailure')}</th>
              <th scope="col">{t('dashboard.attention.col.errors')}</th>
              <th scope="col">{t('dashboard.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.attention.map((subject) => (
              <AttentionRow key={`${subject.engine}:${subject.id}`} subject={subject} />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}
