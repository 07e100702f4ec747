import { afterEach, expect, it } from 'vitest'
import type { ApiError } from '../../../../shared/model/errors'
import { ConnectorError } from '../../connectors/connector-error'
import { messageStates, queueEvent, until } from '../../../../../test/support/notice-queue-fixture'
import {
  closeQueueDoubles,
  permanent,
  queueWithSenderDouble as fixture,
  transient,
} from '../../../../../test/support/notice-queue-doubles'

// The sender is a double of the port (the queue's logic is the point here); the real SMTP path is
// test/integration/notice-queue-kill.test.ts against smtp-server.
afterEach(closeQueueDoubles)

it('sends each due message once, rendered at send time, with a Message-ID stable for its row', async () => {
  const { f, sent, clock } = fixture()
  const ids = queueEvent(f.db, { id: 'ev1', employees: [1, 2], targetId: 'mail', at: clock.t })
  f.wording = '変更後の文面'
  f.queue.start()
  await until(() => sent.length === 2)
  await until(() => Object.values(messageStates(f.db)).every((m) => m.state === 'sent'))
  expect(sent.map((s) => s.notice.messageId).sort()).toEqual(
    ids.map((id) => `renkei-notice-${id}@test-site`).sort(),
  )
  expect(sent[0]!.notice.subject).toBe('変更後の文面 message.created ev1')
  expect(sent.map((s) => s.notice.recipient.name).sort()).toEqual(['社員 1', '社員 2'])
})

it('a transient failure is retried after 30 s (±20 %), then set aside after maxAttempts with a history line', async () => {
  const { f, clock } = fixture(
    () => {
      throw transient
    },
    undefined,
    { maxAttempts: 2 },
  )
  const [id] = queueEvent(f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: clock.t })
  const before = clock.t
  f.queue.start()
  await until(() => messageStates(f.db)[id!]!.attempts === 1)
  const first = messageStates(f.db)[id!]!
  expect(first.state).toBe('pending')
  expect(first.due_at - before).toBeGreaterThanOrEqual(24_000)
  expect(first.due_at - clock.t).toBeLessThanOrEqual(36_000)
  expect(JSON.parse(first.error!)).toEqual({ ja: '一時的な失敗', en: 'Temporary failure' })

  clock.t = first.due_at + 60_000
  f.queue.signal.wake()
  await until(() => messageStates(f.db)[id!]!.state === 'set-aside')
  expect(messageStates(f.db)[id!]!.attempts).toBe(2)
  const lines = f.ctx.history.search({ category: 'notices' }, 10).entries
  expect(lines).toHaveLength(1)
  expect(lines[0]!.level).toBe('error')
  expect(lines[0]!.message).toContain('保留')
  expect(lines[0]!.messageEn).toContain('set aside')
})

it('a target down for a day keeps its messages (default maxAttempts) and delivers them once it is back', async () => {
  let down = true
  const { f, sent, clock } = fixture(() => {
    if (down) throw transient
  })
  const [id] = queueEvent(f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: clock.t })
  const start = clock.t
  f.queue.start()
  for (let attempts = 1; clock.t - start < 24 * 3_600_000; attempts++) {
    await until(() => messageStates(f.db)[id!]!.attempts === attempts)
    expect(messageStates(f.db)[id!]!.state).toBe('pending')
    // Past the target's rest too: its own jitter may end up to 1.5 × later than the message's.
    clock.t += (messageStates(f.db)[id!]!.due_at - clock.t) * 1.5
    f.queue.signal.wake()
  }
  down = false
  await until(() => messageStates(f.db)[id!]!.state === 'sent')
  expect(sent).toHaveLength(1)
})

it("a receiver's Retry-After is waited for instead of the backoff", async () => {
  const slowDown = Object.assign(new ConnectorError('quota', { ja: '多すぎます', en: 'Too many' }), {
    retryAfterMs: 120_000,
  })
  const { f, clock } = fixture(() => {
    throw slowDown
  })
  const [id] = queueEvent(f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: clock.t })
  const before = clock.t
  f.queue.start()
  await until(() => messageStates(f.db)[id!]!.attempts === 1)
  const due = messageStates(f.db)[id!]!.due_at
  expect(due - before).toBeGreaterThanOrEqual(120_000)
  expect(due - clock.t).toBeLessThanOrEqual(120_000)
})

it('a permanent failure sets that one message aside at once; the others are sent', async () => {
  const { f, sent, clock } = fixture((notice) => {
    if (notice.recipient.employeeKey === 'E000002') throw permanent
  })
  const ids = queueEvent(f.db, { id: 'ev1', employees: [1, 2, 3], targetId: 'mail', at: clock.t })
  f.queue.start()
  await until(() => Object.values(messageStates(f.db)).every((m) => m.state !== 'pending'))
  const states = messageStates(f.db)
  expect(states[ids[1]!]!.state).toBe('set-aside')
  expect(states[ids[1]!]!.attempts).toBe(1)
  expect(sent).toHaveLength(2)
  const page = await f.queue.handlers['notice.queue']({ state: 'set-aside', limit: 10 })
  expect(page.messages.map((m) => [m.id, m.employeeName, m.error?.en, m.detail])).toEqual([
    [ids[1], '社員 2', 'No such recipient', '550 no such user'],
  ])
  expect(page.counts).toEqual({ pending: 0, sent: 2, 'set-aside': 1, dropped: 0 })
})

it('at most ratePerMinute a minute leave for a target', async () => {
  const { f, sent, clock } = fixture(undefined, [
    { id: 'mail', name: 'Mail', kind: 'smtp', ratePerMinute: 2 },
  ])
  queueEvent(f.db, { id: 'ev1', employees: [1, 2, 3, 4], targetId: 'mail', at: clock.t })
  f.queue.start()
  await until(() => sent.length === 1)
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(sent).toHaveLength(1)
  clock.t += 30_000
  f.queue.signal.wake()
  await until(() => sent.length === 2)
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(sent).toHaveLength(2)
})

it('one slow target never holds up another', async () => {
  let release = (): void => {}
  const slow = new Promise<void>((resolve) => (release = resolve))
  const { f, sent, clock } = fixture(
    (_notice, target) => (target === 'slow' ? slow : undefined),
    [
      { id: 'slow', name: 'Slow', kind: 'smtp' },
      { id: 'fast', name: 'Fast', kind: 'smtp' },
    ],
  )
  queueEvent(f.db, { id: 'ev1', employees: [1, 2], targetId: 'slow', at: clock.t })
  queueEvent(f.db, { id: 'ev2', employees: [1, 2, 3, 4, 5], targetId: 'fast', at: clock.t })
  f.queue.start()
  await until(() => sent.filter((s) => s.target === 'fast').length === 5)
  expect(sent.filter((s) => s.target === 'slow')).toHaveLength(0)
  release()
  await until(() => sent.filter((s) => s.target === 'slow').length === 2)
})

it("a disabled target's messages wait; a removed target's are dropped at start", async () => {
  const { f, sent, clock } = fixture(undefined, [
    { id: 'off', name: 'Off', kind: 'smtp', enabled: false },
    { id: 'mail', name: 'Mail', kind: 'smtp' },
  ])
  const waiting = queueEvent(f.db, { id: 'ev1', employees: [1], targetId: 'off', at: clock.t })
  const gone = queueEvent(f.db, { id: 'ev2', employees: [1], targetId: 'gone', at: clock.t })
  queueEvent(f.db, { id: 'ev3', employees: [2], targetId: 'mail', at: clock.t })
  f.queue.start()
  await until(() => sent.length === 1)
  await new Promise((resolve) => setTimeout(resolve, 100))
  const states = messageStates(f.db)
  expect(states[waiting[0]!]!.state).toBe('pending')
  expect(states[gone[0]!]!.state).toBe('dropped')
  expect(f.queue.stats.targetStats('off')).toMatchObject({ pending: 1, setAside: 0 })
  f.targets.set('off', { ...f.targets.get('off')!, enabled: true })
  f.queue.signal.wake()
  await until(() => sent.length === 2)
})

it('digest: one message per person after N minutes, all rows sent with digest_of = the first id', async () => {
  const { f, sent, clock } = fixture(undefined, [
    { id: 'mail', name: 'Mail', kind: 'smtp', digestMinutes: 5, language: 'ja-en' },
  ])
  const start = clock.t
  const [a] = queueEvent(f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: start })
  f.queue.start()
  await until(() => messageStates(f.db)[a!]!.due_at === start + 300_000)
  clock.t = start + 60_000
  const [b] = queueEvent(f.db, { id: 'ev2', employees: [1], targetId: 'mail', at: clock.t })
  const [c] = queueEvent(f.db, { id: 'ev3', employees: [1], targetId: 'mail', at: clock.t })
  f.queue.signal.wake()
  await until(() => messageStates(f.db)[c!]!.due_at === start + 300_000)
  expect(sent).toHaveLength(0)
  clock.t = start + 300_000
  f.queue.signal.wake()
  await until(() => sent.length === 1)
  const digest = sent[0]!.notice
  expect(digest.subject).toBe('お知らせ 3 件 / 3 notices')
  expect(digest.text.indexOf('ev1')).toBeLessThan(digest.text.indexOf('ev2'))
  expect(digest.text.indexOf('ev2')).toBeLessThan(digest.text.indexOf('ev3'))
  expect(digest.messageId).toBe(`renkei-notice-${a}-${c}@test-site`)
  await until(() => messageStates(f.db)[c!]!.state === 'sent')
  for (const id of [a!, b!, c!])
    expect(messageStates(f.db)[id]).toMatchObject({ state: 'sent', digest_of: a })
})

it('notice.retry: one id, a whole target or everything set aside goes back, due now; bad input refused in ja and en', async () => {
  let failing = true
  const { f, sent, clock } = fixture(() => {
    if (failing) throw permanent
  }, [
    { id: 'mail', name: 'Mail', kind: 'smtp' },
    { id: 'other', name: 'Other', kind: 'smtp' },
  ])
  const ids = queueEvent(f.db, { id: 'ev1', employees: [1, 2], targetId: 'mail', at: clock.t })
  queueEvent(f.db, { id: 'ev2', employees: [1], targetId: 'other', at: clock.t })
  f.queue.start()
  await until(() => Object.values(messageStates(f.db)).every((m) => m.state === 'set-aside'))
  failing = false

  await expect(f.queue.handlers['notice.retry']({ id: 99_999 })).rejects.toMatchObject({ code: 'not-found' })
  await expect(f.queue.handlers['notice.retry']({ targetId: 'nope' })).rejects.toSatisfy(
    (e: ApiError) =>
      e.code === 'invalid-input' && e.localized.ja.includes('nope') && e.localized.en.includes('nope'),
  )
  expect(await f.queue.handlers['notice.retry']({ id: ids[0]! })).toEqual({ retried: 1 })
  await until(() => sent.length === 1)
  await expect(f.queue.handlers['notice.retry']({ id: ids[0]! })).rejects.toMatchObject({
    code: 'invalid-input',
  })
  expect(await f.queue.handlers['notice.retry']({ targetId: 'mail' })).toEqual({ retried: 1 })
  await until(() => sent.length === 2)
  expect(await f.queue.handlers['notice.retry']({})).toEqual({ retried: 1 })
  await until(() => sent.length === 3)
  await until(() => Object.values(messageStates(f.db)).every((m) => m.state === 'sent'))
  expect(Object.values(messageStates(f.db)).map((m) => m.attempts)).toEqual([0, 0, 0])
})

it('notice.queue pages newest first by id, with counts by state', async () => {
  const { f, clock } = fixture(undefined, [{ id: 'off', name: 'Off', kind: 'smtp', enabled: false }])
  const ids = queueEvent(f.db, { id: 'ev1', employees: [1, 2, 3, 4, 5], targetId: 'off', at: clock.t })
  const first = await f.queue.handlers['notice.queue']({ limit: 2 })
  expect(first.messages.map((m) => m.id)).toEqual([ids[4], ids[3]])
  expect(first.nextBefore).toBe(ids[3])
  const last = await f.queue.handlers['notice.queue']({ limit: 2, before: ids[1]! })
  expect(last.messages.map((m) => m.id)).toEqual([ids[0]])
  expect(last.nextBefore).toBeNull()
  expect(first.counts.pending).toBe(5)
  expect((await f.queue.handlers['notice.queue']({ limit: 10, state: 'sent' })).messages).toEqual([])
})

it("stats: a target's counts, last send and last error; removing it drops its pending messages with a history line", async () => {
  const { f, clock } = fixture(
    (notice) => {
      if (notice.recipient.employeeKey === 'E000002') throw permanent
    },
    [
      { id: 'mail', name: 'Mail', kind: 'smtp' },
      { id: 'off', name: 'Off', kind: 'smtp', enabled: false },
    ],
  )
  queueEvent(f.db, { id: 'ev1', employees: [1, 2], targetId: 'mail', at: clock.t })
  const waiting = queueEvent(f.db, { id: 'ev2', employees: [1, 2, 3], targetId: 'off', at: clock.t })
  f.queue.start()
  await until(() => f.queue.stats.targetStats('mail').setAside === 1)
  await until(() => f.queue.stats.targetStats('mail').pending === 0)
  const mail = f.queue.stats.targetStats('mail')
  expect(mail.lastSentAt).not.toBeNull()
  expect(mail.lastError).toEqual({ ja: '宛先がありません', en: 'No such recipient' })

  expect(f.queue.stats.dropTarget('off')).toBe(3)
  for (const id of waiting) expect(messageStates(f.db)[id]!.state).toBe('dropped')
  expect(f.queue.stats.targetStats('off')).toMatchObject({ pending: 0, setAside: 0 })
  const [line] = f.ctx.history.search({ category: 'notices', level: 'warning' }, 5).entries
  expect(line!.message).toContain('3 件')
  expect(line!.messageEn).toContain('3 unsent notices were dropped')
})
