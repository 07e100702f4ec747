import type { GadgetNotice, NoticeLanguage } from '../../../../shared/model/notices'
import { escapeHtml, formatTime, page } from './gadget-html'
import { gadgetNoticeLimit } from './gadget-inbox'

const unreadMark = { ja: '未読', en: 'Unread' } as const

/** One notice as a list item; the live stream sends the same markup, so both paths escape alike. */
export function noticeItem(notice: GadgetNotice, language: NoticeLanguage): string {
  const mark = notice.read
    ? ''
    : `<span class="dot" title="${unreadMark[language]}" aria-label="${unreadMark[language]}">●</span>`
  return `<li${notice.read ? '' : ' class="unread"'} data-id="${notice.id}" data-testid="gadget-notice">
<p class="subject">${mark}${escapeHtml(notice.subject)}</p>
<div class="meta">${escapeHtml(formatTime(notice.at, language))}</div>
<p class="text">${escapeHtml(notice.text)}</p></li>`
}

export function unreadText(unread: number, language: NoticeLanguage): string {
  if (language === 'en') return unread === 0 ? 'No unread notices' : `${unread} unread`
  return unread === 0 ? '未読はありません' : `未読 ${unread} 件`
}

export interface EmployeePageInput {
  readonly language: NoticeLanguage
  readonly siteName: string
  readonly employeeName: string
  readonly token: string
  readonly notices: readonly GadgetNotice[]
  readonly unread: number
}

/** The employee gadget: header with the unread count and "mark read", the newest notices, live updates. */
export function employeePage(input: EmployeePageInput): string {
  const { language, token } = input
  const en = language === 'en'
  const query = en ? '?lang=en' : ''
  const items = input.notices.map((notice) => noticeItem(notice, language)).join('\n')
  const empty = `<p class="empty" id="empty"${input.notices.length > 0 ? ' hidden' : ''}>${en ? 'No notices yet.' : 'お知らせはまだありません。'}</p>`
  const body = `<header>
<h1>${en ? 'Notices' : 'お知らせ'} <span class="meta">${escapeHtml(input.employeeName)}</span></h1>
<span class="count${input.unread === 0 ? ' none' : ''}" id="unread" data-testid="gadget-unread">${escapeHtml(unreadText(input.unread, language))}</span>
<button type="button" id="mark-read">${en ? 'Mark read' : '既読にする'}</button>
<nav><a href="${escapeHtml(token)}${en ? '' : '?lang=en'}">${en ? '日本語' : 'English'}</a></nav>
</header>
<ul id="notices" aria-live="polite">${items}</ul>${empty}`
  return page({
    language,
    title: `${en ? 'Notices' : 'お知らせ'} — ${input.siteName}`,
    script: '../gadget.js',
    data: {
      stream: `${token}/events${query}`,
      read: `${token}/read${query}`,
      limit: String(gadgetNoticeLimit),
    },
    body,
  })
}
