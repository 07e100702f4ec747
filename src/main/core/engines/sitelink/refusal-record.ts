/**
 * Requests the partner endpoint refused for their signature (unsigned, unknown key, tampered, stale,
 * replayed) go to the history: who tried what from where. Unknown paths are not recorded — every scanner
 * on the Internet would fill the history with them.
 */
import type { PartnerRefusalEvent } from '../../connectors/peer/partner-listener'
import { partnerRefusal, type PartnerRefusalCode } from '../../connectors/peer/partner-refusals'
import type { HistoryRepository } from '../../history/history-repository'
import { linkCategory } from './link-context'

const recorded: ReadonlySet<PartnerRefusalCode> = new Set<PartnerRefusalCode>([
  'unsigned',
  'unknown-key',
  'bad-signature',
  'digest-mismatch',
  'stale',
  'replay',
])

export function recordPartnerRefusal(history: HistoryRepository, refusal: PartnerRefusalEvent): void {
  if (!recorded.has(refusal.code)) return
  const text = partnerRefusal(refusal.code)
  history.append({
    direction: 'receive',
    category: linkCategory,
    level: 'warning',
    message: `連携先エンドポイントが ${refusal.remoteAddress} からの要求（${refusal.path}）を拒否しました: ${text.ja}`,
    messageEn: `The partner endpoint refused a request from ${refusal.remoteAddress} (${refusal.path}): ${text.en}`,
  })
}
