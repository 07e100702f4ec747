import type { HealthDay } from '../../../shared/model/health'
import type { HistoryRepository } from '../history/history-repository'

/** Local midnight `back` days before the day of `now` (calendar days, so a DST change is no trouble). */
function dayStart(now: number, back: number): Date {
  const day = new Date(now)
  day.setHours(0, 0, 0, 0)
  day.setDate(day.getDate() - back)
  return day
}

function dayKey(day: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
}

/**
 * Runs and errors per local day, oldest first, read from the history itself: a run is the line the
 * scheduler writes when any job run ends (scheduled or started by hand), an error is any entry at level
 * error. Each count is an index range, so it stays fast on millions of entries.
 */
export function runSeries(history: HistoryRepository, now: number, days = 7): HealthDay[] {
  const series: HealthDay[] = []
  for (let back = days - 1; back >= 0; back--) {
    const from = dayStart(now, back)
    const to = dayStart(now, back - 1)
    const range = { from: from.getTime(), to: to.getTime() }
    series.push({
      day: dayKey(from),
      runs: history.countAll({ ...range, category: 'scheduler' }),
      errors: history.countAll({ ...range, level: 'error' }),
    })
  }
  return series
}
