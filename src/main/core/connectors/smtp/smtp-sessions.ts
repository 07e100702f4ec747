import { createHash } from 'node:crypto'
import { ConnectorError } from '../connector-error'
import {
  sendOver,
  transportFor,
  type MailMessage,
  type SmtpServer,
  type SmtpTransport,
} from './smtp-connector'

interface Session {
  readonly fingerprint: string
  readonly transport: SmtpTransport
  idle: NodeJS.Timeout | null
  /** Sends under way (a test send may run beside the queue's): the idle timer waits for none. */
  busy: number
}

/** How long a connection stays open after its last message (then it and the password it signed in with go). */
const defaultIdleMs = 15_000

/** What makes two sends share a connection: the same server, account and password (hashed, never kept). */
const fingerprintOf = (server: SmtpServer): string =>
  createHash('sha256').update(JSON.stringify(server)).digest('hex')

/**
 * One SMTP connection per notice target, kept open between messages: a connection per message costs a
 * TCP and TLS handshake, the greeting (some servers pause before it: smtp-server 100 ms) and a sign-in
 * each time. Changed settings or password open a new one; a failed send closes it, so the next starts
 * clean; `idleMs` (15 s) without a message closes it.
 */
export class SmtpSessions {
  private readonly sessions = new Map<string, Session>()
  private closed = false

  constructor(private readonly idleMs = defaultIdleMs) {}

  async send(
    key: string,
    server: SmtpServer,
    message: MailMessage,
  ): Promise<{ readonly accepted: number; readonly response: string }> {
    if (this.closed)
      throw new ConnectorError('transient', {
        ja: '終了処理中のため SMTP で送れません。',
        en: 'Shutting down: nothing is sent over SMTP now.',
      })
    const session = this.session(key, server)
    session.busy++
    try {
      return await sendOver(session.transport, server, message)
    } catch (error) {
      // Not a newer connection opened meanwhile for changed settings: only the one that failed.
      if (this.sessions.get(key) === session) this.drop(key)
      throw error
    } finally {
      session.busy--
      this.armIdle(key, session)
    }
  }

  /** Closes one target's connection (a removed or changed target). */
  drop(key: string): void {
    const session = this.sessions.get(key)
    if (!session) return
    this.sessions.delete(key)
    if (session.idle) clearTimeout(session.idle)
    session.transport.close()
  }

  close(): void {
    this.closed = true
    for (const key of [...this.sessions.keys()]) this.drop(key)
  }

  private session(key: string, server: SmtpServer): Session {
    const fingerprint = fingerprintOf(server)
    const current = this.sessions.get(key)
    if (current?.fingerprint === fingerprint) {
      if (current.idle) clearTimeout(current.idle)
      current.idle = null
      return current
    }
    this.drop(key)
    const transport = transportFor(server, true)
    const session: Session = { fingerprint, transport, idle: null, busy: 0 }
    this.sessions.set(key, session)
    return session
  }

  private armIdle(key: string, session: Session): void {
    if (this.sessions.get(key) !== session || session.busy > 0) return
    if (session.idle) clearTimeout(session.idle)
    session.idle = setTimeout(() => this.drop(key), this.idleMs)
    session.idle.unref()
  }
}
