import type { Localized } from '../../../shared/model/localized'
import { ApiError } from '../../../shared/model/errors'
import { localized } from '../i18n'

/** Any thrown value as text in both languages, so a stored error follows a later language switch. */
export function toLocalized(error: unknown): Localized {
  if (error instanceof ApiError) return error.localized
  const message = error instanceof Error ? error.message : String(error)
  return localized('error.unexpected', { message })
}

export function isApiError(error: unknown, code: ApiError['code']): error is ApiError {
  return error instanceof ApiError && error.code === code
}
