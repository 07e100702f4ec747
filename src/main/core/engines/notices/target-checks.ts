import { X509Certificate } from 'node:crypto'
import { isMailAddress, isMailHost } from '../../../../shared/model/alerts'
import type { Localized } from '../../../../shared/model/localized'
import {
  type NoticeTargetConfig,
  type NoticeTargetKind,
  type NoticeTargetSecretName,
  noticeSecretsOfKind,
} from '../../../../shared/model/notices'
import { httpUrlProblem } from '../../../../shared/model/url-credentials'
import { parseXmppService } from '../../connectors/xmpp/xmpp-connector'
import { bareAddress } from '../../connectors/smtp/iso-2022-jp'
import { fillRecipient, recipientPatternProblem } from './target-recipient'

/** The keychain entries a target of this kind needs to send (smtp's password only with a user name). */
export function secretsNeeded(target: NoticeTargetConfig): readonly NoticeTargetSecretName[] {
  const byKind: Record<NoticeTargetKind, readonly NoticeTargetSecretName[]> = {
    smtp: target.smtp?.username ? ['password'] : [],
    slack: ['url'],
    teams: ['url'],
    chatwork: ['token'],
    webhook: ['url', 'signing'],
    xmpp: ['password'],
    groupware: ['url', 'signing'],
  }
  return byKind[target.kind]
}

/** A sample employee, to see what a pattern makes of a real one. */
const sample = { key: 'E0001', login: 'yamada', email: 'taro.yamada@example.co.jp' }

type Add = (field: string, problem: Localized) => void

function smtpProblems(target: NoticeTargetConfig, add: Add): void {
  const smtp = target.smtp
  if (!smtp) return add('smtp', { ja: 'SMTP の設定がありません', en: 'the SMTP section is missing' })
  if (!isMailHost(smtp.host))
    add('smtp.host', {
      ja: `「${smtp.host}」はホスト名ではありません`,
      en: `"${smtp.host}" is not a host name`,
    })
  if (/[\r\n]/.test(smtp.from) || !isMailAddress(bareAddress(smtp.from)))
    add('smtp.from', {
      ja: `「${smtp.from}」は差出人アドレスではありません`,
      en: `"${smtp.from}" is not a sender address`,
    })
  if (smtp.trustedCertificate !== '') {
    try {
      new X509Certificate(smtp.trustedCertificate)
    } catch {
      add('smtp.trustedCertificate', {
        ja: 'PEM 形式の証明書ではありません',
        en: 'is not a certificate in PEM form',
      })
    }
  }
  const { address: filled, missing } = fillRecipient(target.recipient, sample)
  if (missing === null && !isMailAddress(filled))
    add('recipient', {
      ja: `宛先のパターンからメールアドレスになりません（例: ${filled}）`,
      en: `the recipient pattern does not make an e-mail address (e.g. ${filled})`,
    })
}

function xmppProblems(target: NoticeTargetConfig, add: Add): void {
  const xmpp = target.xmpp
  if (!xmpp) return add('xmpp', { ja: 'XMPP の設定がありません', en: 'the XMPP section is missing' })
  const service = parseXmppService(xmpp.service)
  if (!('host' in service)) add('xmpp.service', service)
  else if (!isMailHost(service.host))
    add('xmpp.service', {
      ja: `「${service.host}」はホスト名ではありません`,
      en: `"${service.host}" is not a host name`,
    })
  if (!isMailHost(xmpp.domain))
    add('xmpp.domain', {
      ja: `「${xmpp.domain}」はドメインではありません`,
      en: `"${xmpp.domain}" is not a domain`,
    })
  if (!/^[^\s@/"&'<>:]+$/.test(xmpp.username))
    add('xmpp.username', {
      ja: 'ユーザー名（@ より前の部分）を入力してください',
      en: 'type the user name (the part before @)',
    })
  const { address: filled, missing } = fillRecipient(target.recipient, sample)
  if (missing === null && !/^[^\s@/]+@[^\s@/]+$/.test(filled))
    add('recipient', {
      ja: `宛先のパターンから XMPP アドレス（user@domain）になりません（例: ${filled}）`,
      en: `the recipient pattern does not make an XMPP address (user@domain) (e.g. ${filled})`,
    })
}

/** Reverse-direction targets and chat targets do not mix: a chat tool must not get its own messages back. */
function roleProblems(target: NoticeTargetConfig, add: Add): void {
  const either: readonly NoticeTargetKind[] = ['smtp', 'webhook']
  if (target.kind === 'groupware' && target.role !== 'groupware')
    add('role', {
      ja: 'グループウェア宛ての通知先は役割を groupware にしてください',
      en: 'a groupware target must have the role groupware',
    })
  if (target.role === 'groupware' && target.kind !== 'groupware' && !either.includes(target.kind))
    add('role', {
      ja: `${target.kind} はチャットへの通知先です。役割 groupware には使えません`,
      en: `${target.kind} posts to chat and cannot have the role groupware`,
    })
}

/** Every problem of a target's settings, field by field (the save refuses all of them at once). */
export function targetProblems(target: NoticeTargetConfig): { field: string; problem: Localized }[] {
  const found: { field: string; problem: Localized }[] = []
  const add: Add = (field, problem) => found.push({ field, problem })
  const pattern = recipientPatternProblem(target.recipient)
  if (pattern) add('recipient', pattern)
  roleProblems(target, add)
  if (target.kind === 'smtp') smtpProblems(target, add)
  if (target.kind === 'xmpp') xmppProblems(target, add)
  if (target.kind === 'chatwork' && target.chatwork) {
    const base = httpUrlProblem(target.chatwork.apiBase)
    if (base) add('chatwork.apiBase', base)
  }
  return found
}

/** Problems of the secrets typed with a save: a name this kind does not use, an unusable URL, an empty value. */
export function typedSecretProblems(
  kind: NoticeTargetKind,
  typed: Readonly<Partial<Record<NoticeTargetSecretName, string | null>>>,
): { field: string; problem: Localized }[] {
  const found: { field: string; problem: Localized }[] = []
  for (const [name, value] of Object.entries(typed) as [NoticeTargetSecretName, string | null][]) {
    const field = `secrets.${name}`
    if (!noticeSecretsOfKind[kind].includes(name))
      found.push({ field, problem: { ja: `${kind} では使いません`, en: `is not used by ${kind}` } })
    else if (value === null) continue
    else if (value.trim() === '')
      found.push({
        field,
        problem: { ja: '空にはできません（削除は null）', en: 'cannot be empty (null removes it)' },
      })
    else if (name === 'url') {
      const problem = httpUrlProblem(value)
      if (problem) found.push({ field, problem })
    } else if (name === 'signing' && value.length < 16)
      found.push({
        field,
        problem: { ja: '16 文字以上にしてください', en: 'must be at least 16 characters' },
      })
    else if (name === 'token' && /\s/.test(value))
      found.push({ field, problem: { ja: '空白を含められません', en: 'cannot hold white space' } })
  }
  return found
}
