import { z } from 'zod'

/**
 * A time of day as people type it: 「7:30」 and 「７：３０」 mean 07:30, so H:MM is accepted and
 * full-width digits are read half-width (NFKC). Returns HH:MM, or null when it is not a time of day.
 */
export function normaliseDailyTime(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.normalize('NFKC').trim())
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours > 23 || minutes > 59) return null
  return `${String(hours).padStart(2, '0')}:${match[2]}`
}

export const dailyTimeMessage = 'use H:MM or HH:MM (00:00-23:59)'

/** A typed daily time, stored as HH:MM whatever the admin typed. */
export const dailyTime = z.string().transform((text, context) => {
  const time = normaliseDailyTime(text)
  if (time === null) {
    context.addIssue({ code: 'custom', message: dailyTimeMessage })
    return z.NEVER
  }
  return time
})
