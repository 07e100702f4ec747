import {
  noticeTargetSecret,
  type NoticeTargetConfig,
  type NoticeTargetSecretName,
} from '../../../../shared/model/notices'
import { chatworkRequest, slackPayload, teamsPayload } from '../../connectors/chat/chat-payloads'
import { ConnectorError } from '../../connectors/connector-error'
import { redactorFor, serverAnswerForRecord } from '../../connectors/redaction'
import type { SmtpSessions } from '../../connectors/smtp/smtp-sessions'
import { postSignedJson } from '../../connectors/webhook/signed-webhook'
import { postBody } from '../../connectors/webhook/webhook-connector'
import type { NoticeContext } from './notice-context'
import type { NoticeSender, OutgoingNotice } from './notice-ports'
import type { XmppSessions } from './target-xmpp-pool'

type Sent = { readonly detail: string | null }

function missingSecret(target: NoticeTargetConfig, name: NoticeTargetSecretName): ConnectorError {
  const what = { password: 'パスワード', url: 'URL', token: 'API トークン', signing: '署名用の秘密鍵' }[name]
  return new ConnectorError('auth', {
    ja: `通知先「${target.name}」の${what}がキーチェーンにありません。通知先の設定で入力してください。`,
    en: `There is no ${name === 'signing' ? 'signing secret' : name} in the keychain for the target "${target.name}". Type it in the target's settings.`,
  })
}

/**
 * A failure with every secret it was sent with cut from its text, whatever the server echoed. Anything
 * that is not a protocol failure (a bug, a stored value that cannot be used) is set aside, not retried.
 */
function withoutSecrets(error: unknown, secrets: readonly string[]): ConnectorError {
  const cut = redactorFor(secrets)
  if (!(error instanceof ConnectorError)) {
    const text = cut(error instanceof Error ? error.message : String(error))
    return new ConnectorError('permanent', {
      ja: `予期しないエラー: ${text}`,
      en: `Unexpected error: ${text}`,
    })
  }
  return new ConnectorError(
    error.kind,
    { ja: cut(error.localized.ja), en: cut(error.localized.en) },
    error.serverAnswer === null ? null : cut(error.serverAnswer),
    error.httpStatus,
    error.retryAfterMs,
  )
}

/** The text without its first line when that line only repeats the subject (the seed's 伝言 shows it once). */
function textAfterSubject(notice: OutgoingNotice): string {
  const end = notice.text.indexOf('\n')
  const first = end < 0 ? notice.text : notice.text.slice(0, end)
  return first.trim() === notice.subject.trim()
    ? notice.text.slice(end < 0 ? first.length : end + 1)
    : notice.text
}

/** Chat tools show one text: the subject line first, as the seed's messages begin. */
const chatText = (notice: OutgoingNotice): string =>
  notice.subject === '' ? notice.text : `${notice.subject}\n${textAfterSubject(notice)}`

const httpDetail = (status: number, answer: string): string =>
  `HTTP ${status}${answer.trim() === '' ? '' : ` ${answer.trim()}`}`

/** The connections the senders keep open between messages, one per target (closed with the targets part). */
export interface SenderSessions {
  readonly smtp: SmtpSessions
  readonly xmpp: XmppSessions
}

/**
 * Picks each target's protocol. Secrets are read from the keychain at every send, so a changed password
 * is used at once; only a connection kept open (SMTP, XMPP) holds one, until it closes.
 */
export function createSenderFactory(
  ctx: NoticeContext,
  { smtp: smtpSessions, xmpp }: SenderSessions,
): (target: NoticeTargetConfig) => NoticeSender {
  const secret = async (target: NoticeTargetConfig, name: NoticeTargetSecretName): Promise<string> => {
    const value = await ctx.secrets.get(noticeTargetSecret(target.id, name))
    if (value === null) throw missingSecret(target, name)
    return value
  }

  const senders: Record<
    NoticeTargetConfig['kind'],
    (target: NoticeTargetConfig, notice: OutgoingNotice, signal: AbortSignal, used: string[]) => Promise<Sent>
  > = {
    smtp: async (target, notice, _signal, used) => {
      const smtp = target.smtp!
      const password = smtp.username ? await secret(target, 'password') : null
      if (password) used.push(password)
      const extra = [smtp.trustedCertificate, ...ctx.trustedCaPems()].filter((pem) => pem !== '')
      const sent = await smtpSessions.send(
        target.id,
        {
          ...smtp,
          password,
          // Added to the system's authorities (never "accept anything"): a self-signed relay needs its certificate here.
          trustedCertificate: extra.join('\n'),
        },
        {
          from: smtp.from,
          to: [notice.recipient.address],
          subject: notice.subject,
          text: notice.text,
          charset: smtp.charset,
          messageId: notice.messageId,
          date: new Date(ctx.now()),
        },
      )
      return { detail: sent.response || null }
    },
    slack: async (target, notice, signal, used) => {
      const url = await secret(target, 'url')
      used.push(url)
      const body = JSON.stringify(slackPayload(chatText(notice), notice.recipient.address))
      const sent = await postBody(
        url,
        { body, contentType: 'application/json; charset=utf-8', signal },
        ctx.fetch,
      )
      return { detail: httpDetail(sent.status, sent.answer) }
    },
    teams: async (target, notice, signal, used) => {
      const url = await secret(target, 'url')
      used.push(url)
      const body = JSON.stringify(teamsPayload(notice.subject, textAfterSubject(notice)))
      const sent = await postBody(
        url,
        { body, contentType: 'application/json; charset=utf-8', signal },
        ctx.fetch,
      )
      return { detail: httpDetail(sent.status, sent.answer) }
    },
    chatwork: async (target, notice, signal, used) => {
      const room = notice.recipient.address.trim()
      if (!/^\d+$/.test(room))
        throw new ConnectorError('permanent', {
          ja: `Chatwork のルーム ID は数字です（宛先「${room}」）。通知先の宛先パターンを確認してください。`,
          en: `A Chatwork room id is a number (the address is "${room}"). Check the target's recipient pattern.`,
        })
      const token = await secret(target, 'token')
      used.push(token)
      const apiBase = target.chatwork?.apiBase ?? 'https://api.chatwork.com/v2'
      const request = chatworkRequest(apiBase, room, token, chatText(notice))
      const sent = await postBody(request.url, { ...request, signal }, ctx.fetch)
      return { detail: httpDetail(sent.status, sent.answer) }
    },
    webhook: (target, notice, signal, used) => signedPost(target, notice, signal, used),
    groupware: (target, notice, signal, used) => signedPost(target, notice, signal, used),
    xmpp: async (target, notice, _signal, used) => {
      const password = await secret(target, 'password')
      used.push(password)
      const account = { ...target.xmpp!, password }
      await xmpp.send(target.id, account, notice.recipient.address, chatText(notice))
      return { detail: null }
    },
  }

  /** The generic webhook and the groupware endpoint: the same signed JSON document. */
  async function signedPost(
    target: NoticeTargetConfig,
    notice: OutgoingNotice,
    signal: AbortSignal,
    used: string[],
  ): Promise<Sent> {
    const url = await secret(target, 'url')
    const signing = await secret(target, 'signing')
    used.push(url, signing)
    const { employeeKey, address, name } = notice.recipient
    const document = {
      id: notice.messageId,
      kinds: notice.kinds,
      recipient: { employeeKey, address, name },
      subject: notice.subject,
      text: notice.text,
    }
    const sent = await postSignedJson(
      url,
      document,
      { secret: signing, timestampSeconds: Math.floor(ctx.now() / 1000), idempotencyKey: notice.messageId },
      ctx.fetch,
      signal,
    )
    return { detail: httpDetail(sent.status, sent.answer) }
  }

  return (target) => ({
    send: async (notice, signal) => {
      const used: string[] = []
      try {
        const { detail } = await senders[target.kind](target, notice, signal, used)
        return { detail: detail === null ? null : serverAnswerForRecord(redactorFor(used)(detail)) }
      } catch (error) {
        throw withoutSecrets(error, used)
      }
    },
  })
}
