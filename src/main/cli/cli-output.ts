import { ApiError } from '../../shared/model/errors'
import type { Localized } from '../../shared/model/localized'

/** Thrown for a bad command line; printed like any other error (in both languages when given both). */
export class UsageError extends Error {
  constructor(readonly text: string | Localized) {
    super(typeof text === 'string' ? text : text.en)
  }
}

/**
 * Plain language on stderr, Japanese then English, and the exit code that tells scripts it failed:
 * 2 for a bad command line or an input the core refuses, 1 for anything else.
 */
export function reportError(error: unknown): number {
  if (error instanceof ApiError) {
    process.stderr.write(`renkei: ${error.localized.ja}\nrenkei: ${error.localized.en}\n`)
    return error.code === 'invalid-input' ? 2 : 1
  } else if (error instanceof UsageError) {
    const { text } = error
    process.stderr.write(
      typeof text === 'string' ? `renkei: ${text}\n` : `renkei: ${text.ja}\nrenkei: ${text.en}\n`,
    )
    return 2
  } else {
    process.stderr.write(`renkei: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  return 1
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
