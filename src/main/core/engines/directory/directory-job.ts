import type { DirectoryRunSummary } from '../../../../shared/model/directory'
import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import type { Schedule } from '../../../../shared/model/jobs'
import type { JobDefinition, JobRunResult } from '../../scheduler/job'
import type { DirectoryEngine } from './directory-engine'

export const directoryJobId = 'directory.sync'

/** Seed ②: daily at the set time while sync is on and a source exists; otherwise only "run now". */
export function directorySchedule(config: DirectoryConfig): Schedule {
  return config.scheduleEnabled && config.source.kind !== 'none'
    ? { kind: 'daily', at: config.at }
    : { kind: 'manual' }
}

/** A run as the jobs table shows it, whoever started it: a run the guards blocked did not sync. */
export function directoryJobResult(summary: DirectoryRunSummary): JobRunResult {
  return { outcome: summary.outcome === 'blocked' ? 'error' : summary.outcome, message: summary.message }
}

export function createDirectoryJob(engine: DirectoryEngine, config: DirectoryConfig): JobDefinition {
  return {
    id: directoryJobId,
    title: { ja: 'ディレクトリ同期', en: 'Directory sync' },
    schedule: directorySchedule(config),
    // An LDAP or SCIM target may be production: "run now" goes through the preview's confirmation.
    needsConfirmation: true,
    async run({ signal }) {
      return directoryJobResult(
        await engine.run({
          approveDeletions: false,
          approveAdoptions: false,
          // The daily run the admin switched on; "run now" never reaches it (needsConfirmation).
          confirmedPlan: null,
          signal,
        }),
      )
    },
  }
}
