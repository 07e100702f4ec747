/**
 * Requests the partner endpoint refused for their signature (the listener reports only those: unsigned,
 * unknown key, tampered, stale, replayed) go to the history: who tried what from where.
 */
import type { PartnerRefusalEvent } from '../../connectors/peer/partner-listener'
import { partnerRefusal } from '../../connectors/peer/partner-refusals'
import type { HistoryRepository } from '../../history/history-repository'
import { linkCategory } from './link-context'

export function recordPartnerRefusal(history: HistoryRepository, refusal: PartnerRefusalEvent): void {
  const text = partnerRefusal(refusal.code)
  history.append({
    direction: 'receive',
    category: linkCategory,
    level: 'warning',
    message: `連携先エンドポイントが ${refusal.remoteAddress} からの要求（${refusal.path}）を拒否しました: ${text.ja}`,
    messageEn: `The partner endpoint refused a request from ${refusal.remoteAddress} (${refusal.path}): ${text.en}`,
  })
}
