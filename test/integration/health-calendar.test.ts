import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { calendarSecretName, type CalendarPairConfig } from '../../src/shared/model/calendar-config'
import type { HealthOverview, HealthSubject } from '../../src/shared/model/health'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startRadicale, type Radicale } from '../support/radicale'
import { openTestCore, tempDataDir } from '../support/test-core'

const feedText = readFileSync(join(__dirname, '../fixtures/calendar/google.ics'), 'utf8')
const user = 'alice'
let radicale: Radicale
let feeds: IcsFeedServer
let dir: string
let clock: TestClock
let core: Core
let calendarUrl: string
let calendars = 0

beforeAll(async () => {
  radicale = await startRadicale()
  feeds = await startIcsFeedServer()
})
afterAll(async () => {
  await feeds.stop()
  await radicale.stop()
})

beforeEach(async () => {
  dir = tempDataDir('renkei-health-cal-')
  clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  const secrets = new MemorySecretStore()
  for (const id of ['u0001', 'u0002'])
    await secrets.set(calendarSecretName(id, 'target'), radicale.users[user]!)
  calendarUrl = await radicale.makeCalendar(user, `health-${++calendars}`, { timeZone: 'Asia/Tokyo' })
  feeds.setFeed('/good.ics', feedText)
  feeds.setStatus('/missing.ics', 404, 'Not Found')
  core = await openTestCore(dir, { secrets, clock })
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

function pair(id: string, number: number, name: string, feed: string): CalendarPairConfig {
  return {
    id,
    number,
    name,
    employeeKey: '',
    permitted: true,
    source: { kind: 'ics', url: feeds.url(feed), auth: 'none', username: '', maxMegabytes: 20 },
    target: { kind: 'caldav', url: calendarUrl, preset: 'generic', auth: 'basic', username: user },
    direction: 'one-way',
    conflictPolicy: 'source-wins',
  }
}

const subjectOf = (overview: HealthOverview, id: string): HealthSubject =>
  overview.engines.find((e) => e.engine.engine === 'calendar')!.subjects.find((s) => s.id === id)!

describe('health of calendar sync users', () => {
  it('shows a user whose feed answers 404 as failing by name after one run, before any automatic stop', async () => {
    await core.api['calendar.pairs.save'](pair('u0001', 1, '山田 太郎', '/good.ics'))
    await core.api['calendar.pairs.save'](pair('u0002', 2, '佐藤 花子', '/missing.ics'))
    const before = await core.api['health.get']({})
    expect(subjectOf(before, 'u0002').state).toBe('never-run')
    expect(before.engines.find((e) => e.engine.engine === 'calendar')!.engine.state).toBe('never-run')

    await core.api['calendar.run']({ id: 'u0001' })
    await core.api['calendar.run']({ id: 'u0002' })
    const overview = await core.api['health.get']({})
    expect(subjectOf(overview, 'u0001')).toMatchObject({
      state: 'ok',
      errorStreak: 0,
      lastSuccessAt: clock.now(),
    })
    const failing = subjectOf(overview, 'u0002')
    expect(failing).toMatchObject({ state: 'warning', errorStreak: 1, lastSuccessAt: null, errors24h: 1 })
    expect(failing.lastFailure?.ja).toContain('404')
    expect(failing.lastFailure?.en).toContain('404')
    expect(overview.attention.map((s) => s.name)).toContain('佐藤 花子')
    expect(overview.attention.map((s) => s.name)).not.toContain('山田 太郎')
    // The engine warns because of her; she is named, the engine is not listed beside her.
    expect(overview.attention.map((s) => [s.kind, s.id])).toEqual([['user', 'u0002']])
    const engine = overview.engines.find((e) => e.engine.engine === 'calendar')!.engine
    expect(engine.state).toBe('warning')
    expect(engine.lastFailure?.ja).toContain('佐藤 花子')

    // The list the Calendar screen shows carries the streak too (amber "errors", not green).
    const status = await core.api['calendar.status']({})
    expect(status.pairs.find((p) => p.id === 'u0002')).toMatchObject({ state: 'syncing', errorStreak: 1 })
  })

  it('counts the streak run after run, and a good run ends it', async () => {
    await core.api['calendar.pairs.save'](pair('u0002', 2, '佐藤 花子', '/missing.ics'))
    for (let i = 0; i < 3; i++) {
      await core.api['calendar.run']({ id: 'u0002' })
      await clock.advance(10 * 60_000)
    }
    const failedAt = subjectOf(await core.api['health.get']({}), 'u0002').lastFailureAt
    expect(subjectOf(await core.api['health.get']({}), 'u0002')).toMatchObject({
      errorStreak: 3,
      errors24h: 3,
    })

    feeds.setFeed('/missing.ics', feedText)
    await core.api['calendar.run']({ id: 'u0002' })
    expect(subjectOf(await core.api['health.get']({}), 'u0002')).toMatchObject({
      state: 'ok',
      errorStreak: 0,
      lastSuccessAt: clock.now(),
      lastFailureAt: failedAt,
      errors24h: 3,
    })
  })

  it('is stopped after an automatic stop, and disabled when not permitted', async () => {
    await core.api['calendar.settings.update']({ autoStopErrors: 2 })
    await core.api['calendar.pairs.save'](pair('u0002', 2, '佐藤 花子', '/missing.ics'))
    await core.api['calendar.run']({ id: 'u0002' })
    await core.api['calendar.run']({ id: 'u0002' })
    const stopped = subjectOf(await core.api['health.get']({}), 'u0002')
    expect(stopped).toMatchObject({ state: 'stopped', nextRunAt: null })
    expect(stopped.note?.en).toMatch(/automatically/)

    // Resume starts the count afresh: waiting for the next run, neither green nor amber.
    await core.api['calendar.resume']({ id: 'u0002' })
    expect(subjectOf(await core.api['health.get']({}), 'u0002')).toMatchObject({
      state: 'never-run',
      errorStreak: 0,
    })
    expect((await core.api['calendar.status']({})).pairs[0]).toMatchObject({
      state: 'syncing',
      errorStreak: 0,
    })

    await core.api['calendar.permits.update']({ permits: [{ id: 'u0002', permitted: false }] })
    const overview = await core.api['health.get']({})
    expect(subjectOf(overview, 'u0002').state).toBe('disabled')
    expect(overview.attention).toEqual([])
  })

  it('shows a user synced from the Calendar screen in the jobs table', async () => {
    await core.api['calendar.pairs.save'](pair('u0001', 1, '山田 太郎', '/good.ics'))
    await core.api['calendar.run']({ id: 'u0001' })
    const job = (await core.api['jobs.list']({})).find((j) => j.id === 'calendar.sync')!
    expect(job).toMatchObject({ lastOutcome: 'ok', lastFinishedAt: clock.now(), running: false })
    expect(job.lastMessage?.ja).toContain('山田 太郎')
  })
})
