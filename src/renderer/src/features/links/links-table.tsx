import type { ReactNode } from 'react'
import type { LinkSummary } from '../../../../shared/model/sitelink'
import { EmptyState } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { routeHash } from '../../lib/routes'
import { useLinksStore } from '../../stores/links-store'
import { siteDisplayName, stateKey } from './link-labels'
import { PauseButton } from './pause-button'
import { ReceiptSummary } from './receipts'
import { SendControls } from './send-controls'
import { LastSend, PlannedSend } from './send-status'

function LinkRow({ link }: { readonly link: LinkSummary }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const name = siteDisplayName(link.partner)
  return (
    <tr data-testid="partner-row" data-link={link.id} data-state={link.state}>
      <td>
        <a href={routeHash({ screen: 'links', view: { kind: 'detail', id: link.id } })} className="link-name">
          {name}
        </a>
        {link.partner.siteName ? <div className="muted">{link.partner.companyName}</div> : null}
      </td>
      <td className="nowrap" data-testid="partner-state">
        <span className={`link-state link-state-${link.paused ? 'paused' : link.state}`}>
          {t(stateKey(link))}
        </span>
      </td>
      <td>
        <LastSend link={link} />
      </td>
      <td>
        <PlannedSend link={link} />
      </td>
      <td>
        <ReceiptSummary link={link} />
      </td>
      <td className="link-error">{link.lastError ? link.lastError[language] : ''}</td>
      <td className="actions">
        <SendControls link={link} />
        <PauseButton link={link} small />
      </td>
    </tr>
  )
}

/** リンクサイト: one row per partner with its state and 送信状況 (seed リンク一覧 + リンク状況). */
export function LinksTable(): ReactNode {
  const t = useT()
  const list = useLinksStore((s) => s.list)
  if (!list) return null
  return (
    <Section title={t('links.partners')} testId="links-partners">
      {list.links.length === 0 ? (
        <EmptyState title={t('links.empty')} testId="links-empty">
          <p>{t('links.empty.hint')}</p>
        </EmptyState>
      ) : (
        <table className="grid links-table">
          <thead>
            <tr>
              <th scope="col">{t('links.col.site')}</th>
              <th scope="col">{t('links.col.state')}</th>
              <th scope="col">{t('links.col.lastSend')}</th>
              <th scope="col">{t('links.col.planned')}</th>
              <th scope="col">{t('links.col.receipts')}</th>
              <th scope="col">{t('links.col.error')}</th>
              <th scope="col">{t('links.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.links.map((link) => (
              <LinkRow key={link.id} link={link} />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}
