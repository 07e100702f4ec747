/** Assertions about a finished site link send, read straight from both data directories. */
import { expect } from 'vitest'
import { openDatabase } from '../../src/main/core/store/database'

/** After a send of `count` people in batches of 2,000: B applied each batch once and A's outbox is empty. */
export function expectEveryoneReceivedOnce(dirA: string, dirB: string, count: number): void {
  const b = openDatabase(dirB)
  const a = openDatabase(dirA)
  try {
    const receipt = b.prepare(`SELECT batches, items FROM link_receipts WHERE kind = 'employee'`).get() as {
      batches: number
      items: number
    }
    expect(receipt).toEqual({ batches: Math.ceil(count / 2_000), items: count })
    const keys = b
      .prepare(`SELECT count(DISTINCT key) FROM partner_items WHERE kind = 'employee'`)
      .pluck()
      .get() as number
    expect(keys).toBe(count)
    expect(a.prepare('SELECT count(*) FROM link_outbox').pluck().get()).toBe(0)
  } finally {
    a.close()
    b.close()
  }
}
