import type {
  NoticeTargetConfig,
  NoticeTargetInput,
  NoticeTargetKind,
  NoticeTargetSecretName,
} from '../../../../shared/model/notices'
import { newXmppAccount, type XmppAccount } from './xmpp-account'

/** The target form as typed: numbers stay text until saved, so a half-typed value is not lost. */
export interface TargetDraft {
  readonly id: string
  readonly name: string
  readonly kind: NoticeTargetKind
  readonly role: 'chat' | 'groupware'
  readonly enabled: boolean
  readonly language: 'ja' | 'en' | 'ja-en'
  readonly recipient: string
  readonly digestMinutes: string
  readonly ratePerMinute: string
  readonly smtpHost: string
  readonly smtpPort: string
  readonly smtpSecurity: 'none' | 'starttls' | 'tls'
  readonly smtpUsername: string
  readonly smtpFrom: string
  readonly smtpCharset: 'utf-8' | 'iso-2022-jp'
  readonly smtpCertificate: string
  readonly xmpp: XmppAccount
  readonly chatworkApiBase: string
}

/** What each secret field will do on save: keep what is stored, replace it, or remove it. */
export type SecretEdits = Readonly<Partial<Record<NoticeTargetSecretName, string | null>>>

/** A sensible recipient pattern per kind (an employee's e-mail for mail, their login for chat). */
const defaultRecipient: Readonly<Record<NoticeTargetKind, string>> = {
  smtp: '{email}',
  slack: '@{login}',
  teams: '{email}',
  chatwork: '{login}',
  webhook: '{key}',
  xmpp: '{login}@chat.example.co.jp',
  groupware: 'notice@groupware.example.co.jp',
}

export function newTargetDraft(kind: NoticeTargetKind): TargetDraft {
  return {
    id: '',
    name: '',
    kind,
    role: kind === 'groupware' ? 'groupware' : 'chat',
    enabled: true,
    language: 'ja',
    recipient: defaultRecipient[kind],
    digestMinutes: '0',
    ratePerMinute: '60',
    smtpHost: '',
    smtpPort: '587',
    smtpSecurity: 'starttls',
    smtpUsername: '',
    smtpFrom: '',
    smtpCharset: 'utf-8',
    smtpCertificate: '',
    xmpp: newXmppAccount,
    chatworkApiBase: 'https://api.chatwork.com/v2',
  }
}

export function draftOfTarget(target: NoticeTargetConfig): TargetDraft {
  const blank = newTargetDraft(target.kind)
  return {
    ...blank,
    id: target.id,
    name: target.name,
    role: target.role,
    enabled: target.enabled,
    language: target.language,
    recipient: target.recipient,
    digestMinutes: String(target.digestMinutes),
    ratePerMinute: String(target.ratePerMinute),
    ...(target.smtp
      ? {
          smtpHost: target.smtp.host,
          smtpPort: String(target.smtp.port),
          smtpSecurity: target.smtp.security,
          smtpUsername: target.smtp.username,
          smtpFrom: target.smtp.from,
          smtpCharset: target.smtp.charset,
          smtpCertificate: target.smtp.trustedCertificate,
        }
      : {}),
    ...(target.xmpp ? { xmpp: target.xmpp } : {}),
    ...(target.chatwork ? { chatworkApiBase: target.chatwork.apiBase } : {}),
  }
}

/** A whole number as typed; anything else becomes NaN (null in JSON), which the core refuses naming the field. */
function numberOf(text: string): number {
  const trimmed = text.trim()
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/** The input `notice.targets.save` takes: only the block of the draft's kind, so a kind change leaves nothing stale. */
export function targetInputOf(draft: TargetDraft): NoticeTargetInput {
  const base: NoticeTargetInput = {
    id: draft.id.trim(),
    name: draft.name,
    kind: draft.kind,
    role: draft.role,
    enabled: draft.enabled,
    language: draft.language,
    recipient: draft.recipient,
    digestMinutes: numberOf(draft.digestMinutes),
    ratePerMinute: numberOf(draft.ratePerMinute),
  }
  switch (draft.kind) {
    case 'smtp':
      return {
        ...base,
        smtp: {
          host: draft.smtpHost,
          port: numberOf(draft.smtpPort),
          security: draft.smtpSecurity,
          username: draft.smtpUsername,
          from: draft.smtpFrom,
          charset: draft.smtpCharset,
          trustedCertificate: draft.smtpCertificate,
        },
      }
    case 'xmpp':
      return {
        ...base,
        xmpp: draft.xmpp,
      }
    case 'chatwork':
      return { ...base, chatwork: { apiBase: draft.chatworkApiBase } }
    default:
      return base
  }
}
