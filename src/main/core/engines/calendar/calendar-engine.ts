import type {
  CalendarChange,
  CalendarPairStatus,
  CalendarRunSummary,
  CalendarStatus,
  CalendarStopped,
} from '../../../../shared/model/calendar'
import { calendarSecretName, type CalendarPairConfig } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import type { IncrementalCalendarParser } from '../../connectors/ics/ics-incremental'
import type { HistoryRepository } from '../../history/history-repository'
import type { CalendarConnectorFactory } from './calendar-connector-factory'
import type { ParsedCalendar } from './calendar-connectors'
import { pairState, type CalendarPairRepository, type StoredPair } from './calendar-pair-repository'
import type { CalendarStateRepository } from './calendar-state'
import { safeLocation } from './change-records'
import { syncPair } from './pair-sync'

export interface CalendarEngineDeps {
  readonly feedParser: (pairId: string) => IncrementalCalendarParser
  readonly pairs: CalendarPairRepository
  readonly state: CalendarStateRepository
  readonly history: HistoryRepository
  readonly transaction: (work: () => void) => void
  readonly connectors: CalendarConnectorFactory
  readonly parse: (text: string) => ParsedCalendar
  readonly now: () => number
  readonly nextRunAt: () => number | null
  /** Names of the stored secrets (to tell whether an OAuth pair is authorized). */
  readonly secretNames: () => Promise<readonly string[]>
  readonly onStatus: (status: CalendarStatus) => void
  readonly onChange: (change: CalendarChange) => void
  readonly onStopped: (stopped: CalendarStopped) => void
}

export interface CycleResult {
  readonly runs: readonly CalendarRunSummary[]
  readonly stopped: number
}

const hourMs = 60 * 60 * 1000
/** Status changes within this time go to the UIs as one event. */
const statusCoalesceMs = 300
/** Seed 001: repeated credential failures are surfaced (and retrying stops) after one day. */
const authGraceMs = 24 * hourMs

/**
 * Runs pairs (one at a time per pair, a bounded number at once), applies seed 001's auto-stop after each
 * run, and reports status. Pairs are independent: one user's broken calendar never delays another's.
 */
export class CalendarEngine {
  private readonly running = new Map<string, Promise<CalendarRunSummary>>()
  private statusPending: Promise<void> | null = null
  /** Set by `settled()` at shutdown: later status changes are dropped instead of reading a closing database. */
  private closing = false

  constructor(private readonly deps: CalendarEngineDeps) {}

  async pairStatus(pair: StoredPair): Promise<CalendarPairStatus> {
    return (await this.statusesOf([pair]))[0]!
  }

  async status(): Promise<CalendarStatus> {
    const pairs = await this.statusesOf(this.deps.pairs.list())
    const counts = { syncing: 0, stopped: 0, disabled: 0 }
    for (const pair of pairs) counts[pair.state]++
    return { pairs, counts, nextRunAt: this.deps.nextRunAt(), settings: this.deps.pairs.settings() }
  }

  /** Settings read once and the keychain asked once, however many pairs there are. */
  private async statusesOf(pairs: readonly StoredPair[]): Promise<CalendarPairStatus[]> {
    const settings = this.deps.pairs.settings()
    const since = this.deps.now() - settings.autoStopHours * hourMs
    const usesOAuth = ({ config }: StoredPair): boolean =>
      config.target.auth === 'oauth' || (config.source.kind === 'caldav' && config.source.auth === 'oauth')
    const secretNames = pairs.some(usesOAuth) ? new Set(await this.deps.secretNames()) : new Set<string>()
    return pairs.map((pair) => {
      const { config } = pair
      const state = this.deps.state.state(config.id)
      const counts = this.deps.state.counts(config.id)
      return {
        id: config.id,
        number: config.number,
        name: config.name,
        employeeKey: config.employeeKey,
        state: pairState(pair),
        stopReason: pair.stopReason,
        stoppedAt: pair.stoppedAt,
        direction: config.direction,
        sourceLabel: safeLocation(config.source.url),
        targetLabel: safeLocation(config.target.url),
        eventCount: counts.synced,
        setAside: counts.setAside,
        errorsInWindow: this.deps.state.errorsSince(config.id, since),
        errorStreak: state.errorStreak,
        running: this.running.has(config.id),
        lastRunAt: state.lastRunAt,
        lastOutcome: state.lastOutcome,
        lastMessage: state.lastMessage,
        authorized: usesOAuth(pair) ? secretNames.has(calendarSecretName(config.id, 'refresh-token')) : null,
      }
    })
  }

  /** Tells every UI; a failure to read the keychain here must not break a run. */
  changed(): void {
    // After shutdown began nobody listens and the database is about to close.
    if (this.closing) return
    // Coalesced: a cycle of 300 users must not rebuild the whole list 600 times.
    this.statusPending ??= new Promise((resolve) => setTimeout(resolve, statusCoalesceMs))
      .then(async () => {
        this.statusPending = null
        this.deps.onStatus(await this.status())
      })
      .catch((error: unknown) => console.error('renkei: calendar status failed:', error))
  }

  /** Resolves when no pair is running and the last status went out (shutdown waits before closing the database). */
  async settled(): Promise<void> {
    this.closing = true
    await Promise.allSettled([...this.running.values()])
    await this.statusPending
  }

  /** Runs one pair now; a second call while it runs waits for the same run. */
  runPair(config: CalendarPairConfig, signal: AbortSignal): Promise<CalendarRunSummary> {
    const existing = this.running.get(config.id)
    if (existing) return existing
    const run = (async () => {
      try {
        const summary = await syncPair(config, this.deps.pairs.settings(), this.deps, signal)
        await this.afterRun(config)
        return summary
      } finally {
        this.running.delete(config.id)
        this.changed()
      }
    })()
    this.running.set(config.id, run)
    this.changed()
    return run
  }

  /** The scheduled cycle: every syncing pair, `concurrency` at a time. */
  async runCycle(signal: AbortSignal): Promise<CycleResult> {
    const settings = this.deps.pairs.settings()
    const queue = this.deps.pairs.list().filter((pair) => pairState(pair) === 'syncing')
    const stoppedCount = (): number => this.deps.pairs.list().filter((p) => pairState(p) === 'stopped').length
    const before = stoppedCount()
    const runs: CalendarRunSummary[] = []
    const worker = async (): Promise<void> => {
      for (let pair = queue.shift(); pair && !signal.aborted; pair = queue.shift()) {
        runs.push(await this.runPair(pair.config, signal))
      }
    }
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, queue.length) }, worker))
    this.deps.state.pruneErrors(this.deps.now() - 7 * 24 * hourMs)
    return { runs, stopped: stoppedCount() - before }
  }

  /** Seed 001: 120 or more errors within 24 hours (both configurable) stop the user; so do a day of auth failures. */
  private async afterRun(config: CalendarPairConfig): Promise<void> {
    const pair = this.deps.pairs.get(config.id)
    if (!pair || pairState(pair) !== 'syncing') return
    const settings = this.deps.pairs.settings()
    const now = this.deps.now()
    const errors = this.deps.state.errorsSince(config.id, now - settings.autoStopHours * hourMs)
    const authSince = this.deps.state.state(config.id).authFailingSince
    if (errors >= settings.autoStopErrors) {
      await this.stop(pair, 'errors', {
        ja: `直近 ${settings.autoStopHours} 時間にエラーが ${errors} 回（${settings.autoStopErrors} 回以上）発生したため、サーバーの負荷を減らすために「${config.name}」の同期を自動停止しました。原因を直してからカレンダー画面で「再開」してください。`,
        en: `${errors} errors in the last ${settings.autoStopHours} hours (${settings.autoStopErrors} or more), so sync for "${config.name}" was stopped automatically to spare the server. Fix the cause, then press "Resume" on the Calendar screen.`,
      })
    } else if (authSince !== null && now - authSince >= authGraceMs) {
      await this.stop(pair, 'auth', {
        ja: `「${config.name}」の認証が 24 時間以上失敗し続けているため同期を停止しました。ユーザーの同期設定でパスワード（または Google の認可）を確認してから「再開」してください。`,
        en: `Sign-in for "${config.name}" has failed for more than 24 hours, so its sync was stopped. Check the password (or the Google authorization) in the user's sync settings, then press "Resume".`,
      })
    }
  }

  private async stop(pair: StoredPair, reason: 'errors' | 'auth', message: Localized): Promise<void> {
    this.deps.pairs.stop(pair.config.id, reason)
    this.deps.history.append({
      site: pair.config.name,
      direction: 'local',
      category: 'calendar',
      level: 'error',
      message: message.ja,
      messageEn: message.en,
      detail: { pairId: pair.config.id, reason },
    })
    const stopped = this.deps.pairs.get(pair.config.id)!
    this.deps.onStopped({ pair: await this.pairStatus(stopped), message })
  }
}
