import { create } from 'zustand'
import type { Language, Localized } from '../../../shared/model/localized'
import type { Settings } from '../../../shared/model/settings'
import { defaultSettings } from '../../../shared/model/settings'
import type { MethodInput } from '../../../shared/api'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'

/** Remembered per browser so the first paint after a reload is already in the chosen language. */
const languageHintKey = 'renkei.language'

function languageHint(): Language {
  try {
    return localStorage.getItem(languageHintKey) === 'en' ? 'en' : defaultSettings.language
  } catch {
    return defaultSettings.language
  }
}

function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(languageHintKey, language)
  } catch {
    // Storage may be disabled; the core's setting still wins after load.
  }
}

interface SettingsState {
  /** A copy of the core's settings; null until the first load. */
  readonly settings: Settings | null
  /** What the UI renders in: the core's setting once known, the last one used before that. */
  readonly language: Language
  readonly saving: boolean
  readonly error: Localized | null
  load(): Promise<void>
  /** Returns whether the core accepted the patch. */
  update(patch: MethodInput<'settings.update'>): Promise<boolean>
  receive(settings: Settings): void
  clearError(): void
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  language: languageHint(),
  saving: false,
  error: null,
  async load() {
    try {
      get().receive(await api['settings.get']({}))
    } catch (error) {
      set({ error: toLocalized(error) })
    }
  },
  async update(patch) {
    set({ saving: true, error: null })
    try {
      get().receive(await api['settings.update'](patch))
      return true
    } catch (error) {
      set({ error: toLocalized(error) })
      return false
    } finally {
      set({ saving: false })
    }
  },
  receive(settings) {
    rememberLanguage(settings.language)
    set({ settings, language: settings.language })
  },
  clearError() {
    set({ error: null })
  },
}))
