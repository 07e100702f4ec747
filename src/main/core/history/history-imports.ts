import type { Db } from '../store/database'

/** An import whose process has not written for this long is dead even if its pid was reused. */
const staleAfterMs = 10 * 60_000
/** Entries removed per transaction when a failed or killed import is cleared away. */
const discardBatchRows = 2000

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The record that makes an import all-or-nothing without one long lock: entries are written in short
 * transactions tagged with the import's id, and every query hides them until `complete` deletes the
 * import's row (one tiny transaction). A failed import is discarded; a killed one is swept later.
 */
export class HistoryImports {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  begin(file: string): number {
    const at = this.now()
    return Number(
      this.db
        .prepare('INSERT INTO history_imports (file, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?)')
        .run(file, process.pid, at, at).lastInsertRowid,
    )
  }

  /** Says "still alive" so a long import is never taken for a killed one. */
  heartbeat(id: number): void {
    this.db.prepare('UPDATE history_imports SET heartbeat_at = ? WHERE id = ?').run(this.now(), id)
  }

  /** The moment every entry of the import becomes visible at once. */
  complete(id: number): void {
    this.db.prepare('DELETE FROM history_imports WHERE id = ?').run(id)
  }

  /** Removes an import's entries in short transactions, then its record. */
  discard(id: number): number {
    const remove = this.db.prepare(
      'DELETE FROM history WHERE id IN (SELECT id FROM history WHERE import_id = ? LIMIT ?)',
    )
    let removed = 0
    for (;;) {
      const changes = remove.run(id, discardBatchRows).changes
      removed += changes
      if (changes < discardBatchRows) break
    }
    this.complete(id)
    return removed
  }

  /** Discards imports whose process died (kill -9, crash, power loss) before completing. */
  sweepStale(): number {
    const rows = this.db.prepare('SELECT id, pid, heartbeat_at FROM history_imports').all() as {
      id: number
      pid: number
      heartbeat_at: number
    }[]
    let removed = 0
    for (const row of rows) {
      const silent = this.now() - row.heartbeat_at > staleAfterMs
      if (silent || !processAlive(row.pid)) removed += this.discard(row.id)
    }
    return removed
  }
}
