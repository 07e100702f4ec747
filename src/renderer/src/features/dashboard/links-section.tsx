import type { ReactNode } from 'react'
import { Fragment } from 'react'
import type { EngineHealth, HealthSubject, PlannedHealthEngineId } from '../../../../shared/model/health'
import { HealthBadge } from '../../components/health-badge'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { formatDateTime, formatDateTimeWithWeekday } from '../../lib/format'
import { useHealthStore } from '../../stores/health-store'
import { engineLabel } from './health-labels'
import { OpenSubjectCell } from './open-subject-cell'

const when = (ms: number | null, never: string): string => (ms === null ? never : formatDateTime(ms))

/** The times and the way to the subject's screen, the same for an engine and for one of its links. */
function SubjectCells({
  subject,
  name,
}: {
  readonly subject: HealthSubject
  readonly name: string
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <>
      <td className="nowrap">{when(subject.lastSuccessAt, t('health.never'))}</td>
      <td className="nowrap">{when(subject.lastFailureAt, t('health.never'))}</td>
      <td className="nowrap">
        {subject.nextRunAt !== null
          ? formatDateTimeWithWeekday(subject.nextRunAt, language)
          : t('job.next.none')}
      </td>
      <OpenSubjectCell subject={subject} name={name} />
    </>
  )
}

function EngineRow({ health }: { readonly health: EngineHealth }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { engine, subjects } = health
  const name = t(engineLabel[engine.engine])
  const troubled = subjects.filter((s) => s.state === 'warning' || s.state === 'stopped').length
  const sites = engine.engine === 'site-link'
  const counted = sites ? 'dashboard.links.sites' : 'dashboard.links.users'
  const troubledKey = sites ? 'dashboard.links.sitesTroubled' : 'dashboard.links.troubled'
  return (
    <tr data-testid="link-row" data-engine={engine.engine}>
      <td>
        <div>{name}</div>
        {subjects.length > 0 ? (
          <div className="muted">
            {t(counted, { count: formatCount(subjects.length) })}
            {troubled > 0 ? ` ${t(troubledKey, { count: formatCount(troubled) })}` : ''}
          </div>
        ) : null}
      </td>
      <td>
        <HealthBadge state={engine.state} />
        {engine.note ? <div className="muted">{engine.note[language]}</div> : null}
      </td>
      <SubjectCells subject={engine} name={name} />
    </tr>
  )
}

/** One partner site under the site link engine: each link's own health, opening its detail. */
function PartnerRow({ subject }: { readonly subject: HealthSubject }): ReactNode {
  const language = useLanguage()
  const name = subject.name ?? subject.id
  return (
    <tr data-testid="link-partner" data-link={subject.id}>
      <td className="link-partner-name">{name}</td>
      <td>
        <HealthBadge state={subject.state} />
        {subject.note ? <div className="muted">{subject.note[language]}</div> : null}
        {subject.lastFailure ? <div className="error-text">{subject.lastFailure[language]}</div> : null}
      </td>
      <SubjectCells subject={subject} name={name} />
    </tr>
  )
}

function PlannedRow({ id }: { readonly id: PlannedHealthEngineId }): ReactNode {
  const t = useT()
  return (
    <tr data-testid="link-planned" data-engine={id}>
      <td>{t(engineLabel[id])}</td>
      <td colSpan={5} className="muted">
        {t('dashboard.links.planned')}
      </td>
    </tr>
  )
}

/** The configured engines and links with their health; engines still to come are named plainly as such. */
export function LinksSection(): ReactNode {
  const t = useT()
  const overview = useHealthStore((s) => s.overview)
  if (overview === null) return null
  return (
    <Section title={t('dashboard.links')} testId="links-section">
      <table className="grid" data-testid="links-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.links.col.engine')}</th>
            <th scope="col">{t('dashboard.col.state')}</th>
            <th scope="col">{t('health.lastSuccess')}</th>
            <th scope="col">{t('dashboard.attention.col.lastFailure')}</th>
            <th scope="col">{t('dashboard.col.nextRun')}</th>
            <th scope="col">{t('dashboard.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.engines.map((health) => (
            <Fragment key={health.engine.engine}>
              <EngineRow health={health} />
              {/* Calendar users have their own summary; partner sites are few and each one matters here. */}
              {health.engine.engine === 'site-link'
                ? health.subjects.map((subject) => <PartnerRow key={subject.id} subject={subject} />)
                : null}
            </Fragment>
          ))}
          {overview.planned.map((id) => (
            <PlannedRow key={id} id={id} />
          ))}
        </tbody>
      </table>
    </Section>
  )
}
