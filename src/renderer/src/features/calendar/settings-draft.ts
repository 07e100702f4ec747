/**
 * The shared settings form's strings ↔ `CalendarSettings` (the core takes the whole object at once).
 * Pure, so tests import it.
 */
import type { CalendarSettings } from '../../../../shared/model/calendar-config'
import type { DraftErrors, FieldError } from './pair-draft'

/** The numeric settings, with the bounds the core's schema enforces. */
export const numberFields = {
  intervalMinutes: { min: 1, max: 1440 },
  jitterSeconds: { min: 0, max: 600 },
  concurrency: { min: 1, max: 32 },
  windowPastMonths: { min: 0, max: 24 },
  windowFutureDays: { min: 1, max: 3650 },
  autoStopErrors: { min: 1, max: 100_000 },
  autoStopHours: { min: 1, max: 168 },
} as const
export type NumberField = keyof typeof numberFields

export type SettingsDraft = Readonly<Record<NumberField, string>> & {
  readonly clientId: string
  readonly authorizationEndpoint: string
  readonly tokenEndpoint: string
  readonly scope: string
}

export type SettingsResult = { readonly settings: CalendarSettings } | { readonly errors: DraftErrors }

const httpUrl = /^https?:\/\/[^\s/]+(\/\S*)?$/i
const numberNames = Object.keys(numberFields) as NumberField[]

export function settingsToDraft(settings: CalendarSettings): SettingsDraft {
  const numbers = Object.fromEntries(numberNames.map((name) => [name, String(settings[name])]))
  return {
    ...(numbers as Record<NumberField, string>),
    clientId: settings.oauth.clientId,
    authorizationEndpoint: settings.oauth.authorizationEndpoint,
    tokenEndpoint: settings.oauth.tokenEndpoint,
    scope: settings.oauth.scope,
  }
}

export function draftToSettings(draft: SettingsDraft): SettingsResult {
  const errors = new Map<string, FieldError>()
  const numbers: Partial<Record<NumberField, number>> = {}
  for (const name of numberNames) {
    const { min, max } = numberFields[name]
    const text = draft[name].trim()
    const n = Number(text)
    if (!/^\d+$/.test(text) || n < min || n > max) {
      errors.set(name, { key: 'calendar.error.integer', params: { min, max } })
    }
    numbers[name] = n
  }
  for (const name of ['authorizationEndpoint', 'tokenEndpoint'] as const) {
    if (!httpUrl.test(draft[name].trim())) errors.set(`oauth.${name}`, { key: 'calendar.error.url' })
  }
  if (draft.clientId.trim().length > 500) {
    errors.set('oauth.clientId', { key: 'calendar.error.tooLong', params: { max: 500 } })
  }
  if (draft.scope.trim() === '') errors.set('oauth.scope', { key: 'calendar.error.required' })
  if (errors.size > 0) return { errors }
  return {
    settings: {
      ...(numbers as Record<NumberField, number>),
      oauth: {
        clientId: draft.clientId.trim(),
        authorizationEndpoint: draft.authorizationEndpoint.trim(),
        tokenEndpoint: draft.tokenEndpoint.trim(),
        scope: draft.scope.trim(),
      },
    },
  }
}
