import type { XmppClient } from '@xmpp/client'
import { isIP } from 'node:net'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../connector-error'
import { redactorFor } from '../redaction'

/** The account Renkei signs in with; the password comes from the keychain when a connection opens. */
export interface XmppAccount {
  /** xmpp://host:port (STARTTLS when offered) or xmpps://host:port (TLS from the first byte). */
  readonly service: string
  readonly domain: string
  readonly username: string
  readonly password: string
}

/** A connection that has not signed in by then is reported: a queue must not hang on a dead server. */
const openTimeoutMs = 15_000

/** The host and port of an XMPP service URI, or why it is not one (ja/en). */
export function parseXmppService(service: string): { host: string; port: number; tls: boolean } | Localized {
  let url: URL
  try {
    url = new URL(service)
  } catch {
    return { ja: 'xmpp://ホスト:ポート の形式で入力してください', en: 'must look like xmpp://host:port' }
  }
  if (url.protocol !== 'xmpp:' && url.protocol !== 'xmpps:')
    return { ja: 'xmpp:// か xmpps:// で始めてください', en: 'must start with xmpp:// or xmpps://' }
  if (url.username || url.password || (url.pathname !== '' && url.pathname !== '/'))
    return {
      ja: 'ホストとポートだけにしてください（ユーザー名・パスワード・パスは不可）',
      en: 'must hold only a host and a port (no user name, password or path)',
    }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (host === '') return { ja: 'ホスト名がありません', en: 'has no host name' }
  const tls = url.protocol === 'xmpps:'
  return { host, port: url.port === '' ? (tls ? 5223 : 5222) : Number(url.port), tls }
}

/** Loopback only: the one place a password may travel without TLS (a server on this machine). */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1'
}

function failure(account: XmppAccount, error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error
  const redact = redactorFor([account.password])
  const text = redact(error instanceof Error ? error.message : String(error))
  const condition = (error as { condition?: string; code?: string }).condition
  const code = (error as { code?: string }).code
  const where = account.service
  if ((error as Error).name === 'SASLError' || condition === 'not-authorized') {
    return new ConnectorError(
      'auth',
      {
        ja: `XMPP サーバー ${where} が ${account.username}@${account.domain} のサインインを拒否しました。ユーザー名と、キーチェーンのパスワードを確認してください。`,
        en: `The XMPP server ${where} refused the sign-in of ${account.username}@${account.domain}. Check the user name and the password in the keychain.`,
      },
      text,
    )
  }
  if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(text)) {
    return new ConnectorError(
      'permanent',
      {
        ja: `XMPP サーバー ${where} の証明書を信頼できません。正しい証明書をサーバーに設定してください。`,
        en: `The certificate of the XMPP server ${where} is not trusted. Give the server a proper certificate.`,
      },
      text,
    )
  }
  return new ConnectorError(
    'transient',
    {
      ja: `XMPP サーバー ${where} に接続できませんでした（${code ?? condition ?? text}）。サーバーのアドレスと、サーバーが動いているかを確認してください。`,
      en: `Could not reach the XMPP server ${where} (${code ?? condition ?? text}). Check the server address and that the server is running.`,
    },
    text,
  )
}

const plainRefused = (where: string): ConnectorError =>
  new ConnectorError('permanent', {
    ja: `XMPP サーバー ${where} が暗号化（TLS）を提供していません。パスワードを暗号化せずに送ることはしません（同じマシン上のサーバーを除く）。xmpps:// にするか、サーバーで STARTTLS を有効にしてください。`,
    en: `The XMPP server ${where} offers no encryption (TLS). Renkei does not send a password unencrypted (except to a server on this machine). Use xmpps:// or turn on STARTTLS on the server.`,
  })

/**
 * One signed-in XMPP session (@xmpp/client, loaded with import(): it is ESM-only). Its own reconnect is
 * off: the owner notices `alive` false and opens a new one, so a failure is reported, not retried in the dark.
 */
export class XmppConnection {
  private constructor(
    private readonly client: XmppClient,
    private readonly xmlOf: typeof import('@xmpp/client').xml,
  ) {}

  /** Signs in (PLAIN over TLS, or over plain text to a loopback server only) and sends presence. */
  static async open(account: XmppAccount): Promise<XmppConnection> {
    const parsed = parseXmppService(account.service)
    if (!('host' in parsed)) throw new ConnectorError('permanent', parsed)
    const { client, xml } = await import('@xmpp/client')
    const session = client({
      service: account.service,
      domain: account.domain,
      resource: 'renkei',
      credentials: async (authenticate, mechanisms, _fast, entity) => {
        if (!entity.isSecure() && !isLoopbackHost(parsed.host)) throw plainRefused(account.service)
        // PLAIN is safe here (TLS or loopback) and costs ms; SCRAM-SHA-1 in pure JS costs over a second.
        const mechanism = mechanisms.includes('PLAIN') ? 'PLAIN' : mechanisms[0]!
        await authenticate({ username: account.username, password: account.password }, mechanism)
      },
    })
    session.reconnect.stop()
    // An 'error' without a listener would crash the process; failures surface through start() and alive.
    session.on('error', () => undefined)
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        session.start(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
            openTimeoutMs,
          )
        }),
      ])
      await session.send(xml('presence'))
    } catch (error) {
      await session.stop().catch(() => undefined)
      throw failure(account, error)
    } finally {
      clearTimeout(timer)
    }
    return new XmppConnection(session, xml)
  }

  get alive(): boolean {
    return this.client.status === 'online'
  }

  /** One chat message to `to` (a bare JID). */
  async send(to: string, text: string): Promise<void> {
    try {
      await this.client.send(this.xmlOf('message', { type: 'chat', to }, this.xmlOf('body', {}, text)))
    } catch (error) {
      throw new ConnectorError(
        'transient',
        {
          ja: 'XMPP サーバーとの接続が切れていたため送れませんでした。もう一度送ります。',
          en: 'The connection to the XMPP server had dropped; it will be sent again.',
        },
        error instanceof Error ? error.message : String(error),
      )
    }
  }

  async close(): Promise<void> {
    await this.client.stop().catch(() => undefined)
  }
}
