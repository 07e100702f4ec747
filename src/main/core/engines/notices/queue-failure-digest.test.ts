import { afterEach, expect, it } from 'vitest'
import { messageStates, queueEvent, until } from '../../../../../test/support/notice-queue-fixture'
import {
  closeQueueDoubles,
  permanent,
  queueWithSenderDouble,
} from '../../../../../test/support/notice-queue-doubles'
import { failureDigestKey } from './queue-failure-digest'

afterEach(closeQueueDoubles)
const hour = 3_600_000

it('one summary per period of what was set aside (per target and kind, first errors); none when nothing failed; the period survives a restart', async () => {
  const failAll = (): void => {
    throw permanent
  }
  const first = queueWithSenderDouble(failAll, undefined, { failureDigestMinutes: 60 })
  const { f, clock } = first
  const start = clock.t
  f.queue.start()
  await until(() => f.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(failureDigestKey) !== undefined)
  queueEvent(f.db, { id: 'ev1', employees: [1, 2], targetId: 'mail', at: clock.t })
  queueEvent(f.db, { id: 'ev2', kind: 'schedule.changed', employees: [3], targetId: 'mail', at: clock.t })
  f.queue.signal.wake()
  await until(() => Object.values(messageStates(f.db)).every((m) => m.state === 'set-aside'))
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(f.adminSent).toHaveLength(0)

  // Restart before the period ends: the new worker keeps the stored period, and still reports these.
  await f.close()
  const again = queueWithSenderDouble(failAll, undefined, { failureDigestMinutes: 60 }, { dir: first.dir })
  again.clock.t = start + hour + 1_000
  again.f.queue.start()
  await until(() => again.f.adminSent.length === 1)
  const [summary] = again.f.adminSent
  expect(summary!.title.ja).toContain('3 件')
  expect(summary!.title.en).toContain('3 notices')
  expect(summary!.message.ja).toContain('Mail: message.created 2 件')
  expect(summary!.message.ja).toContain('Mail: schedule.changed 1 件')
  expect(summary!.message.en).toContain('No such recipient')

  // A quiet period sends nothing; a wake within the period sends nothing more.
  again.f.queue.signal.wake()
  again.clock.t = start + 2 * hour + 2_000
  again.f.queue.signal.wake()
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(again.f.adminSent).toHaveLength(1)
})

it('off (0 minutes): nothing is sent however much fails', async () => {
  const { f, clock } = queueWithSenderDouble(() => {
    throw permanent
  })
  queueEvent(f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: clock.t })
  f.queue.start()
  await until(() => Object.values(messageStates(f.db)).every((m) => m.state === 'set-aside'))
  clock.t += 100 * hour
  f.queue.signal.wake()
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(f.adminSent).toHaveLength(0)
})
