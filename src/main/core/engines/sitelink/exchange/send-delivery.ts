import type { Localized } from '../../../../../shared/model/localized'
import type { LinkSendOutcome } from '../../../../../shared/model/sitelink-exchange'
import type { PartnerClient } from '../sitelink-ports'
import type { ExchangeLink } from './exchange-ports'
import { batchAck, batchPath } from './exchange-wire'
import type { OutboxRepository } from './outbox-repository'

const minute = 60_000

/** 15, 30, then every 60 minutes: a partner down for days is tried hourly and gets everything after. */
export function retryDelay(failures: number): number {
  return Math.min(15 * minute * 2 ** Math.max(failures - 1, 0), 60 * minute)
}

/** The partner's own words when it sent some (PartnerRequestError, ApiError), else the error's. */
export function failureText(error: unknown): Localized {
  const localized = (error as { localized?: unknown } | null)?.localized as Localized | undefined
  if (localized && typeof localized.ja === 'string' && typeof localized.en === 'string') return localized
  const reason = error instanceof Error ? error.message : String(error)
  return {
    ja: `連携先への送信に失敗しました: ${reason}。次の送信のタイミングで再送します。`,
    en: `Sending to the partner failed: ${reason}. It is sent again at the next timing.`,
  }
}

export interface DeliverDeps {
  readonly outbox: OutboxRepository
  readonly client: PartnerClient
  readonly now: () => number
}

/**
 * Sends the link's batches oldest first, each marked delivered only on the partner's acknowledgement of
 * that number. The first failure stops this link (the partner is likely down) and sets its backoff; the
 * batches stay in the outbox, so nothing is lost and the receiver's numbering keeps anything from applying twice.
 */
export async function deliverLink(
  link: ExchangeLink,
  deps: DeliverDeps,
  signal: AbortSignal,
): Promise<LinkSendOutcome> {
  const { outbox } = deps
  let delivered = 0
  for (;;) {
    if (signal.aborted) break
    const entry = outbox.nextEntry(link.id)
    if (!entry) break
    try {
      const answer = await deps.client.send(link.linkUrl, {
        method: 'POST',
        path: batchPath,
        body: JSON.parse(entry.body) as unknown,
      })
      const ack = batchAck.safeParse(answer)
      if (!ack.success || ack.data.seq !== entry.seq)
        throw new Error(`unexpected answer to batch ${entry.seq}`)
    } catch (error) {
      const failures = outbox.sendState(link.id).failures + 1
      const text = failureText(error)
      outbox.failed(link.id, text, deps.now() + retryDelay(failures))
      return { linkId: link.id, delivered, pending: outbox.pendingCount(link.id), error: text }
    }
    // Checked after the await: a clear during the call may have dropped the entry already (a no-op then).
    outbox.delivered(link.id, entry.id, deps.now())
    delivered++
  }
  return { linkId: link.id, delivered, pending: outbox.pendingCount(link.id), error: null }
}
