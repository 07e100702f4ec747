import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import type { CalendarCheckStep } from '../../src/shared/model/calendar'
import { calendarSecretName, type CalendarPairConfig } from '../../src/shared/model/calendar-config'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startRadicale, type Radicale } from '../support/radicale'
import { openTestCore, tempDataDir } from '../support/test-core'

const user = 'alice'
let radicale: Radicale
let feeds: IcsFeedServer
let core: Core
let secrets: MemorySecretStore
let calendarUrl: string
let count = 0

/** A feed with one event and no time zone of its own (no X-WR-TIMEZONE, no VTIMEZONE, UTC times). */
const zonelessFeed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Zoneless//EN',
  'BEGIN:VEVENT',
  'UID:zoneless-1',
  'DTSTAMP:20261120T000000Z',
  'DTSTART:20261125T010000Z',
  'DTEND:20261125T020000Z',
  'SUMMARY:会議',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

beforeAll(async () => {
  radicale = await startRadicale()
  feeds = await startIcsFeedServer()
})
afterAll(async () => {
  await feeds.stop()
  await radicale.stop()
})

beforeEach(async () => {
  secrets = new MemorySecretStore()
  await secrets.set(calendarSecretName('u0001', 'target'), radicale.users[user]!)
  calendarUrl = await radicale.makeCalendar(user, `check-${++count}`, { timeZone: 'Asia/Tokyo' })
  feeds.setFeed('/zoneless.ics', zonelessFeed)
  core = await openTestCore(tempDataDir('renkei-cal-check-'), { secrets })
})
afterEach(async () => {
  await core.close()
})

function pair(extra: Partial<CalendarPairConfig> = {}): CalendarPairConfig {
  return {
    id: 'u0001',
    number: 1,
    name: '山田 太郎',
    employeeKey: '',
    permitted: true,
    source: { kind: 'ics', url: feeds.url('/zoneless.ics'), auth: 'none', username: '', maxMegabytes: 20 },
    target: { kind: 'caldav', url: calendarUrl, preset: 'generic', auth: 'basic', username: user },
    direction: 'one-way',
    conflictPolicy: 'source-wins',
    ...extra,
  }
}

async function check(extra: Partial<CalendarPairConfig>): Promise<readonly CalendarCheckStep[]> {
  await core.api['calendar.pairs.save'](pair(extra))
  return (await core.api['calendar.check']({ id: 'u0001' })).steps
}

const step = (steps: readonly CalendarCheckStep[], id: CalendarCheckStep['id']): CalendarCheckStep =>
  steps.find((s) => s.id === id)!

describe('「チェック」: each fix matches the failure', () => {
  it('a feed answering 404 is told to check the feed URL, not a calendar ID', async () => {
    const steps = await check({
      source: { kind: 'ics', url: feeds.url('/gone.ics'), auth: 'none', username: '', maxMegabytes: 20 },
    })
    const failed = step(steps, 'source-reachable')
    expect(failed.ok).toBe(false)
    expect(failed.fix!.ja).toContain('フィードの URL を確認してください')
    expect(failed.fix!.en).toContain('Check the feed URL')
    expect(failed.fix!.ja).not.toContain('カレンダー ID')
    expect(failed.fix!.en).not.toContain('calendar ID')
  })

  it('a CalDAV calendar that does not exist is told to check its URL or create it', async () => {
    const steps = await check({
      target: {
        kind: 'caldav',
        url: `${radicale.url}${user}/no-such-calendar/`,
        preset: 'generic',
        auth: 'basic',
        username: user,
      },
    })
    const failed = step(steps, 'calendar-exists')
    expect(failed.ok).toBe(false)
    expect(failed.fix!.ja).toContain('CalDAV サーバーで作成してから')
    expect(failed.fix!.en).toContain('create it on the CalDAV server first')
    expect(failed.fix!.ja).not.toContain('カレンダー ID')
  })

  it('a missing CalDAV source calendar names the source and suggests creating it', async () => {
    await secrets.set(calendarSecretName('u0001', 'source'), radicale.users[user]!)
    const steps = await check({
      source: {
        kind: 'caldav',
        url: `${radicale.url}${user}/no-such-source/`,
        preset: 'generic',
        auth: 'basic',
        username: user,
      },
    })
    const failed = step(steps, 'source-reachable')
    expect(failed.ok).toBe(false)
    expect(failed.fix!.ja).toContain('同期元カレンダーの URL')
    expect(failed.fix!.en).toContain('create it on the CalDAV server first')
  })

  it('time zones that cannot be compared are "not checked", not a pass, and the check still passes', async () => {
    const result = await core.api['calendar.pairs.save'](pair()).then(() =>
      core.api['calendar.check']({ id: 'u0001' }),
    )
    const zone = step(result.steps, 'time-zone')
    expect(zone.ok).toBeNull()
    expect(zone.message.ja).toContain('タイムゾーンを比較できません')
    expect(zone.message.en).toContain('cannot be compared')
    expect(result.ok).toBe(true)
    expect(step(result.steps, 'calendar-writable').ok).toBe(true)
  })
})
