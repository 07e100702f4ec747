import type { NoticeTargetConfig } from '../../../../shared/model/notices'
import { deliver, type Delivery, type DeliveryDeps } from './queue-delivery'
import type { DueRow } from './queue-store'
import { RateLimit, retryDelayMs } from './queue-pace'

/** Sends under way at once, all targets together: enough for a few slow receivers, never a flood. */
const maxInFlight = 4
/** Due messages read per query of a lane. */
const batchSize = 20
/** The timer never sleeps longer: a changed clock or a missed wake is caught within a minute. */
const maxSleepMs = 60_000

export interface WorkerDeps extends DeliveryDeps {
  /** The queue changed (sent, postponed, retried, set aside): counts and health to refresh. */
  readonly changed: () => void
  /** Earliest time something else is due (the failure digest), or null; checked on each dispatch. */
  readonly otherWork: () => number | null
  readonly runOtherWork: () => void
}

/** A target that failed transiently rests, longer each time in a row, so a server that is down is not hammered. */
interface Rest {
  readonly until: number
  readonly streak: number
}

/**
 * The outbox's worker. One lane per target sends its messages one after another (rate limit, rest after a
 * failure); lanes run side by side, at most `maxInFlight` sends at once, so a slow target holds one slot
 * and never the others. Woken by `wake()` (messages queued, retried) and by its own timer (the next due time).
 */
export class QueueWorker {
  private readonly lanes = new Map<string, Promise<void>>()
  private readonly limits = new Map<string, RateLimit>()
  private readonly rests = new Map<string, Rest>()
  private readonly waiting: (() => void)[] = []
  private inFlight = 0
  private timer: NodeJS.Timeout | null = null
  private scheduled = false
  private running = false

  constructor(private readonly deps: WorkerDeps) {}

  start(): void {
    this.running = true
    this.wake()
  }

  wake(): void {
    if (!this.running || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      if (this.running) this.dispatch()
    })
  }

  /** Takes no new work and waits for the sends under way. */
  async stop(): Promise<void> {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    for (const wake of this.waiting.splice(0)) wake()
    await Promise.allSettled([...this.lanes.values()])
  }

  /** Until when a target may not send: its rest after failures, or its rate limit. */
  private blockedUntil(target: NoticeTargetConfig): number {
    const limit = this.limits.get(target.id) ?? new RateLimit(target.ratePerMinute)
    limit.setRate(target.ratePerMinute)
    this.limits.set(target.id, limit)
    return Math.max(this.rests.get(target.id)?.until ?? 0, limit.readyAt())
  }

  private dispatch(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const { store, targets, ctx } = this.deps
    const now = ctx.now()
    let next = store.nextDueAfter(now)
    const sooner = (at: number | null): void => {
      if (at !== null && (next === null || at < next)) next = at
    }
    for (const target of targets.enabled()) {
      if (this.lanes.has(target.id) || !store.hasDue(target.id, now)) continue
      const blocked = this.blockedUntil(target)
      if (blocked > now) {
        sooner(blocked)
        continue
      }
      const lane = this.lane(target.id)
        .catch((error: unknown) => {
          // A fault of the worker itself (the database, a bug): the target rests instead of spinning.
          console.error(`renkei: notice lane ${target.id} failed:`, error)
          this.rest(target.id, { retryAt: ctx.now() })
        })
        .finally(() => {
          this.lanes.delete(target.id)
          this.wake()
        })
      this.lanes.set(target.id, lane)
    }
    this.deps.runOtherWork()
    sooner(this.deps.otherWork())
    if (next !== null && this.running) {
      const delay = Math.min(maxSleepMs, Math.max(0, next - now))
      this.timer = setTimeout(() => this.wake(), delay)
    }
  }

  /** One target's messages, one after another, while it may send and something is due. */
  private async lane(targetId: string): Promise<void> {
    while (this.running) {
      const batch = this.deps.store.due(targetId, this.deps.ctx.now(), batchSize)
      if (batch.length === 0) return
      for (const head of batch) {
        const target = this.deps.targets.get(targetId)
        if (!this.running || target === null || !target.enabled) return
        if (this.blockedUntil(target) > this.deps.ctx.now()) return
        const outcome = await this.send(target, head)
        if (outcome === null) return
        if (outcome.result !== 'skipped') this.deps.changed()
        if (outcome.result === 'retry') return this.rest(target.id, outcome)
      }
    }
  }

  private async send(target: NoticeTargetConfig, head: DueRow): Promise<Delivery | null> {
    await this.slot()
    try {
      if (!this.running) return null
      const startedAt = this.deps.ctx.now()
      const outcome = await deliver(this.deps, target, head)
      if (outcome.result !== 'skipped' && outcome.result !== 'postponed') {
        this.limits.get(target.id)?.take(startedAt)
      }
      if (outcome.result === 'sent') this.rests.delete(target.id)
      return outcome
    } finally {
      this.inFlight--
      this.waiting.shift()?.()
    }
  }

  /** After a transient failure the target rests until the message is due again, longer after a streak. */
  private rest(targetId: string, outcome: { readonly retryAt: number }): void {
    const streak = (this.rests.get(targetId)?.streak ?? 0) + 1
    const until = Math.max(outcome.retryAt, this.deps.ctx.now() + retryDelayMs(streak - 1, null))
    this.rests.set(targetId, { until, streak })
  }

  private slot(): Promise<void> {
    if (this.inFlight < maxInFlight) {
      this.inFlight++
      return Promise.resolve()
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.inFlight++
        resolve()
      }),
    )
  }
}
