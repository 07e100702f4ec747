import type { Localized } from '../../../shared/model/localized'
import { redactCredentials, serverAnswerForRecord } from './redaction'

/**
 * transient: try again later (network, 5xx, timeouts); quota: the server asked us to slow down (or is
 * full); auth: credentials refused; permanent: the request itself is wrong (fix settings or data);
 * conflict: the object changed (or appeared) on the server since we read it (HTTP 412): re-read, re-plan.
 */
export type ConnectorErrorKind = 'transient' | 'quota' | 'auth' | 'permanent' | 'conflict'

/** Every protocol failure, in plain language for the admin, with the server's own answer for support. */
export class ConnectorError extends Error {
  /** The messages may quote the server: credentials it wrote there are cut. */
  readonly localized: Localized
  /** The server's answer or the low-level error text: credentials cut, at most 500 bytes. */
  readonly serverAnswer: string | null

  constructor(
    readonly kind: ConnectorErrorKind,
    localized: Localized,
    serverAnswer: string | null = null,
    /** The HTTP status, when the failure was an HTTP answer. */
    readonly httpStatus: number | null = null,
    /** How long the server asked us to wait before trying again (HTTP 429/503 Retry-After), if it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    const message = { ja: redactCredentials(localized.ja), en: redactCredentials(localized.en) }
    super(message.en)
    this.name = 'ConnectorError'
    this.localized = message
    this.serverAnswer = serverAnswer === null ? null : serverAnswerForRecord(serverAnswer)
  }
}
