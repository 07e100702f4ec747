import { ApiError } from '../../../shared/model/errors'
import type { Localized } from '../../../shared/model/localized'
import type { JobRunResult } from './job'

/** A thrown ApiError keeps its two languages; anything else shows its own text in both. */
export function errorMessage(error: unknown): Localized {
  if (error instanceof ApiError) return error.localized
  const text = error instanceof Error ? error.message : String(error)
  return { ja: text, en: text }
}

function isLocalized(value: unknown): value is Localized {
  const v = value as Partial<Localized> | null | undefined
  return typeof v?.ja === 'string' && typeof v.en === 'string'
}

/** A job written in plain JS could resolve with anything; the history must still get a valid outcome. */
export function checkedResult(value: unknown): JobRunResult {
  const result = value as Partial<JobRunResult> | null | undefined
  if (result && (result.outcome === 'ok' || result.outcome === 'warning' || result.outcome === 'error')) {
    return {
      outcome: result.outcome,
      message: isLocalized(result.message) ? result.message : { ja: '', en: '' },
    }
  }
  return {
    outcome: 'error',
    message: { ja: 'ジョブが結果を返さずに終了しました', en: 'The job finished without a result' },
  }
}
