/**
 * The request URL's remaining life as the request panel shows it (23:59:59), updated every second.
 * Pure, so the rounding is tested: the last second shows 00:00:01, never a 00:00:00 that still works.
 */
export function remainingText(expiresAt: number, now: number): string | null {
  const left = Math.ceil((expiresAt - now) / 1000)
  if (left <= 0) return null
  const pad = (n: number): string => String(n).padStart(2, '0')
  const hours = Math.floor(left / 3600)
  const minutes = Math.floor((left % 3600) / 60)
  return `${pad(hours)}:${pad(minutes)}:${pad(left % 60)}`
}
