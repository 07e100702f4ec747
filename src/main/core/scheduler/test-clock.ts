import type { Clock, TimerHandle } from '../clock'

interface PendingTimer {
  readonly id: number
  readonly callback: () => void
  /** On the monotonic time line: like real timers, these do not move when the wall clock jumps. */
  readonly dueMono: number
}

/** Lets queued promise chains (a job finishing, the scheduler recording it) run to the end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/**
 * A Clock for tests. Two time lines, as on a real machine: `now()` is the wall clock, timers run on a
 * monotonic one. advance() moves both; jump() moves only the wall clock (sleep, NTP fix, manual change).
 */
export class TestClock implements Clock {
  private wall: number
  private mono = 0
  private nextId = 1
  private timers: PendingTimer[] = []

  constructor(start: number | Date = Date.UTC(2025, 0, 6, 0, 0, 0)) {
    this.wall = typeof start === 'number' ? start : start.getTime()
  }

  now(): number {
    return this.wall
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, callback, dueMono: this.mono + Math.max(0, delayMs) }
    this.timers.push(timer)
    return { id: timer.id }
  }

  clearTimer(handle: TimerHandle): void {
    const id = (handle as { id?: number }).id
    this.timers = this.timers.filter((timer) => timer.id !== id)
  }

  /** Timers still waiting: zero after a clean stop. */
  get pendingTimers(): number {
    return this.timers.length
  }

  /** Delays of the pending timers from now, for asserting how far ahead the scheduler looks. */
  get pendingDelays(): number[] {
    return this.timers.map((timer) => timer.dueMono - this.mono)
  }

  /** Moves time forward, firing due timers in order and letting promises settle after each one. */
  async advance(ms: number): Promise<void> {
    const target = this.mono + ms
    await settle()
    for (;;) {
      const due = this.timers
        .filter((timer) => timer.dueMono <= target)
        .sort((a, b) => a.dueMono - b.dueMono || a.id - b.id)[0]
      if (!due) break
      this.timers = this.timers.filter((timer) => timer !== due)
      this.wall += due.dueMono - this.mono
      this.mono = due.dueMono
      due.callback()
      await settle()
    }
    this.wall += target - this.mono
    this.mono = target
  }

  /** Moves only the wall clock (negative for backwards); pending timers keep their remaining delay. */
  jump(ms: number): void {
    this.wall += ms
  }
}
