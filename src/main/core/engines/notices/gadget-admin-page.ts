import {
  healthSeverity,
  type HealthEngineId,
  type HealthOverview,
  type HealthState,
  type HealthSubject,
} from '../../../../shared/model/health'
import type { NoticeLanguage } from '../../../../shared/model/notices'
import { escapeHtml, formatTime, page } from './gadget-html'

/** The same words as the app's health screen (renderer i18n), which main cannot import. */
const stateNames: Readonly<Record<HealthState, Readonly<Record<NoticeLanguage, string>>>> = {
  failing: { ja: '失敗', en: 'Failing' },
  stopped: { ja: '停止中', en: 'Stopped' },
  warning: { ja: 'エラー発生中', en: 'Errors' },
  'never-run': { ja: '実行待ち', en: 'Waiting for a run' },
  ok: { ja: '正常', en: 'OK' },
  disabled: { ja: '無効', en: 'Off' },
}
const engineNames: Readonly<Record<HealthEngineId, Readonly<Record<NoticeLanguage, string>>>> = {
  directory: { ja: 'ディレクトリ同期', en: 'Directory sync' },
  calendar: { ja: 'カレンダー同期', en: 'Calendar sync' },
  'site-link': { ja: 'サイト間リンク', en: 'Site link' },
  'notice-relay': { ja: 'お知らせ中継', en: 'Notice relay' },
}
const headings = {
  ja: ['対象', '状態', '最終成功', '最終失敗', '24時間のエラー', '次回'],
  en: ['What', 'State', 'Last success', 'Last failure', 'Errors (24 h)', 'Next run'],
} as const

const worse = (a: HealthState, b: HealthState): HealthState =>
  healthSeverity[a] <= healthSeverity[b] ? a : b

function row(
  subject: HealthSubject,
  state: HealthState,
  name: string,
  language: NoticeLanguage,
  engine: boolean,
): string {
  const time = (at: number | null): string => (at === null ? '—' : escapeHtml(formatTime(at, language)))
  const failure = subject.lastFailure
    ? `<div class="meta">${escapeHtml(subject.lastFailure[language])}</div>`
    : ''
  const cell = engine ? 'th' : 'td'
  return `<tr${engine ? ' class="engine"' : ''} data-state="${state}"><${cell}>${escapeHtml(name)}</${cell}>
<td><span class="state ${state}">${stateNames[state][language]}</span></td>
<td>${time(subject.lastSuccessAt)}</td><td>${time(subject.lastFailureAt)}${failure}</td>
<td${subject.errors24h > 0 ? ' class="errors"' : ''}>${subject.errors24h}</td><td>${time(subject.nextRunAt)}</td></tr>`
}

/**
 * Every engine and each of its links or users. An engine's row takes the worst state among itself and its
 * parts, so a failing link never sits under a green engine.
 */
export function healthTable(overview: HealthOverview, language: NoticeLanguage): string {
  const rows = overview.engines.flatMap(({ engine, subjects }) => {
    const state = subjects.reduce((s, part) => worse(s, part.state), engine.state)
    return [
      row(engine, state, engineNames[engine.engine][language], language, true),
      ...subjects.map((part) => row(part, part.state, part.name ?? part.id, language, false)),
    ]
  })
  const head = headings[language].map((h) => `<th scope="col">${h}</th>`).join('')
  return `<table data-testid="gadget-health"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>
<p class="meta">${language === 'ja' ? '更新' : 'Updated'} ${escapeHtml(formatTime(overview.computedAt, language))}</p>`
}

export function adminPage(
  overview: HealthOverview,
  language: NoticeLanguage,
  siteName: string,
  token: string,
): string {
  const en = language === 'en'
  const title = en ? 'Renkei health' : 'Renkei の稼働状況'
  return page({
    language,
    title: `${title} — ${siteName}`,
    script: '../gadget.js',
    data: { stream: `${token}/events${en ? '?lang=en' : ''}` },
    body: `<header><h1>${title} <span class="meta">${escapeHtml(siteName)}</span></h1>
<nav><a href="${escapeHtml(token)}${en ? '' : '?lang=en'}">${en ? '日本語' : 'English'}</a></nav></header>
<div id="health">${healthTable(overview, language)}</div>`,
  })
}
