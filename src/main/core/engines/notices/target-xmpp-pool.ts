import { createHash } from 'node:crypto'
import { ConnectorError } from '../../connectors/connector-error'
import { XmppConnection, type XmppAccount } from '../../connectors/xmpp/xmpp-connector'

interface Session {
  /** Which account and password it signed in with: a changed one opens a new session. */
  readonly fingerprint: string
  readonly connection: Promise<XmppConnection>
}

const fingerprintOf = (account: XmppAccount): string =>
  createHash('sha256')
    .update([account.service, account.domain, account.username, account.password].join('\0'))
    .digest('hex')

/**
 * One signed-in XMPP session per target, kept open between messages (a login per message would cost a
 * round trip and, on servers that log them, a line per notice). A dropped session is replaced on the next
 * message; a message that fails on a reused session is tried once on a fresh one.
 */
export class XmppSessions {
  private readonly sessions = new Map<string, Session>()
  private closed = false

  async send(targetId: string, account: XmppAccount, to: string, text: string): Promise<void> {
    const reused = this.sessions.has(targetId)
    try {
      await (await this.session(targetId, account)).send(to, text)
    } catch (error) {
      await this.drop(targetId)
      if (!reused || !(error instanceof ConnectorError) || error.kind !== 'transient') throw error
      await (await this.session(targetId, account)).send(to, text)
    }
  }

  private async session(targetId: string, account: XmppAccount): Promise<XmppConnection> {
    if (this.closed)
      throw new ConnectorError('transient', {
        ja: '終了処理中のため XMPP で送れません。',
        en: 'Shutting down: nothing is sent over XMPP now.',
      })
    const fingerprint = fingerprintOf(account)
    const current = this.sessions.get(targetId)
    if (current && current.fingerprint === fingerprint) {
      const connection = await current.connection.catch(() => null)
      if (connection?.alive) return connection
    }
    await this.drop(targetId)
    const connection = XmppConnection.open(account)
    this.sessions.set(targetId, { fingerprint, connection })
    try {
      return await connection
    } catch (error) {
      if (this.sessions.get(targetId)?.connection === connection) this.sessions.delete(targetId)
      throw error
    }
  }

  /** Closes one target's session (a removed or changed target). */
  async drop(targetId: string): Promise<void> {
    const session = this.sessions.get(targetId)
    if (!session) return
    this.sessions.delete(targetId)
    const connection = await session.connection.catch(() => null)
    await connection?.close()
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.sessions.keys()].map((id) => this.drop(id)))
  }
}
