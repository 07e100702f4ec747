import { ApiError } from '../../../../../shared/model/errors'
import { linkDataKinds, type LinkDataKind } from '../../../../../shared/model/sitelink'
import { maxLinkedEmployees } from '../../../../../shared/model/sitelink-exchange'
import type { Db } from '../../../store/database'
import type { LinkBatch } from './exchange-wire'

export interface Receipt {
  readonly lastSeq: number
  readonly receivedAt: number
  readonly batches: number
  readonly items: number
}

/** Where a received item is filed: its owner (for lists), a schedule's start, and text to search. */
function columns(kind: LinkDataKind, data: Record<string, unknown>): [string | null, number | null, string] {
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
  switch (kind) {
    case 'employee':
      return [
        str(data.mainDepartment),
        null,
        [data.key, data.nameJa, data.nameEn, data.kana, data.email]
          .filter((v) => typeof v === 'string')
          .join(' ')
          .toLowerCase(),
      ]
    case 'department':
      return [str(data.parent), null, '']
    case 'schedule':
      return [str(data.employeeKey), typeof data.start === 'number' ? data.start : null, '']
    case 'presence':
      return [str(data.employeeKey), null, '']
    default:
      return [null, null, '']
  }
}

/** Kinds an unlink removes "as if deleted" (seed リンク解除); schedules and the rest stay. */
const peopleKinds: readonly LinkDataKind[] = ['employee', 'department', 'position']

/**
 * The receiver's side: partners' data per link, and per kind the last batch number applied. A batch is applied
 * in one transaction together with its number, so after a crash a resent batch is either applied once or
 * recognised and acknowledged without applying it again.
 */
export class ReceiveRepository {
  constructor(
    private readonly db: Db,
    /** Employees of the home directory: they count towards the seed's total. */
    private readonly homeEmployees: () => number,
  ) {}

  receipt(linkId: string, kind: LinkDataKind): Receipt | null {
    const row = this.db
      .prepare(
        'SELECT last_seq AS lastSeq, received_at AS receivedAt, batches, items FROM link_receipts WHERE link_id = ? AND kind = ?',
      )
      .get(linkId, kind) as Receipt | undefined
    return row ?? null
  }

  receipts(linkId: string): Record<LinkDataKind, number | null> {
    const entries = linkDataKinds.map((kind) => [kind, this.receipt(linkId, kind)?.receivedAt ?? null])
    return Object.fromEntries(entries) as Record<LinkDataKind, number | null>
  }

  /** Employees at home plus every partner's (the seed's limit counts them all). */
  employeesTotal(): number {
    const partners = this.db
      .prepare(`SELECT coalesce(sum(items), 0) FROM link_receipts WHERE kind = 'employee'`)
      .pluck()
      .get() as number
    return this.homeEmployees() + partners
  }

  /** Applies the batch unless its number was applied already; `false` means acknowledged, not applied. */
  apply(linkId: string, batch: LinkBatch, now: number): boolean {
    return this.db.transaction(() => {
      const before = this.receipt(linkId, batch.kind)
      if (before && batch.seq <= before.lastSeq) return false
      if (batch.reset) this.dropForReset(linkId, batch.kind, batch.reset.from)
      const upsert = this.db.prepare(
        `INSERT INTO partner_items (link_id, kind, key, owner, start, search, data) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (link_id, kind, key) DO UPDATE SET owner = excluded.owner, start = excluded.start,
           search = excluded.search, data = excluded.data`,
      )
      const remove = this.db.prepare('DELETE FROM partner_items WHERE link_id = ? AND kind = ? AND key = ?')
      for (const { key, data } of batch.upserts) {
        const [owner, start, search] = columns(batch.kind, data as Record<string, unknown>)
        upsert.run(linkId, batch.kind, key, owner, start, search, JSON.stringify(data))
      }
      for (const key of batch.deletes) remove.run(linkId, batch.kind, key)
      const items = this.count(linkId, batch.kind)
      this.db
        .prepare(
          `INSERT INTO link_receipts (link_id, kind, last_seq, received_at, batches, items) VALUES (?, ?, ?, ?, 1, ?)
           ON CONFLICT (link_id, kind) DO UPDATE SET last_seq = excluded.last_seq, received_at = excluded.received_at,
             batches = batches + 1, items = excluded.items`,
        )
        .run(linkId, batch.kind, batch.seq, now, items)
      // Thrown inside the transaction: the batch is rolled back and the sender keeps it for later.
      if (batch.kind === 'employee' && items > (before?.items ?? 0)) this.checkEmployeeLimit()
      return true
    })()
  }

  private checkEmployeeLimit(): void {
    const total = this.employeesTotal()
    if (total <= maxLinkedEmployees) return
    throw new ApiError('invalid-input', {
      ja: `連携する社員の合計が上限の ${maxLinkedEmployees.toLocaleString('ja-JP')} 名を超えます（${total.toLocaleString('ja-JP')} 名）。受信していません。連携するサイトか社員を減らしてください。`,
      en: `The employees of all linked sites would total ${total.toLocaleString('en-US')}, over the limit of ${maxLinkedEmployees.toLocaleString('en-US')}. Nothing was received. Link fewer sites or fewer employees.`,
    })
  }

  private count(linkId: string, kind: LinkDataKind): number {
    return this.db
      .prepare('SELECT count(*) FROM partner_items WHERE link_id = ? AND kind = ?')
      .pluck()
      .get(linkId, kind) as number
  }

  /** A relink's full resend: schedules before `from` stay (seed: resent from the 1st of the previous month). */
  private dropForReset(linkId: string, kind: LinkDataKind, from: number | null): void {
    if (kind === 'schedule' && from !== null) {
      this.db
        .prepare(`DELETE FROM partner_items WHERE link_id = ? AND kind = 'schedule' AND start >= ?`)
        .run(linkId, from)
    } else {
      this.db.prepare('DELETE FROM partner_items WHERE link_id = ? AND kind = ?').run(linkId, kind)
    }
  }

  /** 連携解除: the partner's employees, departments and positions go as if deleted; schedules stay. */
  removePeople(linkId: string): void {
    this.db.transaction(() => {
      for (const kind of peopleKinds) {
        this.db.prepare('DELETE FROM partner_items WHERE link_id = ? AND kind = ?').run(linkId, kind)
        this.db.prepare('UPDATE link_receipts SET items = 0 WHERE link_id = ? AND kind = ?').run(linkId, kind)
      }
    })()
  }
}
