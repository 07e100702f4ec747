/**
 * A source of kind `xmpp`: Renkei signs in to its own chat account and every `<message type="chat">` with a
 * body becomes a chat message for the groupware. Signs in again after a drop or a failure, waiting 1 s, 2 s,
 * 4 s … up to 5 minutes between tries. The password is sent only over TLS (xmpps:// or STARTTLS); without TLS
 * only to a server on 127.x (a test or a same-machine server), with PLAIN.
 */
import { rootCertificates } from 'node:tls'
import type { XmppClient, XmppElement } from '@xmpp/client'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeSourceConfig } from '../../../../shared/model/notices'
import type { ChatMessage } from './inbound-chat-event'

export type XmppAccount = NonNullable<NoticeSourceConfig['xmpp']>

export interface XmppSourceDeps {
  readonly now: () => number
  readonly trustedCaPems: () => readonly string[]
  /** Read before each sign-in, so a new password counts from the next try. */
  password(): Promise<string | null>
  onMessage(message: ChatMessage): void
  /** Signed in, or why not (each failed try and each drop). */
  onState(error: Localized | null): void
}

export interface XmppSourceSession {
  close(): Promise<void>
}

const firstDelayMs = 1_000
const maxDelayMs = 5 * 60_000

class Insecure extends Error {}

/** Stops a client whose events no longer matter (an error while closing must not end the process). */
async function quietly(xmpp: XmppClient | null): Promise<void> {
  xmpp?.removeAllListeners()
  xmpp?.on('error', () => {})
  await xmpp?.stop().catch(() => {})
}

function describe(error: unknown): Localized {
  if (error instanceof Insecure) {
    return {
      ja: 'サーバーが TLS を提供しないため、パスワードを送りませんでした（127.x 以外では xmpps:// か STARTTLS が必要です）。',
      en: 'The server offers no TLS, so the password was not sent (outside 127.x, xmpps:// or STARTTLS is required).',
    }
  }
  const condition = (error as { condition?: unknown }).condition
  if (condition === 'not-authorized') {
    return { ja: 'XMPP のユーザー名かパスワードが違います。', en: 'The XMPP user name or password is wrong.' }
  }
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && /CERT|SIGNATURE|SELF_SIGNED|ALTNAME/.test(code)) {
    return {
      ja: `XMPP サーバーの証明書を信頼できません（${code}）。社内 CA なら設定 → ネットワークの「信頼する CA」に追加してください。`,
      en: `The XMPP server's certificate is not trusted (${code}). For an in-house CA, add it under Settings → Network → trusted CAs.`,
    }
  }
  const what = typeof code === 'string' ? code : String((error as Error).message ?? error).slice(0, 200)
  return {
    ja: `XMPP サーバーに接続できません（${what}）。`,
    en: `Could not reach the XMPP server (${what}).`,
  }
}

/** A chat message to the account, or null for anything else (presence, errors, group chat, empty). */
export function chatMessageOf(
  stanza: XmppElement,
  ownBare: string,
  where: string,
  now: number,
): ChatMessage | null {
  if (!stanza.is('message') || stanza.attrs['type'] !== 'chat') return null
  const text = stanza.getChildText('body')
  const from = stanza.attrs['from']
  if (!text || !from) return null
  const bare = from.split('/')[0]!
  if (bare === ownBare) return null
  const stamp = stanza.getChild('delay', 'urn:xmpp:delay')?.attrs['stamp']
  const delayed = stamp ? Date.parse(stamp) : NaN
  const id = stanza.attrs['id']
  return {
    id: id ? `${bare}/${id}` : null,
    actor: bare,
    text,
    where,
    at: Number.isFinite(delayed) ? delayed : now,
    fallbackAddressee: bare.includes('@') ? bare.slice(0, bare.indexOf('@')) : bare,
  }
}

export function startXmppSource(
  account: XmppAccount,
  where: string,
  deps: XmppSourceDeps,
): XmppSourceSession {
  const { service, domain, username } = account
  const loopback = /^xmpps?:\/\/127\./.test(service)
  const ownBare = `${username}@${domain}`
  let stopped = false
  let current: XmppClient | null = null
  let timer: NodeJS.Timeout | null = null
  let delay = firstDelayMs

  const later = (): void => {
    if (stopped) return
    timer = setTimeout(() => void attempt(), delay)
    timer.unref()
    delay = Math.min(delay * 2, maxDelayMs)
  }

  const failed = async (xmpp: XmppClient | null, error: unknown): Promise<void> => {
    if (xmpp !== null && current === xmpp) current = null
    await quietly(xmpp)
    if (stopped) return
    deps.onState(describe(error))
    later()
  }

  const attempt = async (): Promise<void> => {
    timer = null
    let xmpp: XmppClient | null = null
    try {
      const password = await deps.password()
      if (stopped) return
      if (password === null) throw new Error('no password in the keychain')
      const { client, xml } = await import('@xmpp/client')
      xmpp = client({
        service,
        domain,
        resource: 'renkei',
        credentials: async (authenticate, mechanisms, _fast, entity) => {
          const secure = entity.isSecure()
          if (!secure && !loopback) throw new Insecure()
          const mechanism = secure
            ? (['SCRAM-SHA-1', 'PLAIN'].find((m) => mechanisms.includes(m)) ?? 'PLAIN')
            : 'PLAIN'
          await authenticate({ username, password }, mechanism)
        },
      })
      const session = xmpp
      session.reconnect.stop()
      const plain = session.socketParameters.bind(session)
      session.socketParameters = (uri) => {
        const parameters = plain(uri)
        const pems = deps.trustedCaPems()
        return parameters && uri.startsWith('xmpps:') && pems.length > 0
          ? { ...parameters, ca: [...rootCertificates, ...pems] }
          : parameters
      }
      session.on('error', () => {})
      session.on('stanza', (stanza) => {
        const message = chatMessageOf(stanza, ownBare, where, deps.now())
        if (message !== null) deps.onMessage(message)
      })
      current = session
      await session.start()
      if (stopped) return void (await quietly(session))
      session.on('disconnect', () => {
        if (current === session) void failed(session, new Error('disconnected'))
      })
      // Presence: the server hands over what arrived while Renkei was away.
      await session.send(xml('presence'))
      delay = firstDelayMs
      deps.onState(null)
    } catch (error) {
      await failed(xmpp, error)
    }
  }

  void attempt()
  return {
    close: async () => {
      stopped = true
      if (timer !== null) clearTimeout(timer)
      const xmpp = current
      current = null
      await quietly(xmpp)
    },
  }
}
