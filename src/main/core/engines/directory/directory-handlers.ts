import type { ApiHandlers } from '../../../../shared/api'
import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import { writeAudit } from '../../audit'
import { ConnectorError } from '../../connectors/connector-error'
import { probeCsvHeaders } from '../../connectors/csv/csv-header-probe'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import type { HistoryRepository } from '../../history/history-repository'
import type { Scheduler } from '../../scheduler/scheduler'
import type { DirectoryConfigRepository } from './directory-config-repository'
import { SourceInputError } from './directory-connectors'
import type { DirectoryEngine } from './directory-engine'
import { limitPlan } from './directory-planner'
import { directoryJobId, directoryJobResult, directorySchedule } from './directory-job'
import { previewMissing } from './plan-fingerprint'
import { failureMessage } from './run-failures'
import { problemReport } from './source-problems'

type DirectoryHandlers = Pick<ApiHandlers, Extract<keyof ApiHandlers, `directory.${string}`>>

export interface DirectoryHandlerDeps {
  readonly engine: DirectoryEngine
  readonly config: DirectoryConfigRepository
  readonly home: HomeDirectoryRepository
  readonly history: HistoryRepository
  readonly scheduler: Scheduler
  readonly signal: AbortSignal
  readonly statusChanged: () => void
}

/** A plain-LDAP connection sends the bind password unencrypted: refuse it unless the admin opted in. */
function checkPlainLdap(config: DirectoryConfig): void {
  for (const side of [config.source, config.target]) {
    if (side.kind === 'ldap' && side.security === 'plain' && !side.allowPlain) {
      throw new ApiError('invalid-input', {
        ja: '暗号化なしの LDAP (ldap://) ではバインドパスワードが平文で流れます。LDAPS か StartTLS を選ぶか、「暗号化なしを許可する」をオンにしてください。',
        en: 'Plain LDAP (ldap://) sends the bind password unencrypted. Choose LDAPS or StartTLS, or turn on "Allow unencrypted".',
      })
    }
  }
}

/** A source with problems fails the preview with every problem in the error's detail (the UI pages them). */
async function planOrError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const detail = error instanceof SourceInputError ? { sourceProblems: problemReport(error) } : undefined
    throw new ApiError('import-failed', failureMessage(error), detail)
  }
}

/** The audit line of "run now": what the admin approved for this one run. */
function runAudit(deletions: boolean, adoptions: boolean): Localized {
  const approved = [
    ...(deletions ? [{ ja: '削除', en: 'deletions' }] : []),
    ...(adoptions ? [{ ja: '既存アカウントの引き継ぎ', en: 'adoptions' }] : []),
  ]
  if (approved.length === 0)
    return { ja: 'ディレクトリ同期を今すぐ実行しました', en: 'Ran directory sync now' }
  return {
    ja: `${approved.map((a) => a.ja).join('と')}を承認してディレクトリ同期を実行しました（今回のみ）`,
    en: `Ran directory sync with ${approved.map((a) => a.en).join(' and ')} approved (this run only)`,
  }
}

/** The directory part of the API contract. */
export function createDirectoryHandlers(deps: DirectoryHandlerDeps): DirectoryHandlers {
  const { engine, history } = deps
  return {
    'directory.status': async () => engine.status(),
    'directory.config.get': async () => deps.config.get(),
    'directory.config.update': async (patch) => {
      const { after, changed } = deps.config.update(patch, checkPlainLdap)
      if (!changed) return after
      deps.scheduler.reschedule(directoryJobId, directorySchedule(after))
      writeAudit(
        history,
        { ja: 'ディレクトリ同期の設定を変更しました', en: 'Directory sync settings changed' },
        { patch, config: after },
      )
      deps.statusChanged()
      return after
    },
    'directory.check': async ({ side, config, secret }) =>
      engine.check(
        side,
        config === undefined ? deps.config.get() : deps.config.draft(config, checkPlainLdap),
        secret,
      ),
    'directory.csv.headers': async ({ file, encoding, lookFor }) => {
      try {
        return await probeCsvHeaders(file, encoding, lookFor)
      } catch (error) {
        if (error instanceof ConnectorError) throw new ApiError('invalid-input', error.localized)
        throw error
      }
    },
    'directory.preview': async ({ limit }) =>
      limitPlan(await planOrError(() => engine.preview(deps.signal)), limit),
    'directory.run': async ({ plan, approveDeletions, approveAdoptions }) => {
      if (plan === undefined) throw previewMissing()
      // Through the scheduler, so the jobs table shows this run like a scheduled one.
      const summary = await deps.scheduler.track(
        directoryJobId,
        () =>
          engine.run({
            approveDeletions,
            approveAdoptions,
            confirmedPlan: plan,
            onConfirmed: () =>
              writeAudit(history, runAudit(approveDeletions, approveAdoptions), {
                approveDeletions,
                approveAdoptions,
              }),
            signal: deps.signal,
          }),
        directoryJobResult,
      )
      const level = summary.outcome === 'ok' ? 'info' : summary.outcome === 'warning' ? 'warning' : 'error'
      history.append({
        direction: 'local',
        category: 'directory',
        level,
        message: summary.message.ja,
        messageEn: summary.message.en,
        detail: summary,
      })
      return summary
    },
    'directory.departments': async () => deps.home.departments(),
    'directory.employees': async (query) => deps.home.employees(query),
    'directory.positions': async () => deps.home.positions(),
    'directory.groups': async () => deps.home.groups(),
  }
}
