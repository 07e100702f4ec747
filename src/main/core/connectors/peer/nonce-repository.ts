import type { Db } from '../../store/database'

/** Nonces are kept twice the accepted clock window, so a replay inside the window is always caught. */
export const nonceRetentionMs = 10 * 60_000

/** The replay guard's memory (migration 011), pruned on every use. */
export class LinkNonceRepository {
  constructor(private readonly db: Db) {}

  /** Records a verified request's nonce; false when this key already used it (a replay). */
  remember(keyId: string, nonce: string, now: number): boolean {
    return this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM link_nonces WHERE seen_at < ?').run(now - nonceRetentionMs)
        const inserted = this.db
          .prepare('INSERT OR IGNORE INTO link_nonces (key_id, nonce, seen_at) VALUES (?, ?, ?)')
          .run(keyId, nonce, now)
        return inserted.changes === 1
      })
      .immediate()
  }
}
