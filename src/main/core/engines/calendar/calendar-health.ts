import type { StopReason } from '../../../../shared/model/calendar'
import {
  healthSeverity,
  type EngineHealth,
  type HealthState,
  type HealthSubject,
} from '../../../../shared/model/health'
import type { JobStatus } from '../../../../shared/model/jobs'
import type { Localized } from '../../../../shared/model/localized'
import { healthState, type HealthReporter } from '../../health/health-reporter'
import { pairState, type CalendarPairRepository, type StoredPair } from './calendar-pair-repository'
import type { CalendarStateRepository } from './calendar-state'

const dayMs = 24 * 60 * 60 * 1000

export interface CalendarHealthDeps {
  readonly pairs: CalendarPairRepository
  readonly state: CalendarStateRepository
  readonly job: () => JobStatus | undefined
}

const stopNotes: Readonly<Record<StopReason, Localized>> = {
  errors: { ja: 'エラーが続いたため自動停止', en: 'Stopped automatically after repeated errors' },
  auth: { ja: '認証の失敗が続いたため停止', en: 'Stopped after sign-in kept failing' },
  conflict: { ja: '競合のため停止', en: 'Stopped on a conflict' },
  admin: { ja: '管理者が停止', en: 'Stopped by the admin' },
}

function userHealth(
  deps: CalendarHealthDeps,
  pair: StoredPair,
  now: number,
  next: number | null,
): HealthSubject {
  const { config } = pair
  const state = deps.state.state(config.id)
  const listState = pairState(pair)
  return {
    engine: 'calendar',
    id: config.id,
    kind: 'user',
    name: config.name,
    // Seed 001: errors are counted toward the automatic stop, so until then a failing user is a warning.
    state: healthState({
      configured: listState !== 'disabled',
      stopped: listState === 'stopped',
      // A streak reset by "resume" leaves a failed last run that no longer counts: waiting for the next run.
      lastOutcome: state.errorStreak > 0 ? 'error' : state.lastOutcome === 'error' ? null : state.lastOutcome,
      autoStops: true,
    }),
    errorStreak: state.errorStreak,
    lastSuccessAt: state.lastSuccessAt,
    lastFailureAt: state.lastFailureAt,
    lastFailure: state.lastFailure,
    errors24h: deps.state.errorsSince(config.id, now - dayMs),
    nextRunAt: listState === 'syncing' ? next : null,
    note: pair.stopReason && listState === 'stopped' ? stopNotes[pair.stopReason] : null,
  }
}

/** The engine is as healthy as its job and its users: a failed cycle fails it, a troubled user warns. */
function engineState(job: JobStatus | undefined, users: readonly HealthSubject[]): HealthState {
  if (users.every((user) => user.state === 'disabled')) return 'disabled'
  if (job?.paused) return 'stopped'
  if (job?.lastOutcome === 'error') return 'failing'
  const worst = Math.min(...users.map((user) => healthSeverity[user.state]))
  if (worst <= healthSeverity.warning) return 'warning'
  return worst === healthSeverity['never-run'] && !job?.lastOutcome ? 'never-run' : 'ok'
}

/** Calendar sync: one subject per user (seed 001's list) and the engine summed up from its users and job. */
export function calendarHealthReporter(deps: CalendarHealthDeps): HealthReporter {
  return {
    engine: 'calendar',
    report(now: number): EngineHealth {
      const job = deps.job()
      const next = job?.paused ? null : (job?.nextRunAt ?? null)
      const users = deps.pairs.list().map((pair) => userHealth(deps, pair, now, next))
      const latest = (key: 'lastSuccessAt' | 'lastFailureAt'): HealthSubject | undefined =>
        users.reduce<HealthSubject | undefined>(
          (best, user) => ((user[key] ?? -1) > (best?.[key] ?? -1) ? user : best),
          undefined,
        )
      const failed = latest('lastFailureAt')
      const state = engineState(job, users)
      const engine: HealthSubject = {
        engine: 'calendar',
        id: 'calendar',
        kind: 'engine',
        name: null,
        state,
        errorStreak: job?.lastOutcome === 'error' ? 1 : 0,
        lastSuccessAt: latest('lastSuccessAt')?.lastSuccessAt ?? null,
        lastFailureAt: failed?.lastFailureAt ?? null,
        lastFailure: failed?.lastFailure
          ? {
              ja: `「${failed.name}」: ${failed.lastFailure.ja}`,
              en: `"${failed.name}": ${failed.lastFailure.en}`,
            }
          : null,
        errors24h: users.reduce((sum, user) => sum + user.errors24h, 0),
        // The job keeps its timer, but with nobody permitted a cycle does nothing.
        nextRunAt: state === 'disabled' ? null : next,
        note: users.length === 0 ? { ja: 'ユーザーがいません', en: 'No users yet' } : null,
      }
      return { engine, subjects: users }
    },
  }
}
