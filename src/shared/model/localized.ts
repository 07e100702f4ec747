export const languages = ['ja', 'en'] as const
export type Language = (typeof languages)[number]

/** Text shown to an administrator, always in both UI languages. */
export interface Localized {
  readonly ja: string
  readonly en: string
}
