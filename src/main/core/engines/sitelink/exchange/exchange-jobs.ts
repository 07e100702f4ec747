import type { Localized } from '../../../../../shared/model/localized'
import type { LinkSendResult } from '../../../../../shared/model/sitelink-exchange'
import type { JobDefinition, JobRunResult } from '../../../scheduler/job'
import { sentMessage, waitingForImport } from './exchange-messages'
import type { SiteExchange } from './site-exchange'

export const linkSendJobId = 'sitelink.send'

/** Seed 送信のタイミング: 15 minutes after the last plan; constant edits cannot put it off past 60. */
export const sendDelayMinutes = 15
export const sendMaxDelayMinutes = 60

/** A send as the jobs table shows it: one partner down is a warning (it is retried), not a failed job. */
export function sendJobResult(result: LinkSendResult): JobRunResult {
  const failed = result.links.filter((link) => link.error !== null)
  const delivered = result.links.reduce((sum, link) => sum + link.delivered, 0)
  const pending = result.links.reduce((sum, link) => sum + link.pending, 0)
  const sent = sentMessage(delivered, pending)
  const message: Localized = failed.length
    ? {
        ja: `${sent.ja}（${failed.length} サイトに送信できませんでした: ${failed[0]!.error!.ja}）`,
        en: `${sent.en} (${failed.length} sites could not be reached: ${failed[0]!.error!.en})`,
      }
    : sent
  return { outcome: failed.length ? 'warning' : 'ok', message }
}

export function createLinkSendJob(
  exchange: SiteExchange,
  importInProgress: () => boolean,
  putOff: () => void,
): JobDefinition {
  return {
    id: linkSendJobId,
    title: { ja: 'リンク送信', en: 'Site link send' },
    schedule: { kind: 'debounce', delayMinutes: sendDelayMinutes, maxDelayMinutes: sendMaxDelayMinutes },
    async run({ signal, trigger }) {
      // Seed: a CSV import running when the send would start → wait another 15 minutes. A trigger during
      // the run starts a fresh burst, so the job comes back 15 minutes from now.
      if (importInProgress()) {
        putOff()
        return { outcome: 'ok', message: waitingForImport }
      }
      // 「今すぐ実行」 on the Dashboard is 「今すぐ送信」: every kind diffed, backoff ignored.
      const manual = trigger === 'manual'
      const result = sendJobResult(
        await exchange.send(undefined, signal, { scheduled: !manual, full: manual }),
      )
      // Batches a partner did not take come back with the next timing (their backoff decides whether they go).
      if (exchange.hasPending()) putOff()
      return result
    },
  }
}
