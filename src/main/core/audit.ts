import type { Localized } from '../../shared/model/localized'
import type { PermissionRepair } from './data-dir'
import type { HistoryRepository } from './history/history-repository'

/** Admin actions go to the sync history too (category "audit"), so one search shows who changed what and when. */
export function writeAudit(history: HistoryRepository, message: Localized, detail?: unknown): void {
  history.append({
    direction: 'local',
    category: 'audit',
    level: 'info',
    message: message.ja,
    messageEn: message.en,
    detail: detail ?? null,
  })
}

/** Says which files of the data directory other local users could read until this start. */
export function recordModeRepairs(history: HistoryRepository, repairs: readonly PermissionRepair[]): void {
  if (repairs.length === 0) return
  const paths = repairs.map((r) => r.path).join(', ')
  history.append({
    direction: 'local',
    category: 'audit',
    level: 'warning',
    message: `データフォルダーの ${repairs.length} 件のファイル・フォルダーが他のユーザーから読める状態だったため、所有者だけが使えるよう修正しました: ${paths}`,
    messageEn: `${repairs.length} files or folders of the data directory were readable by other users and are now owner-only: ${paths}`,
    detail: { repaired: repairs },
  })
}
