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
