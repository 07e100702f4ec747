import type { Language } from './localized'
import type { LinkRequestTicket, SiteProfile } from './sitelink'

/**
 * The e-mail draft of a リンク要求 (seed: the mail screen opens with the link URL in its body), built by the
 * UI from the ticket it was just given: the URL exists in that answer only, so it is never stored here.
 */
export interface LinkRequestMail {
  readonly subject: string
  readonly body: string
  /** `mailto:?subject=…&body=…` (no recipient: the admin picks the partner's admin). */
  readonly mailto: string
}

function formatTime(at: number, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(at))
}

export function linkRequestMail(
  ticket: LinkRequestTicket,
  site: Pick<SiteProfile, 'companyName' | 'siteName'>,
  language: Language,
): LinkRequestMail {
  const name = site.siteName ?? site.companyName
  const expires = formatTime(ticket.expiresAt, language)
  const subject =
    language === 'ja'
      ? `【Renkei】${name} からのサイト連携（リンク）の要求`
      : `[Renkei] Site link request from ${name}`
  const body =
    language === 'ja'
      ? [
          'ご担当者様',
          '',
          `${site.companyName}${site.siteName ? `（${site.siteName}）` : ''}の ${ticket.requester} です。`,
          'Renkei のサイト連携（リンク）をお願いしたく、リンクURLをお送りします。',
          'Renkei の「サイト連携」で「リンク受諾」を選び、次のリンクURLを入力して「読み込み」、内容を確かめてから「受諾」してください。',
          '',
          ticket.url,
          '',
          `このURLは ${expires} まで（要求から24時間）有効です。`,
          '心当たりのない要求でしたら、受諾せずにこのメールを破棄してください。',
        ].join('\n')
      : [
          'Hello,',
          '',
          `This is ${ticket.requester} at ${site.companyName}${site.siteName ? ` (${site.siteName})` : ''}.`,
          'We would like to link our Renkei sites. In Renkei, open Site link, choose "Accept a link", enter the',
          'link URL below, click "Load", check the details and then click "Accept".',
          '',
          ticket.url,
          '',
          `The URL works until ${expires} (24 hours after the request).`,
          'If you do not expect this request, do not accept it and delete this e-mail.',
        ].join('\n')
  const mailto = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
  return { subject, body, mailto }
}
