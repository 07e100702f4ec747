import { rmSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/store/database'
import { queueEvent, seedEmployees } from '../support/notice-queue-fixture'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { tempDataDir } from '../support/test-core'
import { startTsxChild } from '../support/tsx-child'

const dirs: string[] = []
let sink: SmtpSink | null = null

afterEach(async () => {
  await sink?.stop()
  sink = null
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Runs the worker until it delivered `killAfter` messages (then kill -9), or until the queue is empty. */
async function drain(dir: string, port: number, killAfter: number | null): Promise<string[]> {
  const delivered: string[] = []
  const child = startTsxChild('test/support/notice-queue-child.ts', [dir, String(port)], (line, c) => {
    if (line.startsWith('delivered ')) delivered.push(line.slice('delivered '.length))
    if (killAfter !== null && delivered.length === killAfter) void c.kill()
  })
  const { code, signal, stderr } = await child.exited
  if (killAfter === null && code !== 0) throw new Error(`worker exited ${code}: ${stderr}`)
  if (killAfter !== null && signal !== 'SIGKILL') throw new Error(`worker was not killed: ${stderr}`)
  return delivered
}

it('kill -9 mid-drain, twice, then a restart: every message arrives at the SMTP server, each Message-ID once but for the one in flight at each kill, which came again with the same Message-ID', async () => {
  const dir = tempDataDir('renkei-notice-kill-')
  dirs.push(dir)
  sink = await startSmtpSink()
  const db = openDatabase(dir)
  seedEmployees(db, 30)
  const ids = queueEvent(db, {
    id: 'ev1',
    employees: Array.from({ length: 30 }, (_, i) => i + 1),
    targetId: 'mail',
    at: Date.now(),
  })
  db.close()

  await drain(dir, sink.port, 5)
  await drain(dir, sink.port, 4)
  await drain(dir, sink.port, null)

  const received = sink.messages.map((m) => m.mail.messageId!)
  const expected = ids.map((id) => `<renkei-notice-${id}@test-site>`)
  expect(new Set(received)).toEqual(new Set(expected))
  // Each kill landed after the server accepted a message and before the worker recorded it: that one
  // came again after the restart, under the same Message-ID, so a receiver can drop the repeat.
  const repeats = received.filter((id, i) => received.indexOf(id) !== i)
  expect(repeats).toHaveLength(2)
  expect(received).toHaveLength(ids.length + 2)
  const recipients = sink.messages.map((m) => m.to[0])
  expect(new Set(recipients).size).toBe(30)

  const check = openDatabase(dir)
  const states = check.prepare('SELECT state, count(*) AS n FROM notice_messages GROUP BY state').all()
  check.close()
  expect(states).toEqual([{ state: 'sent', n: 30 }])
}, 120_000)
