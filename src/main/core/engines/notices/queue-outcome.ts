import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { serverAnswerForRecord } from '../../connectors/redaction'
import type { RetryAfterHint } from './notice-ports'

/** What one failed send means for its message(s). */
export interface SendFailure {
  /** transient: tried again later; permanent: set aside at once (wrong address, refused credentials). */
  readonly retry: boolean
  readonly error: Localized
  readonly detail: string | null
  readonly retryAfterMs: number | null
}

function retryAfterOf(error: unknown): number | null {
  const hint = (error as RetryAfterHint).retryAfterMs
  return typeof hint === 'number' && Number.isFinite(hint) ? hint : null
}

/**
 * A connector's verdict decides: transient and quota (the server asked to slow down) are retried; auth,
 * permanent and conflict wait for the admin. A template the renderer refuses is permanent too. Anything
 * else is unexpected (a bug or a library's own error): retried, so a passing fault loses nothing.
 */
export function classifyFailure(error: unknown): SendFailure {
  if (error instanceof ConnectorError) {
    return {
      retry: error.kind === 'transient' || error.kind === 'quota',
      error: error.localized,
      detail: error.serverAnswer,
      retryAfterMs: retryAfterOf(error),
    }
  }
  if (error instanceof ApiError) {
    return { retry: false, error: error.localized, detail: null, retryAfterMs: null }
  }
  const text = serverAnswerForRecord(error instanceof Error ? error.message : String(error))
  return {
    retry: true,
    error: {
      ja: `お知らせの送信中に予期しないエラーが起きました: ${text}`,
      en: `An unexpected error occurred while sending the notice: ${text}`,
    },
    detail: text,
    retryAfterMs: null,
  }
}
