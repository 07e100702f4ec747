import type { HistoryRepository } from './history-repository'

export interface PruneResult {
  readonly deleted: number
  readonly batches: number
  readonly longestBatchMs: number
  /** Months of text index dropped whole, and the longest drop (one transaction each). */
  readonly droppedMonths: number
  readonly longestDropMs: number
  readonly totalMs: number
}

const targetBatchMs = 4
const minBatch = 50
/** Small on purpose: the first batch runs on a cold cache, before anything is known about the speed. */
const firstBatch = 200
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

export interface PruneOptions {
  readonly shouldStop?: () => boolean
  /** Runs inside each batch's transaction with the total deleted so far (the audit line's progress). */
  readonly recordProgress?: (deleted: number) => void
  /** Told each batch's time and size (the bench's distribution). */
  readonly onBatch?: (ms: number, size: number) => void
}

/**
 * Deletes entries older than the cutoff in short transactions, yielding to the event loop between
 * them (and resting as long) so the UI, running jobs and other processes never wait long. The batch
 * size adapts to keep each one near 4 ms (goal: every batch under 50 ms at 5 million entries).
 */
export async function pruneHistory(
  history: HistoryRepository,
  cutoff: number,
  { shouldStop = () => false, recordProgress, onBatch }: PruneOptions = {},
): Promise<PruneResult> {
  const started = performance.now()
  let batchSize = firstBatch
  let deleted = 0
  let batches = 0
  let longestBatchMs = 0
  // The WAL is checkpointed between batches instead of inside a batch's commit (PASSIVE: it blocks
  // neither readers nor writers), so copying pages back never lengthens the time the lock is held.
  const restoreCheckpoints = history.checkpointManually()
  try {
    while (!shouldStop()) {
      const batchStart = performance.now()
      const removed = history.deleteOlderThan(cutoff, batchSize, (n) => recordProgress?.(deleted + n))
      const elapsed = performance.now() - batchStart
      longestBatchMs = Math.max(longestBatchMs, elapsed)
      onBatch?.(elapsed, removed)
      deleted += removed
      batches++
      history.checkpoint()
      if (removed < batchSize) break
      // Aim the next batch at the target time, growing at most 1.5x and shrinking at most 2x per step.
      const scale = Math.min(1.5, Math.max(0.5, targetBatchMs / Math.max(elapsed, 0.1)))
      batchSize = Math.min(maxBatch, Math.max(minBatch, Math.round(batchSize * scale)))
      // Rest as long as the batch took: SQLite's lock is not a queue, and a writer that starts its next
      // batch at once starves the app's writes (they retry now and then and always find it taken).
      await new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(elapsed)))
    }
  } finally {
    restoreCheckpoints()
  }
  const drop = shouldStop() ? { dropped: 0, longestMs: 0 } : history.dropTextIndexOlderThan(cutoff)
  if (deleted > 0) history.optimize()
  return {
    deleted,
    batches,
    longestBatchMs,
    droppedMonths: drop.dropped,
    longestDropMs: drop.longestMs,
    totalMs: performance.now() - started,
  }
}
