import { afterEach, expect, it } from 'vitest'
import { messageStates, queueEvent, until } from '../../../../../test/support/notice-queue-fixture'
import {
  closeQueueDoubles,
  permanent,
  queueWithSenderDouble,
} from '../../../../../test/support/notice-queue-doubles'

afterEach(closeQueueDoubles)
const minute = 60_000

it('never-run before the first message, ok after a success, failing after a set-aside, warning while messages wait late', async () => {
  let fail = false
  const { f, clock } = queueWithSenderDouble(() => {
    if (fail) throw permanent
  }, [
    { id: 'mail', name: 'Mail', kind: 'smtp' },
    { id: 'off', name: 'Off', kind: 'smtp', enabled: false },
  ])
  const state = (): string => f.queue.health.report(clock.t).engine.state
  expect(state()).toBe('never-run')
  f.queue.start()

  queueEvent(f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: clock.t })
  f.queue.signal.wake()
  await until(() => state() === 'ok')
  expect(f.queue.health.report(clock.t).engine.lastSuccessAt).not.toBeNull()

  fail = true
  queueEvent(f.db, { id: 'ev2', employees: [2], targetId: 'mail', at: clock.t })
  f.queue.signal.wake()
  await until(() => state() === 'failing')
  const failing = f.queue.health.report(clock.t).engine
  expect(failing.errors24h).toBe(1)
  expect(failing.lastFailure?.ja).toBe('宛先がありません')

  fail = false
  queueEvent(f.db, { id: 'ev3', employees: [3], targetId: 'mail', at: clock.t })
  f.queue.signal.wake()
  await until(() => state() === 'ok')

  queueEvent(f.db, { id: 'ev4', employees: [4], targetId: 'off', at: clock.t })
  expect(state()).toBe('ok')
  clock.t += 16 * minute
  expect(state()).toBe('warning')
  expect(Object.values(messageStates(f.db)).filter((m) => m.state === 'pending')).toHaveLength(1)
})
