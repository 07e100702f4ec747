import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import { HistoryRepository } from '../../../history/history-repository'
import { Scheduler } from '../../../scheduler/scheduler'
import { TestClock } from '../../../scheduler/test-clock'
import { tempDb, type TempDb } from '../../../scheduler/test-support'
import type { PartnerClient } from '../sitelink-ports'
import type { ExchangeLinks } from './exchange-ports'
import { linkSendJobId } from './exchange-jobs'
import { createSiteExchange } from './exchange-wiring'
import type { LinkBatch } from './exchange-wire'
import type { SiteExchange } from './site-exchange'

const MINUTE = 60_000

const link = { id: 'L1', linkUrl: 'https://b.example.jp/', siteName: 'B' }
const links: ExchangeLinks = {
  activeLinks: () => [link],
  linkForKey: () => null,
  has: (id) => id === link.id,
  onUnlink: () => {},
  onRelink: () => {},
}

describe('send timing (seed 送信のタイミング)', () => {
  let store: TempDb
  let clock: TestClock
  let scheduler: Scheduler
  let exchange: SiteExchange
  let importing: boolean
  let sentAt: number[]
  let attempts: number[]
  let down: boolean

  beforeEach(() => {
    store = tempDb()
    clock = new TestClock(Date.parse('2026-12-02T10:00:00+09:00'))
    scheduler = new Scheduler({ db: store.db, clock })
    importing = false
    sentAt = []
    attempts = []
    down = false
    const client: PartnerClient = {
      getPublic: () => Promise.reject(new Error('unused')),
      send: async (_url, request) => {
        attempts.push(clock.now())
        if (down) throw new Error('connect ECONNREFUSED')
        sentAt.push(clock.now())
        return { seq: (request.body as LinkBatch).seq, applied: true }
      },
    }
    let presence = 0
    exchange = createSiteExchange({
      db: store.db,
      home: new HomeDirectoryRepository(store.db),
      history: new HistoryRepository(store.db, () => clock.now()),
      scheduler,
      now: () => clock.now(),
      importInProgress: () => importing,
      ports: {
        links,
        client,
        // Every read gives a new presence entry, so every send has one batch to deliver.
        presence: {
          entries: () => [
            {
              employeeKey: 'E1',
              date: '2026-12-02',
              kind: 'out',
              destination: `visit ${++presence}`,
              returnAt: null,
              note: null,
              updatedAt: 1,
            },
          ],
        },
      },
    })
    scheduler.start()
  })
  afterEach(async () => {
    await scheduler.stop()
    store.cleanup()
  })

  const job = () => scheduler.list().find((j) => j.id === linkSendJobId)!

  it('starts 15 minutes after the last plan', async () => {
    const first = clock.now()
    exchange.planSend(['presence'])
    await clock.advance(10 * MINUTE)
    exchange.planSend(['presence'])
    expect(exchange.activity(link.id)).toMatchObject({
      plannedKinds: ['presence'],
      plannedSendAt: first + 25 * MINUTE,
    })
    await clock.advance(15 * MINUTE - 1)
    expect(sentAt).toEqual([])
    await clock.advance(1)
    expect(sentAt).toEqual([first + 25 * MINUTE])
    expect(exchange.activity(link.id)).toMatchObject({ plannedKinds: [], plannedSendAt: null })
  })

  it('never waits more than 60 minutes, however often plans come', async () => {
    const first = clock.now()
    for (let i = 0; i < 8; i++) {
      exchange.planSend(['presence'])
      await clock.advance(10 * MINUTE)
    }
    expect(sentAt[0]).toBe(first + 60 * MINUTE)
  })

  it('waits another 15 minutes when a directory import is running at that moment', async () => {
    const first = clock.now()
    exchange.planSend(['presence'])
    importing = true
    await clock.advance(15 * MINUTE)
    expect(sentAt).toEqual([])
    expect(job().lastMessage?.en).toContain('directory import is running')
    expect(job().nextRunAt).toBe(first + 30 * MINUTE)
    importing = false
    await clock.advance(15 * MINUTE)
    expect(sentAt).toEqual([first + 30 * MINUTE])
  })

  it('retries a failed delivery at later timings with backoff, and delivers once the partner is back', async () => {
    const first = clock.now()
    down = true
    exchange.planSend(['presence'])
    await clock.advance(59 * MINUTE)
    // Backoff after each failure: 15, then 30 minutes; the send job comes back every 15 minutes meanwhile.
    expect(attempts).toEqual([first + 15 * MINUTE, first + 30 * MINUTE])
    expect(exchange.activity(link.id)).toMatchObject({ pendingBatches: 1, retryAt: first + 60 * MINUTE })
    await clock.advance(MINUTE)
    expect(attempts).toHaveLength(3)
    down = false
    await clock.advance(60 * MINUTE)
    expect(attempts).toEqual([
      first + 15 * MINUTE,
      first + 30 * MINUTE,
      first + 60 * MINUTE,
      first + 120 * MINUTE,
    ])
    expect(sentAt).toEqual([first + 120 * MINUTE])
    expect(exchange.activity(link.id)).toMatchObject({ pendingBatches: 0, lastError: null })
  })

  it('a partner down for 3 days is tried at most hourly and gets everything once it is back', async () => {
    down = true
    exchange.planSend(['presence'])
    await clock.advance(3 * 24 * 60 * MINUTE)
    // 15 and 30 minutes, then hourly: about 72 attempts in 3 days, not one a minute.
    expect(attempts.length).toBeGreaterThan(65)
    expect(attempts.length).toBeLessThan(80)
    down = false
    await clock.advance(60 * MINUTE)
    expect(sentAt).toHaveLength(1)
    expect(exchange.activity(link.id)).toMatchObject({ pendingBatches: 0, lastError: null })
  })
})
