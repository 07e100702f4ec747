import type { HistoryEntry } from '../../../shared/model/history'
import type { Clock, TimerHandle } from '../clock'
import type { EventBus } from '../event-bus'

const quietMs = 500

/**
 * Coalesces appends into at most one 'history.appended' event per half second: an engine writing
 * thousands of entries must not flood every window and socket with one message each.
 */
export class HistoryNotifier {
  private pending = 0
  private latest: HistoryEntry | null = null
  private timer: TimerHandle | null = null

  constructor(
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  appended(entry: HistoryEntry, count = 1): void {
    this.pending += count
    this.latest = entry
    this.timer ??= this.clock.setTimer(() => this.flush(), quietMs)
  }

  private flush(): void {
    this.timer = null
    if (!this.latest) return
    this.events.emit('history.appended', { count: this.pending, latest: this.latest })
    this.pending = 0
    this.latest = null
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer)
    this.flush()
  }
}
