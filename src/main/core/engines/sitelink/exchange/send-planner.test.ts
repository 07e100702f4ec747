import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDb, type TempDb } from '../../../scheduler/test-support'
import type { LinkBatch } from './exchange-wire'
import { itemHash, type ExportPage } from './home-export'
import { OutboxRepository } from './outbox-repository'
import { planKind } from './send-planner'

interface Item {
  readonly key: string
  readonly value: string
  readonly until?: number
}

async function* pagesOf(items: readonly Item[]): AsyncGenerator<ExportPage> {
  const data = new Map(items.map((i) => [i.key, { value: i.value }]))
  yield {
    items: items.map((i) => ({ key: i.key, hash: itemHash(data.get(i.key)), until: i.until ?? null })),
    data: (key) => data.get(key),
  }
}

describe('planning a kind for one link', () => {
  let store: TempDb
  let outbox: OutboxRepository
  beforeEach(() => {
    store = tempDb()
    outbox = new OutboxRepository(store.db)
  })
  afterEach(() => store.cleanup())

  const plan = (items: readonly Item[], windowStart: number | null = null) =>
    planKind(outbox, {
      linkId: 'L1',
      kind: windowStart === null ? 'employee' : 'schedule',
      pages: pagesOf(items),
      windowStart,
      chunkSize: 3,
      now: () => 1,
      signal: new AbortController().signal,
    })

  const batches = (): LinkBatch[] => {
    const sent: LinkBatch[] = []
    for (let e = outbox.nextEntry('L1'); e; e = outbox.nextEntry('L1')) {
      sent.push(JSON.parse(e.body) as LinkBatch)
      outbox.delivered('L1', e.id, 2)
    }
    return sent
  }

  it('numbers batches of at most chunkSize items; the last upserts share a batch with the deletes', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, value: key }))
    await plan(items)
    expect(batches().map((b) => [b.seq, b.upserts.length])).toEqual([
      [1, 3],
      [2, 2],
    ])
    await plan([{ key: 'a', value: 'A' }, ...items.slice(1, 3)])
    expect(batches()).toEqual([
      { v: 1, kind: 'employee', seq: 3, upserts: [{ key: 'a', data: { value: 'A' } }], deletes: ['d', 'e'] },
    ])
    await plan([{ key: 'a', value: 'A' }, ...items.slice(1, 3)])
    expect(batches()).toEqual([])
  })

  it('lets a schedule that ended before the window leave without a delete (partners keep the past)', async () => {
    const window = 1000
    await plan(
      [
        { key: 'past', value: 'p', until: window - 1 },
        { key: 'soon', value: 's', until: window + 1 },
      ],
      0,
    )
    batches()
    await plan([], window)
    expect(batches().map((b) => b.deletes)).toEqual([['soon']])
    expect(outbox.sentState('L1', 'schedule').size).toBe(0)
  })
})
