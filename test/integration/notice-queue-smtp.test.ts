import { rmSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import {
  messageStates,
  openQueueFixture,
  queueEvent,
  seedEmployees,
  smtpTarget,
  until,
  type QueueFixture,
} from '../support/notice-queue-fixture'
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../support/smtp-sink'
import { tempDataDir } from '../support/test-core'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function relayTo(options: SmtpSinkOptions): Promise<{ f: QueueFixture; sink: SmtpSink }> {
  const sink = await startSmtpSink(options)
  const dir = tempDataDir('renkei-notice-smtp-')
  const f = openQueueFixture(dir, { targets: [smtpTarget('mail', sink.port, { ratePerMinute: 6000 })] })
  cleanups.push(
    () => sink.stop(),
    () => rmSync(dir, { recursive: true, force: true }),
    () => f.close(),
  )
  seedEmployees(f.db, 3)
  return { f, sink }
}

it('delivers to a real SMTP server with the stable Message-ID and the address planned; the screens hear notice.changed', async () => {
  const { f, sink } = await relayTo({})
  const changes: { pending: number; setAside: number }[] = []
  f.events.subscribe('notice.changed', (counts) => changes.push(counts))
  const ids = queueEvent(f.db, { id: 'ev1', employees: [1, 2, 3], targetId: 'mail', at: Date.now() })
  f.queue.start()
  const messages = await sink.waitFor(3)
  expect(messages.map((m) => m.mail.messageId).sort()).toEqual(
    ids.map((id) => `<renkei-notice-${id}@test-site>`).sort(),
  )
  expect(messages.map((m) => m.to[0]).sort()).toEqual([
    'user1@a.example.jp',
    'user2@a.example.jp',
    'user3@a.example.jp',
  ])
  await until(() => changes.at(-1)?.pending === 0)
  expect(changes.length).toBeLessThanOrEqual(3)
})

it('a server refusing with 550 sets the message aside with its words; 421 is retried later', async () => {
  const refused = await relayTo({ refuseWith: { code: 550, text: 'No such user here' } })
  const [a] = queueEvent(refused.f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: Date.now() })
  refused.f.queue.start()
  await until(() => messageStates(refused.f.db)[a!]!.state === 'set-aside')
  const [view] = (await refused.f.queue.handlers['notice.queue']({ state: 'set-aside', limit: 5 })).messages
  expect(view!.detail).toContain('No such user here')
  expect(view!.error?.ja).toContain('受け付けませんでした')

  const busy = await relayTo({ refuseWith: { code: 421, text: 'Try again later' } })
  const [b] = queueEvent(busy.f.db, { id: 'ev1', employees: [1], targetId: 'mail', at: Date.now() })
  busy.f.queue.start()
  await until(() => messageStates(busy.f.db)[b!]!.attempts === 1)
  const state = messageStates(busy.f.db)[b!]!
  expect(state.state).toBe('pending')
  expect(state.due_at).toBeGreaterThan(Date.now() + 20_000)
})
