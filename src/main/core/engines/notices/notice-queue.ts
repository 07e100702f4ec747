import type { NoticeSettings, NoticeTargetConfig } from '../../../../shared/model/notices'
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
import { QueueChanges } from './queue-changes'
import { FailureDigest } from './queue-failure-digest'
import { queueHandlers } from './queue-handlers'
import { queueHealthReporter } from './queue-health'
import type { SendFailure } from './queue-outcome'
import { parseLocalized } from './message-rows'
import { QueueStore } from './queue-store'
import { QueueWorker } from './queue-worker'

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

function recordSetAside(
  ctx: NoticeContext,
  target: NoticeTargetConfig,
  ids: readonly number[],
  failure: SendFailure,
): void {
  const list = ids.map((id) => `#${id}`).join(', ')
  ctx.history.append({
    direction: 'send',
    category: 'notices',
    level: 'error',
    message: `お知らせ ${list} を送れず保留にしました（送信先「${target.name}」）: ${failure.error.ja}`,
    messageEn: `Notice ${list} could not be sent and was set aside (target "${target.name}"): ${failure.error.en}`,
    detail: { targetId: target.id, messages: ids, server: failure.detail },
  })
}

export function createNoticeQueue(
  ctx: NoticeContext,
  ports: {
    readonly targets: NoticeTargetDirectory
    readonly renderer: NoticeRenderer
    readonly settings: () => NoticeSettings
    readonly admin: AdminSummaryChannel
  },
): NoticeQueuePart {
  const store = new QueueStore(ctx.db)
  const changes = new QueueChanges(ctx, store)
  const digest = new FailureDigest(ctx, ports.admin, ports.settings, ports.targets, () => worker.wake())
  const closing = new AbortController()
  const signal = AbortSignal.any([ctx.signal, closing.signal])
  const worker = new QueueWorker({
    ctx,
    store,
    targets: ports.targets,
    renderer: ports.renderer,
    settings: ports.settings,
    signal,
    setAside: (target, ids, failure) => recordSetAside(ctx, target, ids, failure),
    changed: () => changes.changed(),
    otherWork: () => digest.dueAt(),
    runOtherWork: () => digest.run(),
  })
  let started = false

  /** At start: messages of targets removed while Renkei was not running are dropped, not kept forever. */
  const dropRemoved = (): void => {
    for (const id of store.pendingTargets()) if (ports.targets.get(id) === null) stats.dropTarget(id)
  }

  const stats: NoticeQueueStats = {
    targetStats: (targetId) => {
      const counts = store.counts(targetId)
      const sent = store.lastFinished(targetId, 'sent')
      const failed = store.lastFinished(targetId, 'set-aside')
      const failedLast = failed !== null && (sent === null || failed.at >= sent.at)
      return {
        pending: counts.pending,
        setAside: counts['set-aside'],
        lastSentAt: sent?.at ?? null,
        lastError: failedLast ? parseLocalized(failed.error) : null,
      }
    },
    dropTarget: (targetId) => {
      const dropped = store.dropTarget(targetId, ctx.now())
      if (dropped > 0) {
        ctx.history.append({
          direction: 'local',
          category: 'notices',
          level: 'warning',
          message: `送信先「${targetId}」が削除されたため、未送信のお知らせ ${dropped} 件を破棄しました`,
          messageEn: `The target "${targetId}" was removed: ${dropped} unsent notices were dropped`,
          detail: { targetId, dropped },
        })
        changes.changed()
      }
      return dropped
    },
  }

  return {
    handlers: queueHandlers({
      ctx,
      store,
      targets: ports.targets,
      retried: () => {
        changes.changed()
        worker.wake()
      },
    }),
    signal: { wake: () => worker.wake() },
    stats,
    health: queueHealthReporter(ctx.db),
    start: () => {
      if (started) return
      started = true
      dropRemoved()
      worker.start()
    },
    close: async () => {
      await worker.stop()
      await digest.close()
      changes.close()
      closing.abort()
    },
  }
}
