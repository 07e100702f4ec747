import type { ReactNode } from 'react'
import type { DirectoryPlan } from '../../../../shared/model/directory'
import { planActions } from '../../../../shared/model/directory'
import { formatCount, useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'

function Card({
  title,
  testId,
  children,
}: {
  title: string
  testId: string
  children: ReactNode
}): ReactNode {
  return (
    <div className="summary-card" data-testid={testId}>
      <h3>{title}</h3>
      <dl>{children}</dl>
    </div>
  )
}

function Item({ term, children }: { term: string; children: ReactNode }): ReactNode {
  return (
    <div className="summary-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function SourceCard({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  const { source } = plan
  return (
    <Card title={t('directory.plan.source')} testId="plan-source">
      <Item term={t('directory.homeKind.employee')}>
        {t('directory.plan.people', { count: formatCount(source.employees) })}
      </Item>
      <Item term={t('directory.homeKind.department')}>{formatCount(source.departments)}</Item>
      <Item term={t('directory.homeKind.position')}>{formatCount(source.positions)}</Item>
      <Item term={t('directory.homeKind.group')}>{formatCount(source.groups)}</Item>
    </Card>
  )
}

function HomeCard({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  return (
    <Card title={t('directory.plan.home')} testId="plan-home">
      <Item term={t('directory.plan.homeChanges')}>
        <span data-testid="plan-home-total">
          {t('directory.plan.changes', { count: formatCount(plan.homeChangesTotal) })}
        </span>
      </Item>
    </Card>
  )
}

function TargetCard({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  if (!plan.hasTarget) {
    return (
      <Card title={t('directory.plan.target')} testId="plan-target">
        <p className="muted">{t('directory.plan.noTarget')}</p>
      </Card>
    )
  }
  return (
    <Card title={t('directory.plan.target')} testId="plan-target">
      {planActions.map((action) => (
        <Item key={action} term={t(`directory.action.${action}`)}>
          {t('directory.plan.usersGroups', {
            users: formatCount(plan.counts.user[action]),
            groups: formatCount(plan.counts.group[action]),
          })}
        </Item>
      ))}
    </Card>
  )
}

function LicenceCard({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  const { licence } = plan
  return (
    <Card title={t('directory.plan.licence')} testId="plan-licence">
      <p
        className={licence.over > 0 ? 'summary-lead error-text' : 'summary-lead'}
        data-testid="plan-licence-lead"
      >
        {licence.seatsFree === null
          ? t('directory.plan.newUsersNoLimit', { count: formatCount(licence.newUsers) })
          : t('directory.plan.newUsers', {
              count: formatCount(licence.newUsers),
              free: formatCount(licence.seatsFree),
            })}
      </p>
      <Item term={t('directory.plan.licenceLimit')}>
        {licence.limit === null ? t('directory.plan.unknown') : formatCount(licence.limit)}
      </Item>
      <Item term={t('directory.plan.activeSource')}>{formatCount(licence.activeSourceUsers)}</Item>
      {licence.over > 0 ? (
        <Item term={t('directory.plan.over')}>
          <span className="error-text">{formatCount(licence.over)}</span>
        </Item>
      ) : null}
    </Card>
  )
}

function DeletionCard({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  const { deletion } = plan
  const state = deletion.tripped ? (deletion.approved ? 'approved' : 'tripped') : 'ok'
  return (
    <Card title={t('directory.plan.deletion')} testId="plan-deletion">
      <Item term={t('directory.plan.removals')}>
        {t('directory.plan.people', { count: formatCount(deletion.removals) })}
      </Item>
      <Item term={t('directory.plan.base')}>
        {t('directory.plan.people', { count: formatCount(deletion.base) })}
      </Item>
      <Item term={t('directory.plan.threshold')}>
        {t('directory.plan.thresholdValue', {
          count: formatCount(deletion.maxCount),
          percent: deletion.maxPercent,
        })}
      </Item>
      <Item term={t('directory.plan.guardState')}>
        <span className={state === 'tripped' ? 'outcome outcome-error' : 'outcome outcome-ok'}>
          {t(`directory.plan.guard.${state}`)}
        </span>
      </Item>
    </Card>
  )
}

/** The dry run at a glance: what the source holds, what would change, and what the guards say. */
export function PlanSummary({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  return (
    <>
      <p className="muted">{t('directory.plan.computedAt', { at: formatDateTime(plan.computedAt) })}</p>
      <div className="summary-cards">
        <SourceCard plan={plan} />
        <HomeCard plan={plan} />
        <TargetCard plan={plan} />
        <LicenceCard plan={plan} />
        <DeletionCard plan={plan} />
      </div>
    </>
  )
}
