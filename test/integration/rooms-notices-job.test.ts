import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { JobRunResult } from '../../src/main/core/scheduler/job'
import { Scheduler } from '../../src/main/core/scheduler/scheduler'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { createRoomNoticesJob, roomNoticesSchedule } from '../../src/main/core/engines/rooms/notices-job'
import { registerMembersAdded } from '../../src/main/core/engines/rooms/room-member-notices'
import { testEmployee } from '../support/exchange-sites'
import { openRoomsNotices, type RoomsNoticesHarness } from '../support/rooms-notices-fixture'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'

const people = [testEmployee(1, { email: 'a@example.test' }), testEmployee(2, { email: 'c@example.test' })]
const HOUR = 3_600_000

let sink: SmtpSink
let clock: TestClock
let h: RoomsNoticesHarness
let scheduler: Scheduler
const finished: JobRunResult[] = []

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.stop()
})
beforeEach(async () => {
  sink.messages.length = 0
  finished.length = 0
  // 07:00 on the machine's clock (daily times are wall-clock times in the machine's zone).
  const start = new Date(2026, 10, 23, 7, 0, 0)
  clock = new TestClock(start)
  h = openRoomsNotices(people, { now: () => clock.now() })
  scheduler = new Scheduler({
    db: h.db,
    clock,
    onRunFinished: (_job, result) => finished.push(result),
  })
  h.community('c-a', '営業部会')
  h.part.book.register(
    registerMembersAdded({
      eventId: 'ev-1',
      communityCode: 'c-a',
      existingMembers: [people[1]!.key],
      addedMembers: [people[0]!.key],
      roomState: { before: 'in-session', after: 'in-session' },
      parameters: { memberNoticeDefault: true },
      directory: new Map(people.map((p) => [p.key, { id: p.key, email: p.email }])),
      now: start,
    }),
  )
})
afterEach(async () => {
  await scheduler.stop()
  await h.close()
})

async function runUntilFinished(): Promise<JobRunResult> {
  scheduler.start()
  await clock.advance(2 * HOUR)
  const deadline = Date.now() + 10_000
  while (finished.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  expect(finished).toHaveLength(1)
  return finished[0]!
}

describe('「通知メールを送信」 at the daily time of the settings (real scheduler, real SMTP server)', () => {
  it('is by hand only while the time is empty or room provisioning is off', () => {
    expect(roomNoticesSchedule({ enabled: true, sendNoticesAt: '' })).toEqual({ kind: 'manual' })
    expect(roomNoticesSchedule({ enabled: false, sendNoticesAt: '08:00' })).toEqual({ kind: 'manual' })
    expect(roomNoticesSchedule({ enabled: true, sendNoticesAt: '08:00' })).toEqual({
      kind: 'daily',
      at: '08:00',
    })
  })

  it('sends the pending notices at that time', async () => {
    await h.useSmtp(sink.port)
    scheduler.register(createRoomNoticesJob(h.part, { enabled: true, sendNoticesAt: '08:00' }))
    const result = await runUntilFinished()
    expect(result.outcome).toBe('ok')
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a@example.test', 'c@example.test'])
    expect(h.part.book.pending()).toBe(0)
  })

  it('no notice target chosen: the run is an error saying so, and the notices wait', async () => {
    scheduler.register(createRoomNoticesJob(h.part, { enabled: true, sendNoticesAt: '08:00' }))
    const result = await runUntilFinished()
    expect(result.outcome).toBe('error')
    expect(result.message.en).toContain('Pick a notice target')
    expect(h.part.book.pending()).toBe(1)
  })
})
