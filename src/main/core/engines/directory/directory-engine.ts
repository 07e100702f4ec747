import { randomUUID } from 'node:crypto'
import type {
  ConnectionCheckResult,
  DirectoryPlan,
  DirectoryProgress,
  DirectoryRunSummary,
  DirectoryStatus,
} from '../../../../shared/model/directory'
import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import type { HistoryRepository } from '../../history/history-repository'
import type { DirectoryConfigRepository } from './directory-config-repository'
import type { DirectorySourceConnector, DirectoryTargetConnector } from './directory-connectors'
import { computeDirectoryRun, type ComputedRun } from './directory-planner'
import type { DirectoryStateRepository } from './directory-state'
import type { Db } from '../../store/database'
import { withScanPageCache } from '../../store/page-cache'
import { OwnershipLedger } from './ownership-ledger'
import { PlanChangedError } from './plan-fingerprint'
import { failureMessage, failureProblems, sourceWarningEntries } from './run-failures'
import { applyComputedRun } from './run-applier'
import { readValidSource } from './source-validator'
import { ownershipScope, targetName } from './target-scope'

/** Builds connectors from the settings and the keychain; injected so tests can point at their servers. */
export interface DirectoryConnectorFactory {
  /** `secret`: a password or token typed for a connection test, used instead of the keychain's. */
  source(config: DirectoryConfig['source'], secret?: string): Promise<DirectorySourceConnector | null>
  target(config: DirectoryConfig['target'], secret?: string): Promise<DirectoryTargetConnector | null>
  initialPassword(): Promise<string | null>
}

export interface DirectoryEngineDeps {
  readonly config: DirectoryConfigRepository
  readonly home: HomeDirectoryRepository
  readonly state: DirectoryStateRepository
  readonly history: HistoryRepository
  readonly connectors: DirectoryConnectorFactory
  /** Where the ownership ledger lives (one ledger per target, see ownershipScope). */
  readonly db: Db
  readonly now: () => number
  readonly onStatus: (status: DirectoryStatus) => void
  readonly onProgress: (progress: DirectoryProgress) => void
}

export interface RunOptions {
  readonly approveDeletions: boolean
  /** Adopt the existing accounts the preview lists ("will adopt N existing accounts"), this run only. */
  readonly approveAdoptions: boolean
  /**
   * The fingerprint of the preview the admin confirmed; the run refuses (PlanChangedError) when its own
   * plan differs. Null only for the scheduled run the admin switched on.
   */
  readonly confirmedPlan: string | null
  /** Called once the plan matches, before anything is written (the audit line of "run now"). */
  readonly onConfirmed?: () => void
  readonly signal: AbortSignal
}

const noSource: Localized = {
  ja: 'ディレクトリ同期のソースが設定されていません。ディレクトリ画面でCSVまたはLDAPを設定してください。',
  en: 'No directory source is configured. Set up CSV or LDAP on the Directory screen.',
}

/** Directory sync: source → home directory → target, with a dry run before every write. */
export class DirectoryEngine {
  private readonly owner = randomUUID()
  private running: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: DirectoryEngineDeps) {}

  status(): DirectoryStatus {
    const { home, state, now } = this.deps
    return {
      importInProgress: state.inProgress(now()),
      lastRun: state.lastRun(),
      counts: home.counts(),
      importedAt: home.importedAt(),
    }
  }

  /** Seed 002: partner sends wait while a CSV import runs. Other engines ask this. */
  importInProgress(): boolean {
    return this.deps.state.inProgress(this.deps.now())
  }

  /** Tests `config` (the saved settings or a form's draft), with `secret` in place of the keychain's when given. */
  async check(
    side: 'source' | 'target',
    config: DirectoryConfig,
    secret?: string,
  ): Promise<ConnectionCheckResult> {
    try {
      const connector =
        side === 'source'
          ? await this.deps.connectors.source(config.source, secret)
          : await this.deps.connectors.target(config.target, secret)
      if (!connector) {
        return side === 'source'
          ? { ok: false, message: noSource, detail: null }
          : {
              ok: true,
              message: {
                ja: '反映先はありません（ホームディレクトリだけを更新します）。',
                en: 'No target: only the home directory is updated.',
              },
              detail: null,
            }
      }
      try {
        return await connector.check()
      } finally {
        if ('close' in connector) await connector.close()
      }
    } catch (error) {
      return { ok: false, message: failureMessage(error), detail: null }
    }
  }

  /** The dry run the UI and `renkei directory preview` show. Writes nothing. */
  async preview(signal: AbortSignal): Promise<DirectoryPlan> {
    // Reads only: a small page cache keeps the preview's memory down (a run's writes keep the usual one).
    return withScanPageCache(this.deps.db, () =>
      this.withConnectors(signal, { approveDeletions: false, approveAdoptions: false }, async (c) => c.plan),
    )
  }

  /**
   * A real run: plan, guards, then the home directory and the target. The summary says what happened; it
   * throws only PlanChangedError, when the plan is not the one the admin confirmed (nothing written).
   */
  run(options: RunOptions): Promise<DirectoryRunSummary> {
    const run = this.runLocked(options)
    this.running = run
    return run
  }

  /** Resolves when no run of this process is writing (the core waits for it before closing the database). */
  async settled(): Promise<void> {
    await this.running
  }

  private async runLocked(options: RunOptions): Promise<DirectoryRunSummary> {
    const startedAt = this.deps.now()
    if (!this.deps.state.tryLock(this.owner, startedAt)) {
      return this.summary(
        startedAt,
        'blocked',
        {
          ja: '別のディレクトリ同期が実行中です。終わってからもう一度実行してください。',
          en: 'Another directory run is in progress. Try again when it has finished.',
        },
        0,
        0,
        false,
      )
    }
    this.deps.onStatus(this.status())
    try {
      return await this.withConnectors(options.signal, options, async (computed, target, config) => {
        if (options.confirmedPlan !== null && options.confirmedPlan !== computed.plan.fingerprint) {
          throw new PlanChangedError()
        }
        options.onConfirmed?.()
        this.deps.history.appendMany(sourceWarningEntries(computed.plan.sourceNotices))
        if (computed.plan.blocked) return this.blocked(startedAt, computed.plan)
        const result = await applyComputedRun(computed, target, {
          ...this.deps,
          owner: this.owner,
          signal: options.signal,
          initialPassword: target ? await this.deps.connectors.initialPassword() : null,
          targetName: targetName(config),
          ledger: this.ledger(config),
          approveAdoptions: options.approveAdoptions,
        })
        return this.summary(startedAt, result.outcome, result.message, result.applied, result.failed, true)
      })
    } catch (error) {
      if (error instanceof PlanChangedError) throw error
      this.deps.history.appendMany(failureProblems(error))
      return this.summary(startedAt, 'error', failureMessage(error), 0, 0, true)
    } finally {
      this.deps.state.unlock(this.owner)
      this.deps.onStatus(this.status())
    }
  }

  private ledger(config: DirectoryConfig): OwnershipLedger {
    return new OwnershipLedger(this.deps.db, ownershipScope(config))
  }

  private async withConnectors<T>(
    signal: AbortSignal,
    approvals: Pick<RunOptions, 'approveDeletions' | 'approveAdoptions'>,
    use: (
      computed: ComputedRun,
      target: DirectoryTargetConnector | null,
      config: DirectoryConfig,
    ) => Promise<T>,
  ): Promise<T> {
    const { deps } = this
    const config = deps.config.get()
    const source = await deps.connectors.source(config.source)
    if (!source) throw new ConnectorError('permanent', noSource)
    const progress = (phase: DirectoryProgress['phase'], done: number, total: number | null): void => {
      deps.state.heartbeat(this.owner, deps.now())
      deps.onProgress({ phase, done, total })
    }
    progress('reading', 0, null)
    const read = await readValidSource(source, signal, (p) => progress('reading', p.read, null))
    // The target is read after the source, not beside it: both reads' garbage at once raised the peak
    // memory of a 100,000-person LDAP preview by ~50 MB (381 → 331 MB) for no time a 2-core machine showed.
    const target = await deps.connectors.target(config.target)
    const targetState = target
      ? target.read(signal, { watchGroups: config.exclusions.groups })
      : Promise.resolve(null)
    // Awaited while planning; a failure before that must not surface as an unhandled rejection.
    targetState.catch(() => undefined)
    try {
      progress('planning', 0, null)
      const computed = await computeDirectoryRun({
        config,
        read,
        home: deps.home,
        homeCounts: () => deps.home.counts(),
        targetState,
        suspendedSince: deps.state.suspendedSince(),
        ...approvals,
        ownership: this.ledger(config).records(),
        now: deps.now(),
      })
      return await use(computed, target, config)
    } finally {
      await targetState.catch(() => undefined)
      await target?.close()
    }
  }

  private blocked(startedAt: number, plan: DirectoryPlan): DirectoryRunSummary {
    const reason = plan.blocked!
    this.deps.history.append({
      direction: 'local',
      category: 'directory',
      level: 'error',
      message: reason.ja,
      messageEn: reason.en,
      detail: { licence: plan.licence, deletion: plan.deletion, counts: plan.counts },
    })
    return this.summary(startedAt, 'blocked', reason, 0, 0, true)
  }

  private summary(
    startedAt: number,
    outcome: DirectoryRunSummary['outcome'],
    message: Localized,
    applied: number,
    failed: number,
    save: boolean,
  ): DirectoryRunSummary {
    const summary = { startedAt, finishedAt: this.deps.now(), outcome, message, applied, failed }
    if (save) this.deps.state.saveLastRun(summary)
    return summary
  }
}
