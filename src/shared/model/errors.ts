import type { Localized } from './localized'

export const errorCodes = [
  'invalid-input',
  'unknown-method',
  'too-many-rows',
  'not-found',
  'keychain-unavailable',
  'import-failed',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** An error every transport carries intact: a code for programs, a message for people in both languages. */
export interface ApiErrorShape {
  readonly code: ErrorCode
  readonly message: Localized
  readonly detail?: unknown
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly localized: Localized,
    readonly detail?: unknown,
  ) {
    super(localized.en)
    this.name = 'ApiError'
  }

  toShape(): ApiErrorShape {
    return { code: this.code, message: this.localized, detail: this.detail }
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.detail)
  }
}

/** What every transport sends back for a call: never a thrown error, so nothing is lost on the way. */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorShape }
