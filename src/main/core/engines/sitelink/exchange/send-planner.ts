import type { LinkDataKind } from '../../../../../shared/model/sitelink'
import type { OutboxRepository, PlannedUpsert } from './outbox-repository'
import type { ExportPage } from './home-export'

export interface PlanKindInput {
  readonly linkId: string
  readonly kind: LinkDataKind
  readonly pages: AsyncIterable<ExportPage>
  /** Schedules: items that ended before it leave the sent state without a delete (partners keep the past). */
  readonly windowStart: number | null
  /** Items per batch. */
  readonly chunkSize: number
  readonly now: () => number
  readonly signal: AbortSignal
}

export interface PlanKindResult {
  readonly upserts: number
  readonly deletes: number
}

/**
 * Diffs the export of one kind against what the partner holds (the sent state) and writes the difference as
 * numbered batches. Each batch is written with the sent state it leads to in one short transaction; a crash
 * between two leaves the rest for the next plan, which finds it again by the same diff.
 */
export async function planKind(outbox: OutboxRepository, input: PlanKindInput): Promise<PlanKindResult> {
  const { linkId, kind, chunkSize } = input
  const sent = outbox.sentState(linkId, kind)
  let reset = outbox.kindState(linkId, kind).resetPending
    ? { from: kind === 'schedule' ? input.windowStart : null }
    : undefined
  let upserts: PlannedUpsert[] = []
  let total = { upserts: 0, deletes: 0 }
  const flush = (deletes: string[] = [], dropped: string[] = []): void => {
    outbox.writeChunk(linkId, kind, { upserts, deletes, dropped, ...(reset ? { reset } : {}) }, input.now())
    total = { upserts: total.upserts + upserts.length, deletes: total.deletes + deletes.length }
    upserts = []
    reset = undefined
  }
  for await (const page of input.pages) {
    if (input.signal.aborted) return total
    for (const { key, hash, until } of page.items) {
      const before = sent.get(key)
      sent.delete(key)
      if (before?.hash !== hash) upserts.push({ key, data: page.data(key), hash, until })
      if (upserts.length >= chunkSize) flush()
    }
  }
  if (input.signal.aborted) return total
  // What the partner holds and the export no longer has: deleted at home, unless a schedule just aged out.
  const gone = [...sent.entries()]
  const aged = (until: number | null): boolean =>
    input.windowStart !== null && until !== null && until < input.windowStart
  const deletes = gone.filter(([, s]) => !aged(s.until)).map(([key]) => key)
  const dropped = gone.filter(([, s]) => aged(s.until)).map(([key]) => key)
  // The last upserts share a batch with the first deletes (a 1% change is one batch).
  for (let at = 0; upserts.length > 0 || reset || at < Math.max(deletes.length, dropped.length);) {
    const room = chunkSize - upserts.length
    flush(deletes.slice(at, at + room), dropped.slice(at, at + room))
    at += room
  }
  outbox.kindPlanned(linkId, kind)
  return total
}
