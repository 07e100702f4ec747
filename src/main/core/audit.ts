import type { HistoryEntry } from '../../shared/model/history'
import type { Localized } from '../../shared/model/localized'
import type { PermissionRepair } from './data-dir'
import type { HistoryRepository } from './history/history-repository'

/** Admin actions go to the sync history too (category "audit"), so one search shows who changed what and when. */
export function writeAudit(history: HistoryRepository, message: Localized, detail?: unknown): HistoryEntry {
  return history.append({
    direction: 'local',
    category: 'audit',
    level: 'info',
    message: message.ja,
    messageEn: message.en,
    detail: detail ?? null,
  })
}

/** Says which files of the data directory other local users could read until this start (or still can). */
export function recordModeRepairs(history: HistoryRepository, repairs: readonly PermissionRepair[]): void {
  if (repairs.length === 0) return
  const done = repairs.filter((r) => r.failed === undefined).map((r) => r.path)
  const failed = repairs.filter((r) => r.failed !== undefined).map((r) => `${r.path} (${r.failed})`)
  const ja = [
    done.length
      ? `他のユーザーから読める状態だった ${done.length} 件を所有者だけが使えるよう修正しました: ${done.join(', ')}`
      : '',
    failed.length
      ? `次の ${failed.length} 件は修正できませんでした。所有者と権限を確認してください: ${failed.join(', ')}`
      : '',
  ]
  const en = [
    done.length
      ? `${done.length} files or folders were readable by other users and are now owner-only: ${done.join(', ')}`
      : '',
    failed.length
      ? `${failed.length} could not be changed; check their owner and mode: ${failed.join(', ')}`
      : '',
  ]
  history.append({
    direction: 'local',
    category: 'audit',
    level: 'warning',
    message: `データフォルダー: ${ja.filter(Boolean).join(' / ')}`,
    messageEn: `Data directory: ${en.filter(Boolean).join(' / ')}`,
    detail: { repaired: repairs },
  })
}
