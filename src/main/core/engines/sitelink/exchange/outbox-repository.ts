import type { Localized } from '../../../../../shared/model/localized'
import { linkDataKinds, type LinkDataKind } from '../../../../../shared/model/sitelink'
import type { Db } from '../../../store/database'
import type { LinkBatch } from './exchange-wire'

export interface SentItem {
  readonly hash: string
  readonly until: number | null
}

export interface PlannedUpsert {
  readonly key: string
  readonly data: unknown
  readonly hash: string
  readonly until: number | null
}

/** One chunk of a plan: written with the sent state it leads to, in one short transaction. */
export interface PlannedChunk {
  readonly upserts: readonly PlannedUpsert[]
  readonly deletes: readonly string[]
  /** Sent-state rows that leave without a batch (schedules that fell out of the export window). */
  readonly dropped: readonly string[]
  readonly reset?: { readonly from: number | null }
}

export interface OutboxEntry {
  readonly id: number
  readonly kind: LinkDataKind
  readonly seq: number
  readonly body: string
}

export interface SendState {
  readonly lastSendAt: number | null
  readonly failures: number
  readonly retryAt: number | null
  readonly lastError: Localized | null
}

interface KindState {
  readonly nextSeq: number
  readonly dirty: boolean
  readonly resetPending: boolean
}

/**
 * The sender's side of the exchange in SQLite. Every write is one short transaction (one chunk of at most a
 * few thousand items), so the app's own writes never wait long, and a crash between two leaves a state the
 * next plan continues from: a batch and the sent state it implies are committed together or not at all.
 */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  sentState(linkId: string, kind: LinkDataKind): Map<string, SentItem> {
    const rows = this.db
      .prepare('SELECT key, hash, until FROM link_sent WHERE link_id = ? AND kind = ?')
      .raw()
      .iterate(linkId, kind) as IterableIterator<[string, string, number | null]>
    const sent = new Map<string, SentItem>()
    for (const [key, hash, until] of rows) sent.set(key, { hash, until })
    return sent
  }

  kindState(linkId: string, kind: LinkDataKind): KindState {
    const row = this.db
      .prepare('SELECT next_seq, dirty, reset_pending FROM link_kind_state WHERE link_id = ? AND kind = ?')
      .raw()
      .get(linkId, kind) as [number, number, number] | undefined
    return row
      ? { nextSeq: row[0], dirty: row[1] === 1, resetPending: row[2] === 1 }
      : { nextSeq: 1, dirty: false, resetPending: false }
  }

  /** Kinds a link must plan whatever the plan says: a cleared batch or a relink left them dirty. */
  dirtyKinds(linkId: string): LinkDataKind[] {
    return this.db
      .prepare('SELECT kind FROM link_kind_state WHERE link_id = ? AND dirty = 1')
      .pluck()
      .all(linkId) as LinkDataKind[]
  }

  /** Kinds never planned for the link: a link just started gets everything at its first send. */
  newKinds(linkId: string): LinkDataKind[] {
    const known = new Set(
      this.db.prepare('SELECT kind FROM link_kind_state WHERE link_id = ?').pluck().all(linkId) as string[],
    )
    return linkDataKinds.filter((kind) => !known.has(kind))
  }

  writeChunk(linkId: string, kind: LinkDataKind, chunk: PlannedChunk, now: number): void {
    const upsertSent = this.db.prepare(
      `INSERT INTO link_sent (link_id, kind, key, hash, until) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (link_id, kind, key) DO UPDATE SET hash = excluded.hash, until = excluded.until`,
    )
    const removeSent = this.db.prepare('DELETE FROM link_sent WHERE link_id = ? AND kind = ? AND key = ?')
    this.db.transaction(() => {
      const state = this.kindState(linkId, kind)
      const sends = chunk.upserts.length > 0 || chunk.deletes.length > 0 || chunk.reset !== undefined
      if (sends) {
        const batch: LinkBatch = {
          v: 1,
          kind,
          seq: state.nextSeq,
          ...(chunk.reset ? { reset: chunk.reset } : {}),
          upserts: chunk.upserts.map(({ key, data }) => ({ key, data })),
          deletes: [...chunk.deletes],
        }
        this.db
          .prepare(
            'INSERT INTO link_outbox (link_id, kind, seq, items, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(
            linkId,
            kind,
            state.nextSeq,
            chunk.upserts.length + chunk.deletes.length,
            JSON.stringify(batch),
            now,
          )
      }
      for (const u of chunk.upserts) upsertSent.run(linkId, kind, u.key, u.hash, u.until)
      for (const key of [...chunk.deletes, ...chunk.dropped]) removeSent.run(linkId, kind, key)
      this.saveKindState(linkId, kind, {
        nextSeq: state.nextSeq + (sends ? 1 : 0),
        dirty: state.dirty,
        resetPending: state.resetPending && chunk.reset === undefined,
      })
    })()
  }

  /** Every chunk of the kind is written: it is no longer dirty. */
  kindPlanned(linkId: string, kind: LinkDataKind): void {
    this.db.prepare('UPDATE link_kind_state SET dirty = 0 WHERE link_id = ? AND kind = ?').run(linkId, kind)
  }

  private saveKindState(linkId: string, kind: LinkDataKind, s: KindState): void {
    this.db
      .prepare(
        `INSERT INTO link_kind_state (link_id, kind, next_seq, dirty, reset_pending) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (link_id, kind) DO UPDATE SET next_seq = excluded.next_seq, dirty = excluded.dirty,
           reset_pending = excluded.reset_pending`,
      )
      .run(linkId, kind, s.nextSeq, s.dirty ? 1 : 0, s.resetPending ? 1 : 0)
  }

  /** The oldest batch the partner has not acknowledged: batches go in the order they were planned. */
  nextEntry(linkId: string): OutboxEntry | null {
    const row = this.db
      .prepare('SELECT id, kind, seq, body FROM link_outbox WHERE link_id = ? ORDER BY id LIMIT 1')
      .get(linkId) as OutboxEntry | undefined
    return row ?? null
  }

  pendingCount(linkId: string): number {
    return this.db.prepare('SELECT count(*) FROM link_outbox WHERE link_id = ?').pluck().get(linkId) as number
  }

  /** Links with batches waiting whose backoff (if any) is over. */
  dueLinks(now: number): string[] {
    return this.db
      .prepare(
        `SELECT DISTINCT o.link_id FROM link_outbox o LEFT JOIN link_send_state s ON s.link_id = o.link_id
         WHERE s.retry_at IS NULL OR s.retry_at <= ?`,
      )
      .pluck()
      .all(now) as string[]
  }

  delivered(linkId: string, entryId: number, now: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM link_outbox WHERE id = ?').run(entryId)
      // Unlinked while the batch was on its way: the link is forgotten, and stays so.
      const known = this.db.prepare('SELECT 1 FROM link_kind_state WHERE link_id = ? LIMIT 1').get(linkId)
      if (known === undefined) return
      this.saveSendState(linkId, { lastSendAt: now, failures: 0, retryAt: null, lastError: null })
    })()
  }

  failed(linkId: string, error: Localized, retryAt: number): void {
    const state = this.sendState(linkId)
    this.saveSendState(linkId, { ...state, failures: state.failures + 1, retryAt, lastError: error })
  }

  sendState(linkId: string): SendState {
    const row = this.db
      .prepare('SELECT last_send_at, failures, retry_at, last_error FROM link_send_state WHERE link_id = ?')
      .raw()
      .get(linkId) as [number | null, number, number | null, string | null] | undefined
    if (!row) return { lastSendAt: null, failures: 0, retryAt: null, lastError: null }
    return {
      lastSendAt: row[0],
      failures: row[1],
      retryAt: row[2],
      lastError: row[3] === null ? null : (JSON.parse(row[3]) as Localized),
    }
  }

  private saveSendState(linkId: string, s: SendState): void {
    this.db
      .prepare(
        `INSERT INTO link_send_state (link_id, last_send_at, failures, retry_at, last_error) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (link_id) DO UPDATE SET last_send_at = excluded.last_send_at, failures = excluded.failures,
           retry_at = excluded.retry_at, last_error = excluded.last_error`,
      )
      .run(
        linkId,
        s.lastSendAt,
        s.failures,
        s.retryAt,
        s.lastError === null ? null : JSON.stringify(s.lastError),
      )
  }

  /**
   * Drops the link's batches not yet acknowledged, one per transaction, and marks what they carried so the
   * next diff sends it again: upserted keys get the hash '' (differs from anything), deleted keys come back
   * with it (missing from the export, so deleted again), a dropped reset is pending again.
   */
  clear(linkId: string): number {
    const ids = this.db
      .prepare('SELECT id FROM link_outbox WHERE link_id = ? ORDER BY id')
      .pluck()
      .all(linkId)
    const dirtySent = this.db.prepare(
      `INSERT INTO link_sent (link_id, kind, key, hash, until) VALUES (?, ?, ?, '', NULL)
       ON CONFLICT (link_id, kind, key) DO UPDATE SET hash = ''`,
    )
    let cleared = 0
    for (const id of ids as number[]) {
      this.db.transaction(() => {
        const body = this.db.prepare('SELECT body FROM link_outbox WHERE id = ?').pluck().get(id) as
          string | undefined
        if (body === undefined) return // delivered meanwhile
        const batch = JSON.parse(body) as LinkBatch
        for (const key of [...batch.upserts.map((u) => u.key), ...batch.deletes])
          dirtySent.run(linkId, batch.kind, key)
        const state = this.kindState(linkId, batch.kind)
        this.saveKindState(linkId, batch.kind, {
          ...state,
          dirty: true,
          resetPending: state.resetPending || batch.reset !== undefined,
        })
        this.db.prepare('DELETE FROM link_outbox WHERE id = ?').run(id)
        cleared++
      })()
    }
    return cleared
  }

  /** 再リンク: the partner is assumed to hold nothing; every kind is resent, each starting with a reset. */
  resetForRelink(linkId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM link_sent WHERE link_id = ?').run(linkId)
      this.db.prepare('DELETE FROM link_outbox WHERE link_id = ?').run(linkId)
      for (const kind of linkDataKinds) {
        const state = this.kindState(linkId, kind)
        this.saveKindState(linkId, kind, { nextSeq: state.nextSeq, dirty: true, resetPending: true })
      }
    })()
  }

  /** 連携解除: nothing more goes to that partner; a later link is a new record and starts afresh. */
  forget(linkId: string): void {
    this.db.transaction(() => {
      for (const table of ['link_sent', 'link_outbox', 'link_kind_state', 'link_send_state'])
        this.db.prepare(`DELETE FROM ${table} WHERE link_id = ?`).run(linkId)
    })()
  }

  plan(kinds: readonly LinkDataKind[], now: number): void {
    const insert = this.db.prepare(
      `INSERT INTO link_send_plan (kind, planned_at) VALUES (?, ?)
       ON CONFLICT (kind) DO UPDATE SET planned_at = excluded.planned_at`,
    )
    this.db.transaction(() => kinds.forEach((kind) => insert.run(kind, now)))()
  }

  planned(): { kind: LinkDataKind; plannedAt: number }[] {
    return this.db
      .prepare('SELECT kind, planned_at AS plannedAt FROM link_send_plan ORDER BY planned_at')
      .all() as { kind: LinkDataKind; plannedAt: number }[]
  }

  /** The plans a send has covered: ones made after it read the data stay for the next send. */
  consumePlan(kinds: readonly LinkDataKind[], upTo: number): void {
    const remove = this.db.prepare('DELETE FROM link_send_plan WHERE kind = ? AND planned_at <= ?')
    this.db.transaction(() => kinds.forEach((kind) => remove.run(kind, upTo)))()
  }

  clearPlan(): void {
    this.db.prepare('DELETE FROM link_send_plan').run()
  }
}
