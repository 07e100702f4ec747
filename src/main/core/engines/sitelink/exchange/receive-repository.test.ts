import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LinkScheduleItem } from '../../../../../shared/model/sitelink'
import { tempDb, type TempDb } from '../../../scheduler/test-support'
import type { LinkBatch } from './exchange-wire'
import { PartnerDirectoryReader } from './receive-directory'
import { ReceiveRepository } from './receive-repository'

const day = 86_400_000
const at = Date.parse('2026-12-02T00:00:00Z')

function schedule(id: string, employeeKey: string, start: number): LinkScheduleItem {
  return {
    id,
    employeeKey,
    start,
    end: start + 3_600_000,
    allDay: false,
    busyOnly: true,
    summary: null,
    location: null,
    description: null,
  }
}

const batch = (seq: number, items: LinkScheduleItem[], extra: Partial<LinkBatch> = {}): LinkBatch => ({
  v: 1,
  kind: 'schedule',
  seq,
  upserts: items.map((s) => ({ key: `${s.employeeKey}\t${s.id}`, data: s })),
  deletes: [],
  ...extra,
})

describe('receiving partner schedules', () => {
  let store: TempDb
  let receive: ReceiveRepository
  let reader: PartnerDirectoryReader
  beforeEach(() => {
    store = tempDb()
    receive = new ReceiveRepository(store.db, () => 0)
    reader = new PartnerDirectoryReader(store.db)
  })
  afterEach(() => store.cleanup())

  it("files them per employee in time order, for that employee's feed and the site's", () => {
    receive.apply(
      'L1',
      batch(1, [schedule('b', 'E1', at + day), schedule('a', 'E1', at), schedule('c', 'E2', at)]),
      at,
    )
    expect(reader.itemsFor('L1', 'E1').map((s) => s.id)).toEqual(['a', 'b'])
    expect(reader.itemsFor('L1', null)).toHaveLength(3)
    expect(reader.itemsFor('L2', null)).toEqual([])
  })

  it("a relink's reset drops schedules from the 1st of the previous month on and keeps the older ones", () => {
    const windowStart = Date.parse('2026-11-01T00:00:00Z')
    receive.apply(
      'L1',
      batch(1, [schedule('old', 'E1', windowStart - 10 * day), schedule('gone', 'E1', at)]),
      at,
    )
    receive.apply('L1', batch(2, [schedule('new', 'E1', at + day)], { reset: { from: windowStart } }), at)
    expect(reader.itemsFor('L1', 'E1').map((s) => s.id)).toEqual(['old', 'new'])
  })

  it('an unlink keeps them', () => {
    receive.apply('L1', batch(1, [schedule('a', 'E1', at)]), at)
    receive.removePeople('L1')
    expect(reader.itemsFor('L1', 'E1').map((s) => s.id)).toEqual(['a'])
    expect(receive.receipt('L1', 'schedule')).toMatchObject({ lastSeq: 1, batches: 1, items: 1 })
  })
})
