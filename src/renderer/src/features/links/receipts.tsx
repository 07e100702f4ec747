import type { ReactNode } from 'react'
import { linkDataKinds, type LinkSummary } from '../../../../shared/model/sitelink'
import { useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { kindLabel } from './link-labels'

/** 受信履歴: the last receipt of each kind; no date = never received (seed). */
export function ReceiptList({ link }: { readonly link: LinkSummary }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <dl className="receipts" data-testid="link-receipts">
      {linkDataKinds.map((kind) => {
        const at = link.receipts[kind]
        return (
          <div key={kind} className="receipt">
            <dt>{t(kindLabel[kind])}</dt>
            <dd className={at === null ? 'muted' : 'nowrap'}>
              {at === null ? t('links.receipt.never') : formatDateTimeWithWeekday(at, language)}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

/**
 * The list's compact form: the kinds received with their dates, then one line naming the kinds never
 * received, so a row stays short while still saying what has not arrived.
 */
export function ReceiptSummary({ link }: { readonly link: LinkSummary }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const received = linkDataKinds.filter((kind) => link.receipts[kind] !== null)
  const never = linkDataKinds.filter((kind) => link.receipts[kind] === null)
  return (
    <div className="receipt-summary" data-testid="link-receipts">
      {received.length > 0 ? (
        <dl className="receipts">
          {received.map((kind) => (
            <div key={kind} className="receipt">
              <dt>{t(kindLabel[kind])}</dt>
              <dd className="nowrap">{formatDateTimeWithWeekday(link.receipts[kind]!, language)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {never.length > 0 ? (
        <div className="muted">
          {t(received.length === 0 ? 'links.receipt.none' : 'links.receipt.neverKinds', {
            kinds: never.map((kind) => t(kindLabel[kind])).join('・'),
          })}
        </div>
      ) : null}
    </div>
  )
}
