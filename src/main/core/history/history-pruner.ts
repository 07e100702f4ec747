import type { HistoryRepository } from './history-repository'

export interface PruneResult {
  readonly deleted: number
  readonly batches: number
  readonly longestBatchMs: number
  readonly totalMs: number
}

const targetBatchMs = 20
const minBatch = 200
const maxBatch = 20_000

/** Cutoff for "older than N months" in the machine's calendar (1 year = 12 months, leap days included). */
export function retentionCutoff(now: number, months: number): number {
  const d = new Date(now)
  d.setMonth(d.getMonth() - months)
  return d.getTime()
}

/** Parses the CLI's `--older-than`: 1y, 18m, 90d. */
export function parseAge(text: string, now: number): number {
  const match = /^(\d{1,4})([ymd])$/.exec(text.trim())
  if (!match) throw new Error(`"${text}" is not an age: use a number followed by y, m or d (1y, 18m, 90d).`)
  const n = Number(match[1])
  if (match[2] === 'd') return now - n * 86_400_000
  return retentionCutoff(now, match[2] === 'y' ? n * 12 : n)
}

/**
 * Deletes entries older than the cutoff in short transactions, yielding to the event loop between
 * them so the UI and running jobs never wait long. The batch size adapts to keep each one near 20 ms.
 */
export async function pruneHistory(
  history: HistoryRepository,
  cutoff: number,
  shouldStop: () => boolean = () => false,
): Promise<PruneResult> {
  const started = performance.now()
  let batchSize = 2000
  let deleted = 0
  let batches = 0
  let longestBatchMs = 0
  while (!shouldStop()) {
    const batchStart = performance.now()
    const removed = history.deleteOlderThan(cutoff, batchSize)
    const elapsed = performance.now() - batchStart
    longestBatchMs = Math.max(longestBatchMs, elapsed)
    deleted += removed
    batches++
    if (removed < batchSize) break
    if (elapsed < targetBatchMs / 2) batchSize = Math.min(maxBatch, batchSize * 2)
    else if (elapsed > targetBatchMs) batchSize = Math.max(minBatch, Math.floor(batchSize / 2))
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return { deleted, batches, longestBatchMs, totalMs: performance.now() - started }
}
