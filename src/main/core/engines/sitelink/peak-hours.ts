/**
 * Seed 注意: the first full send (start, relink) is heavy; 8:30–9:30 and 17:30–18:30 local time are busy.
 * A start or relink then asks first, and can be moved to 22:00.
 */
const peakWindows: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 9 * 60 + 30],
  [17 * 60 + 30, 18 * 60 + 30],
]
const tonightMinutes = 22 * 60

export type PeakDecision =
  { readonly kind: 'ask'; readonly tonightAt: number } | { readonly kind: 'send'; readonly at: number | null }

/** Local minutes since midnight of `at` (the machine's time zone, as the admin reads the clock). */
function localMinutes(at: number): number {
  const date = new Date(at)
  return date.getHours() * 60 + date.getMinutes()
}

export function isPeak(at: number): boolean {
  const minutes = localMinutes(at)
  return peakWindows.some(([from, to]) => minutes >= from && minutes < to)
}

/** The next 22:00 local time after `at` (today's, or tomorrow's once it has passed). */
export function tonightAt(at: number): number {
  const date = new Date(at)
  date.setHours(22, 0, 0, 0)
  if (localMinutes(at) >= tonightMinutes) date.setDate(date.getDate() + 1)
  return date.getTime()
}

/**
 * `sendTonight` always moves the send to 22:00; otherwise at peak hours without `confirmPeak` the admin is
 * asked; else the send starts now (`at: null`).
 */
export function peakDecision(
  now: number,
  options: { readonly confirmPeak: boolean; readonly sendTonight: boolean },
): PeakDecision {
  if (options.sendTonight) return { kind: 'send', at: tonightAt(now) }
  if (isPeak(now) && !options.confirmPeak) return { kind: 'ask', tonightAt: tonightAt(now) }
  return { kind: 'send', at: null }
}
