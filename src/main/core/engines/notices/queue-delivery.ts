import type { NoticeSettings, NoticeTargetConfig } from '../../../../shared/model/notices'
import type { NoticeContext } from './notice-context'
import type { NoticeRenderer, NoticeTargetDirectory, OutgoingNotice } from './notice-ports'
import { composeNotice } from './queue-compose'
import { classifyFailure, type SendFailure } from './queue-outcome'
import { retryDelayMs } from './queue-pace'
import type { DueRow, QueueStore } from './queue-store'

export interface DeliveryDeps {
  readonly ctx: NoticeContext
  readonly store: QueueStore
  readonly targets: NoticeTargetDirectory
  readonly renderer: NoticeRenderer
  readonly settings: () => NoticeSettings
  /** Told after messages were set aside (history lines, the failure digest, health). */
  readonly setAside: (target: NoticeTargetConfig, ids: readonly number[], failure: SendFailure) => void
  /** Aborted when the relay closes. */
  readonly signal: AbortSignal
}

/**
 * skipped: no longer pending; postponed: a digest still collecting; sent; retry: a transient failure, due
 * again at `retryAt`; set-aside: permanent, or out of attempts.
 */
export type Delivery =
  | { readonly result: 'skipped' | 'postponed' | 'sent' | 'set-aside' }
  | { readonly result: 'retry'; readonly retryAt: number; readonly failures: number }

/** Who leaves now: the head alone, or (digest target) every pending message of that person once released. */
function membersOf(deps: DeliveryDeps, target: NoticeTargetConfig, head: DueRow): DueRow[] | number {
  if (target.digestMinutes === 0) return deps.store.isPending(head.id) ? [head] : []
  const pair = deps.store.pendingPair(target.id, head.employee_key)
  if (pair.length === 0) return []
  const releaseAt = pair[0]!.created_at + target.digestMinutes * 60_000
  return deps.ctx.now() < releaseAt ? releaseAt : pair
}

function recordFailure(
  deps: DeliveryDeps,
  target: NoticeTargetConfig,
  members: readonly DueRow[],
  failure: SendFailure,
): Delivery {
  const ids = members.map((m) => m.id)
  const now = deps.ctx.now()
  const failures = Math.max(...members.map((m) => m.attempts)) + 1
  if (failure.retry && failures < deps.settings().maxAttempts) {
    const retryAt = now + retryDelayMs(failures - 1, failure.retryAfterMs)
    deps.store.retryLater(ids, retryAt, failure.error, failure.detail)
    return { result: 'retry', retryAt, failures }
  }
  const setAside = deps.store.setAside(ids, failure.error, failure.detail, now)
  if (setAside.length) deps.setAside(target, setAside, failure)
  return { result: 'set-aside' }
}

/**
 * Sends one message (or one digest) and records the outcome in one short statement. It is marked sent
 * only after the sender resolved: a kill -9 during the send leaves it pending, and it goes again with
 * the same Message-ID.
 */
export async function deliver(
  deps: DeliveryDeps,
  target: NoticeTargetConfig,
  head: DueRow,
): Promise<Delivery> {
  const members = membersOf(deps, target, head)
  if (typeof members === 'number') {
    const pair = deps.store.pendingPair(target.id, head.employee_key)
    deps.store.postpone(
      pair.map((m) => m.id),
      members,
    )
    return { result: 'postponed' }
  }
  if (members.length === 0) return { result: 'skipped' }
  let notice: OutgoingNotice
  try {
    notice = composeNotice(deps.ctx, deps.store, deps.renderer, target, members)
  } catch (error) {
    return recordFailure(deps, target, members, { ...classifyFailure(error), retry: false })
  }
  try {
    const { detail } = await deps.targets.senderFor(target).send(notice, deps.signal)
    deps.store.markSent(
      members.map((m) => m.id),
      members.length > 1 ? members[0]!.id : null,
      detail,
      deps.ctx.now(),
    )
    return { result: 'sent' }
  } catch (error) {
    return recordFailure(deps, target, members, classifyFailure(error))
  }
}
