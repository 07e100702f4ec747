import type { JobStatus } from '../../shared/model/jobs'
import type { EventBus } from './event-bus'
import type { HistoryRepository } from './history/history-repository'
import type { JobRunResult } from './scheduler/job'

/** Every finished run leaves a line in the history; a failed one also raises 'jobs.failed' for notifications. */
export function recordRun(
  history: HistoryRepository,
  events: EventBus,
  job: JobStatus,
  result: JobRunResult,
): void {
  history.append({
    direction: 'local',
    category: 'scheduler',
    level: result.outcome === 'ok' ? 'info' : result.outcome,
    message: `${job.title.ja}: ${result.message.ja}`,
    messageEn: `${job.title.en}: ${result.message.en}`,
    detail: { job: job.id, outcome: result.outcome },
  })
  if (result.outcome === 'error') events.emit('jobs.failed', { job, message: result.message })
}
