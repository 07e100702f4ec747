import type { Language } from './localized'

export interface Settings {
  readonly language: Language
  /** The seed prunes after one year; an admin may keep history longer, never shorter than 30 days. */
  readonly historyRetentionDays: number
  /** Only meaningful in the Electron app; the daemon ignores it. */
  readonly startAtLogin: boolean
}

export const defaultSettings: Settings = {
  language: 'ja',
  historyRetentionDays: 365,
  startAtLogin: false,
}
