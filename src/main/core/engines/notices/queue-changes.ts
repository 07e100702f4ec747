import type { NoticeContext } from './notice-context'
import type { QueueStore } from './queue-store'

/** A draining queue changes hundreds of times a second: the screens hear about it at most once a second. */
const intervalMs = 1_000

/**
 * `notice.changed` (pending and set-aside counts), at once for the first change and then at most once per
 * interval while changes keep coming; the health overview is told each time too.
 */
export class QueueChanges {
  private timer: NodeJS.Timeout | null = null
  private dirty = false
  private closed = false

  constructor(
    private readonly ctx: NoticeContext,
    private readonly store: QueueStore,
  ) {}

  changed(): void {
    if (this.closed) return
    if (this.timer) {
      this.dirty = true
      return
    }
    this.emit()
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.dirty) {
        this.dirty = false
        this.changed()
      }
    }, intervalMs)
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private emit(): void {
    this.ctx.events.emit('notice.changed', this.store.liveCounts())
    this.ctx.health.changed()
  }
}
