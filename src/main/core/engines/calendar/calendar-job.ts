import type { CalendarSettings } from '../../../../shared/model/calendar-config'
import type { Schedule } from '../../../../shared/model/jobs'
import type { CalendarRunSummary } from '../../../../shared/model/calendar'
import type { JobDefinition, JobRunResult } from '../../scheduler/job'
import type { CalendarEngine } from './calendar-engine'

export const calendarJobId = 'calendar.sync'

/** Seed 001: about every 10 minutes, started with jitter so many machines do not hit a server together. */
export function calendarSchedule(settings: CalendarSettings): Schedule {
  return { kind: 'interval', minutes: settings.intervalMinutes, jitterSeconds: settings.jitterSeconds }
}

/** One user synced by hand, as the jobs table shows it: like a cycle, a user's failure is a warning. */
export function calendarPairJobResult(name: string, summary: CalendarRunSummary): JobRunResult {
  return {
    outcome: summary.outcome === 'ok' ? 'ok' : 'warning',
    message: { ja: `「${name}」: ${summary.message.ja}`, en: `"${name}": ${summary.message.en}` },
  }
}

export function createCalendarJob(engine: CalendarEngine, settings: CalendarSettings): JobDefinition {
  return {
    id: calendarJobId,
    title: { ja: 'カレンダー同期', en: 'Calendar sync' },
    schedule: calendarSchedule(settings),
    async run({ signal }) {
      const { runs, stopped } = await engine.runCycle(signal)
      const failed = runs.filter((run) => run.outcome === 'error').length
      const changed = runs.reduce((sum, run) => sum + run.created + run.updated + run.deleted, 0)
      const stoppedText = stopped
        ? { ja: `、自動停止 ${stopped} 人`, en: `, ${stopped} stopped automatically` }
        : { ja: '', en: '' }
      return {
        // One user's broken calendar is that user's problem (history, auto-stop), not a failed job.
        outcome: failed || stopped ? 'warning' : 'ok',
        message: {
          ja: `${runs.length} 人を同期しました（変更 ${changed} 件、エラー ${failed} 人${stoppedText.ja}）`,
          en: `Synced ${runs.length} users (${changed} changes, ${failed} with errors${stoppedText.en})`,
        },
      }
    },
  }
}
