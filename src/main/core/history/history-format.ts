import type { Direction, HistoryEntry, Level } from '../../../shared/model/history'
import { categoryLabel, localSiteLabel } from '../../../shared/model/history-labels'
import type { Language } from '../../../shared/model/localized'

const directionLabels: Record<Language, Record<Direction, string>> = {
  ja: { send: '送信', receive: '受信', local: 'ローカル' },
  en: { send: 'Send', receive: 'Receive', local: 'Local' },
}
const levelLabels: Record<Language, Record<Level, string>> = {
  ja: { info: '情報', warning: '警告', error: 'エラー' },
  en: { info: 'Info', warning: 'Warning', error: 'Error' },
}
export const csvHeaders: Record<Language, readonly string[]> = {
  ja: ['日時', 'サイト', '連携方向', '区分', 'レベル', '内容', '詳細'],
  en: ['Time', 'Site', 'Direction', 'Category', 'Level', 'Message', 'Detail'],
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** Local time as Japanese admin screens print it: 2026/11/23 09:05:00. */
export function formatLocalTime(ts: number): string {
  const d = new Date(ts)
  return (
    `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  )
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), with the
 * full-width forms a Japanese IME produces, which Japanese Excel treats the same way.
 */
const formulaStart = /^[=+\-@\t\r＝＋－＠]/

/** OWASP's neutralisation: a leading apostrophe makes the cell text. Only the CSV gets this; archives stay exact. */
export function neutraliseCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text
}

export function csvRow(entry: HistoryEntry, language: Language): string[] {
  return [
    formatLocalTime(entry.ts),
    entry.site || localSiteLabel[language],
    directionLabels[language][entry.direction],
    categoryLabel(entry.category, language),
    levelLabels[language][entry.level],
    language === 'en' && entry.messageEn ? entry.messageEn : entry.message,
    entry.detail === null || entry.detail === undefined ? '' : JSON.stringify(entry.detail),
  ].map(neutraliseCell)
}

/** The archive line: everything needed to restore the entry elsewhere, without the local row id. */
export function jsonlLine(entry: HistoryEntry): string {
  const { id: _id, ...portable } = entry
  return JSON.stringify(portable)
}
