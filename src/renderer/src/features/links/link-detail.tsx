import type { ReactNode } from 'react'
import { useEffect } from 'react'
import type { LinkDetail } from '../../../../shared/model/sitelink'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { routeHash, type LinkTab } from '../../lib/routes'
import { useLinksStore } from '../../stores/links-store'
import { AcceptRulesSection } from './accept-rules-section'
import { LinkActions, PeakQuestionBox } from './link-actions'
import { siteDisplayName, stateKey, transitionLabel } from './link-labels'
import { FeedsSection } from './feeds-section'
import { PartnerDirectory } from './partner-directory'
import { ReceiptList } from './receipts'
import { SendControls } from './send-controls'
import { LinkTabs, tabPanelId } from './link-tabs'
import { RulePreviewSection } from './rule-preview-section'
import { LastSend, PlannedSend } from './send-status'
import { useLinkRules } from './use-link-rules'
import { VisitLogSection } from './visit-log-section'
import { VisitRulesSection } from './visit-rules-section'
import './rules.css'

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

/** 訪問設定 and 受入設定 share one read of the link's rules (and its refresh on `link.changed`). */
function RulesTab({ id, tab }: { readonly id: string; readonly tab: 'visit' | 'accept' }): ReactNode {
  const state = useLinkRules(id)
  return tab === 'visit' ? (
    <VisitRulesSection id={id} state={state} />
  ) : (
    <AcceptRulesSection id={id} state={state} />
  )
}

function TabPanel({ id, tab }: { readonly id: string; readonly tab: LinkTab }): ReactNode {
  switch (tab) {
    case 'visit':
    case 'accept':
      return <RulesTab id={id} tab={tab} />
    case 'preview':
      return <RulePreviewSection id={id} />
    case 'visits':
      return <VisitLogSection id={id} />
  }
}

/**
 * One partner site (`#/links/<id>`, its tabs `/visit`, `/accept`, `/preview`, `/visits`); a linked one's
 * overview also shows what it sent: its people and schedule feeds.
 */
export function LinkDetailView({ id, tab }: { readonly id: string; readonly tab?: LinkTab }): ReactNode {
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
  if (tab) {
    return (
      <div data-testid="link-detail" data-link={id}>
        <h2 className="link-detail-name">{siteDisplayName(detail.summary.partner)}</h2>
        <LinkTabs id={id} current={tab} />
        <div role="tabpanel" id={tabPanelId} aria-labelledby={`link-tab-${tab}`}>
          <TabPanel id={id} tab={tab} />
        </div>
        <div className="form-actions">{back}</div>
      </div>
    )
  }
  return (
    <div data-testid="link-detail" data-link={id}>
      <h2 className="link-detail-name">{siteDisplayName(detail.summary.partner)}</h2>
      <LinkTabs id={id} current="overview" />
      <div role="tabpanel" id={tabPanelId} aria-labelledby="link-tab-overview">
        <Section title={t('links.detail.siteInfo')} testId="detail-site">
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
      </div>
      <div className="form-actions">{back}</div>
    </div>
  )
}
