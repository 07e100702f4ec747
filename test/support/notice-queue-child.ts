/**
 * For the kill -9 test of the notice queue (argv: data directory, SMTP port): drains the queue into the
 * SMTP server through the real worker and the relay's own SMTP sender. After each message the server accepted, it says so and waits a
 * moment before the worker records it, so a kill lands between the send and its record.
 */
import type { NoticeSender } from '../../src/main/core/engines/notices/notice-ports'
import { openQueueFixture, smtpTarget } from './notice-queue-fixture'

const [dir, port] = process.argv.slice(2)

async function main(): Promise<void> {
  const fixture = openQueueFixture(dir!, {
    targets: [smtpTarget('mail', Number(port), { ratePerMinute: 6000 })],
    senderFor: (target): NoticeSender => {
      const smtp = fixture.realSenderFor(target)
      return {
        send: async (notice, signal) => {
          const result = await smtp.send(notice, signal)
          process.stdout.write(`delivered ${notice.messageId}\n`)
          await new Promise((resolve) => setTimeout(resolve, 150))
          return result
        },
      }
    },
  })
  fixture.queue.start()
  const pending = fixture.db.prepare(`SELECT count(*) FROM notice_messages WHERE state = 'pending'`).pluck()
  while ((pending.get() as number) > 0) await new Promise((resolve) => setTimeout(resolve, 50))
  await fixture.close()
  process.stdout.write('done\n')
}

void main()
