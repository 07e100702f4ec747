import type { Language } from './localized'

/** The categories Renkei itself writes, in the order a pick list offers them. */
export const labelledCategories = [
  'calendar',
  'directory',
  'sitelink',
  'notices',
  'rooms',
  'alerts',
  'audit',
  'maintenance',
  'scheduler',
] as const
export type LabelledCategory = (typeof labelledCategories)[number]

/**
 * The words an admin reads for those categories (the seed's 区分 column shows words, not codes); the
 * screen's dictionaries carry the same words. Categories from elsewhere (an imported archive, a
 * partner's log) have no label and are shown as written.
 */
export const categoryLabels: Readonly<Record<LabelledCategory, Readonly<Record<Language, string>>>> = {
  calendar: { ja: 'カレンダー同期', en: 'Calendar sync' },
  directory: { ja: 'ディレクトリ同期', en: 'Directory sync' },
  sitelink: { ja: 'サイト間連携', en: 'Site link' },
  notices: { ja: 'お知らせ中継', en: 'Notice relay' },
  rooms: { ja: '会議室の自動生成', en: 'Room provisioning' },
  alerts: { ja: '管理者への通知', en: 'Admin alerts' },
  audit: { ja: '管理操作', en: 'Admin action' },
  maintenance: { ja: 'メンテナンス', en: 'Maintenance' },
  scheduler: { ja: 'スケジューラー', en: 'Scheduler' },
}

export function isLabelledCategory(category: string): category is LabelledCategory {
  return (labelledCategories as readonly string[]).includes(category)
}

export function categoryLabel(category: string, language: Language): string {
  return isLabelledCategory(category) ? categoryLabels[category][language] : category
}

/**
 * Entries about this machine only carry no site; a CSV names it (in the screen's words) instead of
 * leaving a blank cell that reads like missing data.
 */
export const localSiteLabel: Readonly<Record<Language, string>> = {
  ja: 'このマシン',
  en: 'This machine',
}
