import type { ReactNode } from 'react'
import type { LinkExplanation } from '../../../../shared/model/sitelink-rules'
import { useLanguage, useT } from '../../i18n'
import { permissionLabels, productLabels } from './rule-labels'
import { RuleTrail } from './rule-trail'
import { VisitTicketPanel } from './visit-ticket'

/** One person's answer for this link: allowed or not, with what, decided by which rule, from where. */
export function ExplanationView({
  id,
  explanation,
}: {
  readonly id: string
  readonly explanation: LinkExplanation
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  const entry = explanation.links.find((l) => l.linkId === id)
  if (!entry) return <p className="muted">{t('links.preview.noEntry')}</p>
  const { outcome } = entry
  const accept = outcome.accept
  return (
    <div className="explanation" data-testid="preview-result" data-allowed={outcome.allowed}>
      <p
        className={outcome.allowed ? 'verdict verdict-allowed' : 'verdict verdict-denied'}
        data-testid="preview-verdict"
      >
        <strong>
          {explanation.employee.name}（{explanation.employee.key}）:{' '}
          {t(outcome.allowed ? 'links.preview.allowed' : 'links.preview.denied')}
        </strong>
        <span> {outcome.reason[language]}</span>
      </p>
      <dl className="link-facts">
        <dt>{t('links.preview.address')}</dt>
        <dd>{explanation.address ?? t('links.preview.anyAddress')}</dd>
        {accept ? (
          <>
            <dt>{t('links.acceptRule.permission')}</dt>
            <dd data-testid="preview-permission">
              {t(permissionLabels[accept.permission])}
              {accept.network ? ` — ${t('links.preview.byNetwork', { range: accept.network.range })}` : null}
            </dd>
            <dt>{t('links.acceptRule.products')}</dt>
            <dd>
              {accept.products === null
                ? t('links.acceptRule.productsAll')
                : accept.products.map((p) => t(productLabels[p])).join('・') ||
                  t('links.acceptRule.productsNone')}
            </dd>
            <dt>{t('links.acceptRule.view')}</dt>
            <dd>
              {accept.view === null
                ? t('links.acceptRule.viewNone')
                : `${t(accept.view.mode === 'allow' ? 'links.acceptRule.viewAllow' : 'links.acceptRule.viewDeny')}: ${[
                    ...accept.view.departments,
                    ...accept.view.employees,
                  ].join(', ')}`}
            </dd>
            <dt>{t('links.preview.fromWhere')}</dt>
            <dd data-testid="preview-networks">
              {entry.networks.length === 0 ? (
                t('links.preview.noNetworks')
              ) : (
                <ol className="plain-list">
                  {entry.networks.map((n, i) => (
                    <li key={i}>
                      {n.ranges.join(', ')} → {t(permissionLabels[n.permission])}
                    </li>
                  ))}
                </ol>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="trails">
        <RuleTrail
          title={t(
            explanation.direction === 'outgoing'
              ? 'links.preview.trailVisitMine'
              : 'links.preview.trailVisitPartner',
          )}
          steps={outcome.visit.trail}
          testId="trail-visit"
        />
        <RuleTrail
          title={t(
            explanation.direction === 'outgoing'
              ? 'links.preview.trailAcceptPartner'
              : 'links.preview.trailAcceptMine',
          )}
          steps={accept?.trail ?? []}
          testId="trail-accept"
        />
      </div>
      {explanation.direction === 'outgoing' && outcome.allowed ? (
        <VisitTicketPanel key={explanation.employee.key} id={id} employeeKey={explanation.employee.key} />
      ) : null}
    </div>
  )
}
