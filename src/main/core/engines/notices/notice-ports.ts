import type { ApiHandlers } from '../../../../shared/api'
import type {
  NoticeEventInput,
  NoticeIngestResult,
  NoticeKind,
  NoticeLanguage,
  NoticeField,
  NoticeTargetConfig,
} from '../../../../shared/model/notices'
import type { Localized } from '../../../../shared/model/localized'
import type { HealthReporter } from '../../health/health-reporter'
import type { PartnerMount } from '../sitelink/sitelink-ports'

/**
 * The notice relay's parts and the ports between them. Each part is built by its own factory (one file
 * each, `notice-*.ts`) and composed in `notice-wiring.ts`; concrete connectors are picked there, not here.
 */

/** The handlers of the API methods a part implements. */
export type NoticeHandlers<K extends keyof ApiHandlers> = Pick<ApiHandlers, K>

/** An employee as a message addresses them. */
export interface NoticeRecipient {
  readonly employeeKey: string
  readonly name: string
  readonly email: string | null
  readonly login: string
  /** The target's recipient pattern filled in for this employee. */
  readonly address: string
}

/** A message ready to leave: rendered, addressed, one per target and person (a digest holds several events). */
export interface OutgoingNotice {
  readonly recipient: NoticeRecipient
  readonly subject: string
  readonly text: string
  readonly kinds: readonly NoticeKind[]
  /**
   * Stable across retries and restarts (`renkei-notice-<message id>@<site>`): the e-mail Message-ID, the
   * webhook's idempotency header, so a receiver can drop a repeat after a crash between send and record.
   */
  readonly messageId: string
}

/**
 * One target's protocol. Throws `ConnectorError` (kind transient → retried with backoff; permanent / auth →
 * set aside). Resolves with the server's own words for the record (credentials cut), or null.
 */
export interface NoticeSender {
  send(notice: OutgoingNotice, signal: AbortSignal): Promise<{ readonly detail: string | null }>
}

/** Targets as the other parts see them (the targets part owns their storage, secrets and connectors). */
export interface NoticeTargetDirectory {
  /** Enabled targets, in the admin's order. */
  enabled(): readonly NoticeTargetConfig[]
  get(id: string): NoticeTargetConfig | null
  /** The sender for a target, its secrets read from the keychain when it sends. */
  senderFor(target: NoticeTargetConfig): NoticeSender
}

/** Fills templates (the core part owns them): one event's fields, in a target's language(s). */
export interface NoticeRenderer {
  render(
    kind: NoticeKind,
    languages: 'ja' | 'en' | 'ja-en',
    fields: Readonly<Partial<Record<NoticeField, string>>>,
    recipientName: string,
  ): { readonly subject: string; readonly text: string }
  /** The gadget shows one language. */
  renderOne(
    kind: NoticeKind,
    language: NoticeLanguage,
    fields: Readonly<Partial<Record<NoticeField, string>>>,
    recipientName: string,
  ): { readonly subject: string; readonly text: string }
}

/** Takes in one event: records it once, resolves addressees, opt-in, inbox rows and queued messages. */
export interface NoticeIntake {
  ingest(source: string, event: NoticeEventInput): NoticeIngestResult
}

/** The queue's worker: told when messages were queued, so it need not wait for its next tick. */
export interface NoticeQueueSignal {
  wake(): void
}

/** The admin's alert channels (alerts settings), for the failure digest: one message per period. */
export interface AdminSummaryChannel {
  send(title: Localized, message: Localized): Promise<void>
}

/** What each part hands to the wiring besides its handlers. */
export interface NoticeMounts {
  /** Served on the partner-facing listener and, in the daemon, on 127.0.0.1. */
  readonly mounts: readonly PartnerMount[]
}

export interface NoticeHealth {
  readonly health: HealthReporter
}

/** The queue as the targets part sees it: counts for the list, and what removing a target does. */
export interface NoticeQueueStats {
  targetStats(targetId: string): {
    readonly pending: number
    readonly setAside: number
    readonly lastSentAt: number | null
    readonly lastError: Localized | null
  }
  /** A removed target: its pending messages become `dropped` (recorded); returns how many. */
  dropTarget(targetId: string): number
}

/**
 * A sender's error may say how long the receiver asked to wait (HTTP 429/503 Retry-After, in ms): the
 * queue waits that long instead of its own backoff. Set it on the thrown `ConnectorError`.
 */
export interface RetryAfterHint {
  readonly retryAfterMs?: number
}
