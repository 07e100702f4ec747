import type { ReactNode } from 'react'
import { useEffect } from 'react'
import type { LinkDetail } from '../../../../shared/model/sitelink'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { routeHash } from '../../lib/routes'
import { useLinksStore } from '../../stores/links-store'
import { LinkActions, PeakQuestionBox } from './link-actions'
import { siteDisplayName, stateKey, transitionLabel } from './link-labels'
import { FeedsSection } from './feeds-section'
import { PartnerDirectory } from './partner-directory'
import { ReceiptList } from './receipts'
import { SendControls } from './send-controls'
import { LastSend, PlannedSend } from './send-status'

/** サイト情報 and リンク情報: every transition with its time, actor and that site's name then (seed). */
function SiteInfo({ detail }: { readonly detail: LinkDetail }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { summary } = detail
  return (
    <dl className="link-facts" data-testid="detail-info">
      <dt>{t('links.site.company')}</dt>
      <dd>{summary.partner.companyName}</dd>
      <dt>{t('links.site.siteName')}</dt>
      <dd>{summary.partner.siteName ?? t('links.site.noSiteName')}</dd>
      <dt>{t('links.site.linkUrl')}</dt>
      <dd className="link-url">{summary.partner.linkUrl}</dd>
      <dt>{t('links.col.state')}</dt>
      <dd data-testid="detail-state">{t(stateKey(summary))}</dd>
      <dt>{t('links.detail.role')}</dt>
      <dd>
        {t(summary.role === 'requester' ? 'links.detail.role.requester' : 'links.detail.role.acceptor')}
      </dd>
      <dt>{t('links.detail.keyId')}</dt>
      <dd className="link-url">{detail.partnerKeyId}</dd>
      <dt>{t('links.detail.transitions')}</dt>
      <dd>
        <ul className="transitions" data-testid="detail-transitions">
          {detail.transitions.map((tr, i) => (
            <li key={i}>
              {t(transitionLabel[tr.kind])}: {formatDateTimeWithWeekday(tr.at, language)} {tr.actor} (
              {tr.siteName})
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  )
}

function SendInfo({ detail }: { readonly detail: LinkDetail }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { summary } = detail
  return (
    <>
      <dl className="link-facts">
        <dt>{t('links.col.lastSend')}</dt>
        <dd>
          <LastSend link={summary} />
        </dd>
        <dt>{t('links.col.planned')}</dt>
        <dd>
          <PlannedSend link={summary} />
        </dd>
        <dt>{t('links.col.error')}</dt>
        {summary.lastError ? (
          <dd className="link-error">{summary.lastError[language]}</dd>
        ) : (
          <dd className="muted">{t('links.detail.noError')}</dd>
        )}
      </dl>
      <div className="form-actions">
        <SendControls link={summary} />
      </div>
    </>
  )
}

/** One partner site (`#/links/<id>`); a linked one also shows what it sent: its people and schedule feeds. */
export function LinkDetailView({ id }: { readonly id: string }): ReactNode {
  const t = useT()
  const detail = useLinksStore((s) => (s.detail?.summary.id === id ? s.detail : null))
  const error = useLinksStore((s) => s.detailError)
  useEffect(() => {
    void useLinksStore.getState().loadDetail(id)
  }, [id])
  const back = (
    <a
      className="button"
      href={routeHash({ screen: 'links', view: { kind: 'list' } })}
      data-testid="detail-back"
    >
      {t('links.detail.back')}
    </a>
  )
  if (!detail)
    return (
      <>
        <ErrorBanner message={error} />
        {back}
      </>
    )
  return (
    <div data-testid="link-detail" data-link={id}>
      <Section title={siteDisplayName(detail.summary.partner)} testId="detail-site">
        <LinkActions detail={detail} />
        <PeakQuestionBox id={id} />
        <SiteInfo detail={detail} />
      </Section>
      <Section title={t('links.detail.sendStatus')} testId="detail-send">
        <SendInfo detail={detail} />
      </Section>
      <Section title={t('links.detail.receipts')} testId="detail-receipts">
        <ReceiptList link={detail.summary} />
        <p className="note">{t('links.receipt.note')}</p>
      </Section>
      {detail.summary.state === 'linked' ? (
        <>
          <PartnerDirectory id={id} />
          <FeedsSection id={id} />
        </>
      ) : null}
      <div className="form-actions">{back}</div>
    </div>
  )
}
