import type { Language, Localized } from '../../../shared/model/localized'
import { useSettingsStore } from '../stores/settings-store'
import { en } from './en'
import type { Dictionary, MessageKey } from './ja'
import { ja } from './ja'

export type { MessageKey } from './ja'
export type Params = Readonly<Record<string, string | number>>
export type Translate = (key: MessageKey, params?: Params) => string

const dictionaries: Readonly<Record<Language, Dictionary>> = { ja, en }

function fill(text: string, params: Params | undefined): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/** Translates outside React (stores, transports). */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  return fill(dictionaries[language][key], params)
}

/** Both languages at once, for errors and notices kept in stores so a language switch re-renders them. */
export function localized(key: MessageKey, params?: Params): Localized {
  return { ja: translate('ja', key, params), en: translate('en', key, params) }
}

/** Numbers as an admin expects them: 12,000 in both languages. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

export function useLanguage(): Language {
  return useSettingsStore((s) => s.language)
}

/** The current language's translate function; re-renders when the language changes. */
export function useT(): Translate {
  const language = useLanguage()
  return (key, params) => translate(language, key, params)
}
