import type { EngineHealth } from '../../../../shared/model/health'
import type { JobStatus } from '../../../../shared/model/jobs'
import { healthState, type HealthReporter } from '../../health/health-reporter'
import type { HistoryRepository } from '../../history/history-repository'
import type { DirectoryConfigRepository } from './directory-config-repository'
import type { DirectoryStateRepository } from './directory-state'

const dayMs = 24 * 60 * 60 * 1000

export interface DirectoryHealthDeps {
  readonly config: DirectoryConfigRepository
  readonly state: DirectoryStateRepository
  readonly history: HistoryRepository
  readonly job: () => JobStatus | undefined
}

/**
 * Directory sync as one subject: its last run and streak from the engine's own state, errors from the
 * history. A daily run has no automatic stop, so one failed run is "failing" until a run succeeds.
 */
export function directoryHealthReporter(deps: DirectoryHealthDeps): HealthReporter {
  return {
    engine: 'directory',
    report(now: number): EngineHealth {
      const job = deps.job()
      const lastRun = deps.state.lastRun()
      const streak = deps.state.runStreak()
      const configured = deps.config.get().source.kind !== 'none'
      const lastOutcome = lastRun === null ? null : lastRun.outcome === 'blocked' ? 'error' : lastRun.outcome
      const paused = job?.paused ?? false
      const engine = {
        engine: 'directory',
        id: 'directory',
        kind: 'engine',
        name: null,
        state: healthState({ configured, stopped: paused, lastOutcome, autoStops: false }),
        ...streak,
        errors24h: deps.history.countAll({ category: 'directory', level: 'error', from: now - dayMs }),
        nextRunAt: paused ? null : (job?.nextRunAt ?? null),
        note: configured ? null : { ja: '同期元が設定されていません', en: 'No source is configured' },
      } as const
      return { engine, subjects: [] }
    },
  }
}
