import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import {
  calendarSecretName,
  type CalendarPairConfig,
  type ConflictPolicy,
} from '../../src/shared/model/calendar-config'
import {
  deleteCalendarObject,
  listCalendarObjects,
  putCalendarObject,
  type IndependentObject,
} from '../support/independent-caldav'
import { startRadicale, type Radicale } from '../support/radicale'
import { openTestCore, tempDataDir } from '../support/test-core'

const user = 'alice'
let radicale: Radicale
let dir: string
let core: Core
let source: string
let target: string
let n = 0

beforeAll(async () => {
  radicale = await startRadicale()
})
afterAll(async () => {
  await radicale.stop()
})
beforeEach(async () => {
  dir = tempDataDir('renkei-cal2-')
  const secrets = new MemorySecretStore()
  await secrets.set(calendarSecretName('u0001', 'source'), radicale.users[user]!)
  await secrets.set(calendarSecretName('u0001', 'target'), radicale.users[user]!)
  source = await radicale.makeCalendar(user, `groupware-${++n}`, { timeZone: 'Asia/Tokyo' })
  target = await radicale.makeCalendar(user, `phone-${n}`, { timeZone: 'Asia/Tokyo' })
  const clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  core = await openTestCore(dir, { secrets, clock })
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

function event(uid: string, summary: string, lastModified = '20261120T000000Z'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//another client//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261120T000000Z',
    `LAST-MODIFIED:${lastModified}`,
    'DTSTART;TZID=Asia/Tokyo:20261203T100000',
    'DTEND;TZID=Asia/Tokyo:20261203T110000',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

async function save(
  policy: ConflictPolicy = 'source-wins',
  direction: CalendarPairConfig['direction'] = 'two-way',
): Promise<void> {
  const pair: CalendarPairConfig = {
    id: 'u0001',
    number: 1,
    name: '鈴木 一郎',
    employeeKey: '',
    permitted: true,
    source: { kind: 'caldav', url: source, preset: 'generic', auth: 'basic', username: user },
    target: { kind: 'caldav', url: target, preset: 'generic', auth: 'basic', username: user },
    direction,
    conflictPolicy: policy,
  }
  await core.api['calendar.pairs.save'](pair)
}

const pw = (): string => radicale.users[user]!
const read = async (url: string): Promise<Map<string, IndependentObject>> =>
  new Map((await listCalendarObjects(url, user, pw())).map((o) => [o.uid!, o]))
const run = () => core.api['calendar.run']({ id: 'u0001' })
const summaryOf = (o: IndependentObject | undefined) => /SUMMARY:([^\r\n]*)/.exec(o?.ics ?? '')?.[1]

async function startWithOneEachSide(policy?: ConflictPolicy): Promise<void> {
  await putCalendarObject(source, user, pw(), event('meeting@groupware', '定例会議'))
  await putCalendarObject(target, user, pw(), event('dentist@phone', '歯医者'))
  await save(policy)
  expect(await run()).toMatchObject({ created: 2, outcome: 'ok' })
}

describe('two-way calendar sync between two Radicale calendars', () => {
  it('copies each side to the other once, and later runs write nothing', async () => {
    await startWithOneEachSide()
    expect([...(await read(source)).keys()].sort()).toEqual(['dentist@phone', 'meeting@groupware'])
    expect([...(await read(target)).keys()].sort()).toEqual(['dentist@phone', 'meeting@groupware'])
    expect(await run()).toMatchObject({ created: 0, updated: 0, deleted: 0 })
    expect(await run()).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: true })
  })

  it('an edit on one side reaches the other', async () => {
    await startWithOneEachSide()
    const copy = (await read(target)).get('meeting@groupware')!
    await putCalendarObject(target, user, pw(), event('meeting@groupware', '定例会議（会議室B）'), copy.href)
    expect(await run()).toMatchObject({ updated: 1 })
    expect(summaryOf((await read(source)).get('meeting@groupware'))).toBe('定例会議（会議室B）')
  })

  // LAST-MODIFIED of the source's and the target's edit; newer-wins is run both ways round, since a policy
  // that always took the target would pass a case where only the target is newer.
  const earlier = '20261122T000000Z'
  const later = '20261123T000000Z'
  it.each([
    ['source-wins', earlier, later, '同期元の変更'],
    ['target-wins', earlier, later, '同期先の変更'],
    ['newer-wins', earlier, later, '同期先の変更'],
    ['newer-wins', later, earlier, '同期元の変更'],
  ] as const)(
    'a conflicting edit follows the policy %s (source edited %s, target %s)',
    async (policy, sourceStamp, targetStamp, winner) => {
      await startWithOneEachSide(policy)
      const [original, copy] = [
        (await read(source)).get('meeting@groupware')!,
        (await read(target)).get('meeting@groupware')!,
      ]
      await putCalendarObject(
        source,
        user,
        pw(),
        event('meeting@groupware', '同期元の変更', sourceStamp),
        original.href,
      )
      await putCalendarObject(
        target,
        user,
        pw(),
        event('meeting@groupware', '同期先の変更', targetStamp),
        copy.href,
      )
      expect(await run()).toMatchObject({ updated: 1, conflicts: 0 })
      expect(summaryOf((await read(source)).get('meeting@groupware'))).toBe(winner)
      expect(summaryOf((await read(target)).get('meeting@groupware'))).toBe(winner)
      expect((await read(source)).size).toBe(2)
      expect((await read(target)).size).toBe(2)
    },
  )

  it('"stop and report" leaves both versions alone and reports the conflict until one side is fixed', async () => {
    await startWithOneEachSide('stop')
    const [original, copy] = [
      (await read(source)).get('meeting@groupware')!,
      (await read(target)).get('meeting@groupware')!,
    ]
    await putCalendarObject(source, user, pw(), event('meeting@groupware', 'A案'), original.href)
    await putCalendarObject(target, user, pw(), event('meeting@groupware', 'B案'), copy.href)
    expect(await run()).toMatchObject({ updated: 0, conflicts: 1, outcome: 'warning' })
    expect(summaryOf((await read(source)).get('meeting@groupware'))).toBe('A案')
    expect(summaryOf((await read(target)).get('meeting@groupware'))).toBe('B案')
    const warning = await core.api['history.search']({
      filter: { category: 'calendar', level: 'warning', text: '停止して報告' },
      limit: 5,
    })
    expect(warning.entries).toHaveLength(1)
    expect(warning.entries[0]!.detail).toMatchObject({ uid: 'meeting@groupware' })
    await putCalendarObject(target, user, pw(), event('meeting@groupware', 'A案'), copy.href)
    expect(await run()).toMatchObject({ conflicts: 0, outcome: 'ok' })
  })

  it('deleting an original removes Renkei’s copy; deleting a copy keeps the original and does not bring the copy back', async () => {
    await startWithOneEachSide()
    await deleteCalendarObject(source, user, pw(), (await read(source)).get('meeting@groupware')!.href)
    await deleteCalendarObject(source, user, pw(), (await read(source)).get('dentist@phone')!.href)
    expect(await run()).toMatchObject({ deleted: 1, created: 0 })
    expect([...(await read(target)).keys()]).toEqual(['dentist@phone'])
    expect((await read(source)).size).toBe(0)
    expect(await run()).toMatchObject({ created: 0, deleted: 0 })
    expect((await read(source)).size).toBe(0)
  })
})

describe('one-way from a CalDAV source', () => {
  it('copies the source calendar, follows its deletions, and skips the target when the sync token says nothing changed', async () => {
    await putCalendarObject(source, user, pw(), event('meeting@groupware', '定例会議'))
    await putCalendarObject(source, user, pw(), event('review@groupware', 'レビュー'))
    await putCalendarObject(target, user, pw(), event('dentist@phone', '歯医者'))
    await save('source-wins', 'one-way')
    expect(await run()).toMatchObject({ created: 2, outcome: 'ok' })
    expect([...(await read(target)).keys()].sort()).toEqual([
      'dentist@phone',
      'meeting@groupware',
      'review@groupware',
    ])
    expect((await read(source)).size).toBe(2)
    expect(await run()).toMatchObject({ unchanged: true, created: 0 })
    await deleteCalendarObject(source, user, pw(), (await read(source)).get('review@groupware')!.href)
    expect(await run()).toMatchObject({ deleted: 1, created: 0, updated: 0 })
    expect([...(await read(target)).keys()].sort()).toEqual(['dentist@phone', 'meeting@groupware'])
  })
})
