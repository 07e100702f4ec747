import type { NoticeSettings } from '../../../../shared/model/notices'
import type { HealthReporter } from '../../health/health-reporter'
import type { NoticeContext } from './notice-context'
import type {
  AdminSummaryChannel,
  NoticeHandlers,
  NoticeQueueSignal,
  NoticeQueueStats,
  NoticeRenderer,
  NoticeTargetDirectory,
} from './notice-ports'
import { notImplemented } from './notice-stub'

/** The durable outbox's worker: rate limits, retries with backoff, set aside, digests, the failure digest. */
export interface NoticeQueuePart {
  readonly handlers: NoticeHandlers<'notice.queue' | 'notice.retry'>
  readonly signal: NoticeQueueSignal
  readonly stats: NoticeQueueStats
  readonly health: HealthReporter
  /** Starts the worker (not in CLI commands). */
  start(): void
  /** Stops taking new work and waits for sends under way. */
  close(): Promise<void>
}

export function createNoticeQueue(
  _ctx: NoticeContext,
  _ports: {
    readonly targets: NoticeTargetDirectory
    readonly renderer: NoticeRenderer
    readonly settings: () => NoticeSettings
    readonly admin: AdminSummaryChannel
  },
): NoticeQueuePart {
  return {
    handlers: { 'notice.queue': notImplemented, 'notice.retry': notImplemented },
    signal: { wake: () => {} },
    stats: {
      targetStats: () => ({ pending: 0, setAside: 0, lastSentAt: null, lastError: null }),
      dropTarget: () => 0,
    },
    health: {
      engine: 'notice-relay',
      report: () => {
        const subject = {
          engine: 'notice-relay' as const,
          id: 'notice-relay',
          kind: 'engine' as const,
          name: null,
          state: 'never-run' as const,
          errorStreak: 0,
          lastSuccessAt: null,
          lastFailureAt: null,
          lastFailure: null,
          errors24h: 0,
          nextRunAt: null,
          note: null,
        }
        return { engine: subject, subjects: [] }
      },
    },
    start: () => {},
    close: async () => {},
  }
}
