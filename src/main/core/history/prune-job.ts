import type { JobDefinition } from '../scheduler/job'
import type { SettingsRepository } from '../settings/settings-repository'
import type { HistoryRepository } from './history-repository'
import { pruneHistory, retentionCutoff } from './history-pruner'

export const pruneJobId = 'history.prune'

/** Daily, unattended: removes entries older than the retention period (the seed's 1 year by default). */
export function createPruneJob(
  history: HistoryRepository,
  settings: SettingsRepository,
  now: () => number,
): JobDefinition {
  return {
    id: pruneJobId,
    title: { ja: '同期履歴の自動削除', en: 'Sync history pruning' },
    schedule: { kind: 'daily', at: '03:30' },
    async run({ signal }) {
      const months = settings.get().historyRetentionMonths
      const result = await pruneHistory(history, retentionCutoff(now(), months), {
        shouldStop: () => signal.aborted,
      })
      const period = months % 12 === 0 ? `${months / 12}年` : `${months}か月`
      const periodEn = months % 12 === 0 ? `${months / 12} year(s)` : `${months} month(s)`
      return {
        outcome: 'ok',
        message: {
          ja: `${period}より前の履歴を ${result.deleted} 件削除しました`,
          en: `Removed ${result.deleted} entries older than ${periodEn}`,
        },
      }
    },
  }
}
