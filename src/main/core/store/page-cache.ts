import type { Db } from './database'

/** What a whole-table pass needs: the pages it reads are never read again in the same pass. */
const scanCacheKib = 2048

/**
 * Runs `work` with a small SQLite page cache, then restores the connection's own. A directory run reads
 * the home directory and the ownership ledger once each, end to end (100,000 rows): through the normal
 * 64 MiB cache those pages alone added ~65 MB to the preview's peak memory, and nothing reads them twice.
 */
export async function withScanPageCache<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const usual = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = -${scanCacheKib}`)
  try {
    return await work()
  } finally {
    db.pragma(`cache_size = ${usual}`)
  }
}
