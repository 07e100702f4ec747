import type { ApiEvents } from '../../../shared/api'
import type { AlertSettings } from '../../../shared/model/alerts'
import type { JobStatus } from '../../../shared/model/jobs'
import type { Clock, TimerHandle } from '../clock'
import type { EventBus } from '../event-bus'
import { sendAlert, type AlertSenderDeps } from './alert-sender'
import type { AlertItem } from './alert-text'

/** Events this close together leave in one message (a run that stops 30 users sends one e-mail). */
export const coalesceMs = 5_000
/** A job that keeps failing is mentioned again this long after the last alert about it. */
export const reminderMs = 24 * 60 * 60 * 1000

interface Failing {
  /** Failed runs since the first failure (the first included). */
  failures: number
  lastAlertAt: number
}

export interface AlertDispatcherDeps extends AlertSenderDeps {
  readonly events: EventBus
  readonly clock: Clock
  readonly settings: () => AlertSettings
}

/**
 * Turns core events into admin alerts without flooding the admin:
 * - a job's failure is sent once; further failures of the same job are only counted, and mentioned
 *   again once a day while it keeps failing; its next successful run sends "recovered";
 * - every automatic stop of a calendar user is sent (a user stops once, until resumed);
 * - whatever arrives within `coalesceMs` of the first queued item travels in one message.
 * The state is in memory: after a restart, a job still failing is reported once more.
 */
export class AlertDispatcher {
  private readonly failing = new Map<string, Failing>()
  private queue: AlertItem[] = []
  private timer: TimerHandle | null = null
  private readonly inFlight = new Set<Promise<unknown>>()
  private readonly unsubscribe: (() => void)[]

  constructor(private readonly deps: AlertDispatcherDeps) {
    this.unsubscribe = [
      deps.events.subscribe('jobs.failed', (failure) => this.jobFailed(failure)),
      deps.events.subscribe('jobs.changed', (jobs) => this.jobsChanged(jobs)),
      deps.events.subscribe('calendar.stopped', (stopped) => this.calendarStopped(stopped)),
    ]
  }

  private now(): number {
    return this.deps.clock.now()
  }

  private jobFailed({ job, message }: ApiEvents['jobs.failed']): void {
    const known = this.failing.get(job.id)
    if (known) {
      known.failures++
      if (this.now() - known.lastAlertAt < reminderMs) return
      known.lastAlertAt = this.now()
      this.enqueue({
        kind: 'job.still-failing',
        at: this.now(),
        title: {
          ja: `まだ失敗しています（${known.failures} 回）: ${job.title.ja}`,
          en: `Still failing (${known.failures} runs): ${job.title.en}`,
        },
        message,
        jobId: job.id,
      })
      return
    }
    this.failing.set(job.id, { failures: 1, lastAlertAt: this.now() })
    this.enqueue({
      kind: 'job.failed',
      at: this.now(),
      title: { ja: `連携に失敗しました: ${job.title.ja}`, en: `Sync failed: ${job.title.en}` },
      message,
      jobId: job.id,
    })
  }

  /** A job we alerted about that has since finished without error has recovered. */
  private jobsChanged(jobs: readonly JobStatus[]): void {
    for (const job of jobs) {
      const known = this.failing.get(job.id)
      if (!known || job.running || job.lastOutcome === null || job.lastOutcome === 'error') continue
      this.failing.delete(job.id)
      this.enqueue({
        kind: 'job.recovered',
        at: this.now(),
        title: { ja: `復旧しました: ${job.title.ja}`, en: `Recovered: ${job.title.en}` },
        message: {
          ja: `失敗 ${known.failures} 回のあと、正常に終わりました。${job.lastMessage?.ja ?? ''}`.trim(),
          en: `Finished without error after ${known.failures} failed runs. ${job.lastMessage?.en ?? ''}`.trim(),
        },
        jobId: job.id,
      })
    }
  }

  private calendarStopped({ pair, message }: ApiEvents['calendar.stopped']): void {
    this.enqueue({
      kind: 'calendar.stopped',
      at: this.now(),
      title: {
        ja: `カレンダー同期を停止しました: ${pair.name}`,
        en: `Calendar sync stopped: ${pair.name}`,
      },
      message,
      user: { id: pair.id, name: pair.name },
    })
  }

  private enqueue(item: AlertItem): void {
    this.queue.push(item)
    this.timer ??= this.deps.clock.setTimer(() => this.flush(), coalesceMs)
  }

  /** Sends what is queued; with no channel enabled the items are dropped (the history has them anyway). */
  private flush(): void {
    this.timer = null
    const items = this.queue
    this.queue = []
    if (items.length === 0) return
    const settings = this.deps.settings()
    if (!settings.email.enabled && !settings.webhook.enabled) return
    // sendAlert records each channel's failure itself; only a closed database could still throw here.
    const sending = sendAlert(this.deps, settings, items).catch((error: unknown) =>
      console.error('renkei: admin alert not recorded:', error),
    )
    this.inFlight.add(sending)
    void sending.finally(() => this.inFlight.delete(sending))
  }

  /** On quit: what is queued is sent now, and sends under way are awaited (each has its own timeout). */
  async close(): Promise<void> {
    for (const stop of this.unsubscribe) stop()
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer)
    this.flush()
    await Promise.allSettled([...this.inFlight])
  }
}
