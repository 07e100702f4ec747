import {
  healthSeverity,
  plannedHealthEngines,
  type EngineHealth,
  type HealthOverview,
  type HealthSubject,
} from '../../../shared/model/health'
import type { HistoryRepository } from '../history/history-repository'
import type { HealthReporter } from './health-reporter'
import { runSeries } from './run-series'

export interface HealthServiceDeps {
  readonly history: HistoryRepository
  readonly now: () => number
  readonly onChange: (overview: HealthOverview) => void
}

/** Changes within this time go to the UIs as one event (a cycle of 300 users ends 300 runs). */
const coalesceMs = 300

const needsAttention = (subject: HealthSubject): boolean =>
  healthSeverity[subject.state] <= healthSeverity.warning

/**
 * An engine that only warns because some of its users do is not listed beside them: the users say it by
 * name. A failed or stopped engine is listed itself.
 */
function attentionOf({ engine, subjects }: EngineHealth): HealthSubject[] {
  const parts = subjects.filter(needsAttention)
  const echo = engine.state === 'warning' && parts.length > 0
  return needsAttention(engine) && !echo ? [engine, ...parts] : parts
}

/** Worst first; among equals the most recent failure first, so a fresh problem is on top. */
function byUrgency(a: HealthSubject, b: HealthSubject): number {
  return (
    healthSeverity[a.state] - healthSeverity[b.state] ||
    (b.lastFailureAt ?? 0) - (a.lastFailureAt ?? 0) ||
    (a.name ?? '').localeCompare(b.name ?? '')
  )
}

/** The one health model: asks every engine's reporter and says what needs attention first. */
export class HealthService {
  private readonly reporters: HealthReporter[] = []
  private pending: Promise<void> | null = null
  private closed = false

  constructor(private readonly deps: HealthServiceDeps) {}

  /** Engines plug in here, as they do into the scheduler; the overview lists them in this order. */
  register(reporter: HealthReporter): void {
    this.reporters.push(reporter)
  }

  overview(): HealthOverview {
    const now = this.deps.now()
    const engines = this.reporters.map((reporter) => reporter.report(now))
    const attention = engines.flatMap(attentionOf).sort(byUrgency)
    return {
      computedAt: now,
      engines,
      attention,
      series: runSeries(this.deps.history, now),
      planned: plannedHealthEngines,
    }
  }

  /** A run ended or a state changed somewhere: tell every UI once things settle for a moment. */
  changed(): void {
    if (this.closed) return
    this.pending ??= new Promise((resolve) => setTimeout(resolve, coalesceMs))
      .then(() => {
        this.pending = null
        if (!this.closed) this.deps.onChange(this.overview())
      })
      .catch((error: unknown) => console.error('renkei: health overview failed:', error))
  }

  /** Sends no more events and waits for one being computed (the database is about to close). */
  async close(): Promise<void> {
    this.closed = true
    await this.pending
  }
}
