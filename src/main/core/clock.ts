/** Opaque handle of a pending timer. */
export type TimerHandle = { readonly __timer: true } | number | object

/**
 * Time as the core sees it. Injected everywhere so tests can move time instead of waiting,
 * and so the scheduler is the only place that holds real timers.
 */
export interface Clock {
  now(): number
  setTimer(callback: () => void, delayMs: number): TimerHandle
  clearTimer(handle: TimerHandle): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs)
    // A pending job must not keep a CLI process alive.
    handle.unref?.()
    return handle
  },
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
}
