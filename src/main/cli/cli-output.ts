import { ApiError } from '../../shared/model/errors'

/** Thrown for a bad command line; printed like any other error. */
export class UsageError extends Error {}

/** Plain language on stderr, Japanese then English, and the exit code that tells scripts it failed. */
export function reportError(error: unknown): number {
  if (error instanceof ApiError) {
    process.stderr.write(`renkei: ${error.localized.ja}\nrenkei: ${error.localized.en}\n`)
  } else if (error instanceof UsageError) {
    process.stderr.write(`renkei: ${error.message}\n`)
    return 2
  } else {
    process.stderr.write(`renkei: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  return 1
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
