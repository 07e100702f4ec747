import type { Language } from './localized'

export interface Settings {
  readonly language: Language
  /** Calendar months of history kept; the seed prunes after one year (12). */
  readonly historyRetentionMonths: number
  /** Only meaningful in the Electron app; the daemon ignores it. */
  readonly startAtLogin: boolean
}

export const defaultSettings: Settings = {
  language: 'ja',
  historyRetentionMonths: 12,
  startAtLogin: false,
}
