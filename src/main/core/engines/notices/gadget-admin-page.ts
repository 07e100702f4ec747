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
  rooms: { ja: '会議室の自動生成', en: 'Room provisioning' },
}
const labels = {
  ja: { success: '最終成功', failure: '最終失敗', errors: '24時間のエラー', next: '次回', updated: '更新' },
  en: {
    success: 'Last success',
    failure: 'Last failure',
    errors: 'Errors (24 h)',
    next: 'Next run',
    updated: 'Updated',
  },
} as const

const worse = (a: HealthState, b: HealthState): HealthState =>
  healthSeverity[a] <= healthSeverity[b] ? a : b

/** One engine, link or user: name with its state first, then the times on lines that wrap in a narrow column. */
function item(
  subject: HealthSubject,
  state: HealthState,
  name: string,
  language: NoticeLanguage,
  engine: boolean,
): string {
  const words = labels[language]
  const time = (at: number | null): string => (at === null ? '—' : escapeHtml(formatTime(at, language)))
  const errors = subject.errors24h > 0 ? `<b class="errors">${subject.errors24h}</b>` : '0'
  const failure = subject.lastFailure
    ? `<div class="meta">${escapeHtml(subject.lastFailure[language])}</div>`
    : ''
  return `<li class="${engine ? 'engine' : 'part'}" data-state="${state}">
<p class="subject"><span class="state ${state}">${stateNames[state][language]}</span> ${escapeHtml(name)}</p>
<div class="meta">${words.success} ${time(subject.lastSuccessAt)} · ${words.failure} ${time(subject.lastFailureAt)}</div>
<div class="meta">${words.errors} ${errors} · ${words.next} ${time(subject.nextRunAt)}</div>${failure}</li>`
}

/**
 * Every engine and each of its links or users. An engine's line takes the worst state among itself and its
 * parts, so a failing link never sits under a green engine.
 */
export function healthTable(overview: HealthOverview, language: NoticeLanguage): string {
  const items = overview.engines.flatMap(({ engine, subjects }) => {
    const state = subjects.reduce((s, part) => worse(s, part.state), engine.state)
    return [
      item(engine, state, engineNames[engine.engine][language], language, true),
      ...subjects.map((part) => item(part, part.state, part.name ?? part.id, language, false)),
    ]
  })
  return `<ul data-testid="gadget-health">${items.join('\n')}</ul>
<p class="meta updated">${labels[language].updated} ${escapeHtml(formatTime(overview.computedAt, language))}</p>`
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
