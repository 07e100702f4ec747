import type { HistoryEntry } from '../../shared/model/history'
import type { Localized } from '../../shared/model/localized'
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
