/**
 * The notice relay's kept SMTP connections (`SmtpSessions`) against smtp-server on loopback: messages of
 * one target share a connection, targets do not, a changed password or a failure opens a new one, idle
 * connections close, and nothing is sent after close.
 */
import { afterEach, expect, it } from 'vitest'
import type { ConnectorError } from '../../src/main/core/connectors/connector-error'
import type { SmtpServer } from '../../src/main/core/connectors/smtp/smtp-connector'
import { SmtpSessions } from '../../src/main/core/connectors/smtp/smtp-sessions'
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../support/smtp-sink'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function sinkAndSessions(options: SmtpSinkOptions = {}, idleMs?: number) {
  const sink = await startSmtpSink(options)
  const sessions = new SmtpSessions(idleMs)
  cleanups.push(
    () => sink.stop(),
    () => sessions.close(),
  )
  const server = (more: Partial<SmtpServer> = {}): SmtpServer => ({
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    username: '',
    password: null,
    trustedCertificate: '',
    ...more,
  })
  return { sink, sessions, server }
}

const message = (n: number) => ({
  from: 'renkei@a.example.jp',
  to: [`user${n}@a.example.jp`],
  subject: `お知らせ ${n}`,
  text: `本文 ${n}`,
  messageId: `notice-${n}@test`,
})

const connections = (sink: SmtpSink) => sink.messages.map((m) => m.connection)
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as ConnectorError,
  )

it('sends the messages of one target over one connection, and another target over its own', async () => {
  const { sink, sessions, server } = await sinkAndSessions()
  for (const n of [1, 2, 3]) await sessions.send('mail', server(), message(n))
  await sessions.send('other', server(), message(4))
  await sink.waitFor(4)
  const [a, b, c, d] = connections(sink)
  expect([b, c]).toEqual([a, a])
  expect(d).not.toBe(a)
  expect(sink.messages.map((m) => m.mail.messageId)).toEqual([1, 2, 3, 4].map((n) => `<notice-${n}@test>`))
})

it('a refused sign-in is an auth error without the password; the right one then signs in once for what follows', async () => {
  const { sink, sessions, server } = await sinkAndSessions({ login: { user: 'relay', password: 'right' } })
  const refused = await failure(
    sessions.send('mail', server({ username: 'relay', password: 'wrong' }), message(1)),
  )
  expect(refused?.kind).toBe('auth')
  expect(JSON.stringify(refused?.localized)).not.toContain('wrong')
  await sessions.send('mail', server({ username: 'relay', password: 'right' }), message(2))
  await sessions.send('mail', server({ username: 'relay', password: 'right' }), message(3))
  await sink.waitFor(2)
  const [first, second] = connections(sink)
  expect(second).toBe(first)
})

it('closes a connection idle for longer than its limit; the next message opens a new one', async () => {
  const { sink, sessions, server } = await sinkAndSessions({}, 200)
  await sessions.send('mail', server(), message(1))
  await new Promise((resolve) => setTimeout(resolve, 500))
  await sessions.send('mail', server(), message(2))
  await sink.waitFor(2)
  const [first, second] = connections(sink)
  expect(second).not.toBe(first)
})

it('after close sends nothing and says it is shutting down', async () => {
  const { sink, sessions, server } = await sinkAndSessions()
  sessions.close()
  const refused = await failure(sessions.send('mail', server(), message(1)))
  expect(refused?.kind).toBe('transient')
  expect(refused?.localized.en).toContain('Shutting down')
  expect(sink.messages).toEqual([])
})
