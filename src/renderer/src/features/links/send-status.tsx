import type { ReactNode } from 'react'
import type { LinkSummary } from '../../../../shared/model/sitelink'
import { useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { kindLabel } from './link-labels'

/** 最終送信日時: 「送信中」 while a send is on the way (seed 送信状況欄). */
export function LastSend({ link }: { readonly link: LinkSummary }): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (link.sending) return <span className="state-running">{t('links.send.sending')}</span>
  if (link.lastSendAt === null) return <span className="muted">{t('links.send.never')}</span>
  return <span className="nowrap">{formatDateTimeWithWeekday(link.lastSendAt, language)}</span>
}

/**
 * 送信予定: when and what. The outbox's 「今すぐ送信」 and 「クリア」 (link.sendNow / link.clear) belong
 * here once that API is on this branch.
 */
export function PlannedSend({ link }: { readonly link: LinkSummary }): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (link.plannedSendAt === null) return <span className="muted">{t('links.send.none')}</span>
  return (
    <>
      <div className="nowrap">{formatDateTimeWithWeekday(link.plannedSendAt, language)}</div>
      <div className="muted">{link.plannedKinds.map((k) => t(kindLabel[k])).join('・')}</div>
    </>
  )
}
