import type { Localized } from '../../../../shared/model/localized'
import type { NoticeKind, NoticeTargetConfig } from '../../../../shared/model/notices'
import type { NoticePerson } from './core-people'

/** chat targets carry every kind but chat.message; groupware targets carry only chat.message (the way back). */
export function targetTakes(target: NoticeTargetConfig, kind: NoticeKind): boolean {
  return target.role === 'groupware' ? kind === 'chat.message' : kind !== 'chat.message'
}

const noEmail: Localized = { ja: 'メールアドレスがありません', en: 'no e-mail address' }
const noLogin: Localized = { ja: 'ログイン ID がありません', en: 'no login' }

/**
 * The target's recipient pattern filled in for one person ({email} {login} {key} {localpart}); an address
 * that needs a value the person lacks is no address (the message is then recorded as dropped, with why).
 */
export function fillRecipient(
  pattern: string,
  person: NoticePerson,
): { readonly address: string; readonly missing: Localized | null } {
  const email = person.email?.trim() ?? ''
  const values: Record<string, string> = {
    email,
    login: person.login.trim(),
    key: person.key,
    localpart: email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : '',
  }
  let missing: Localized | null = null
  const address = pattern
    .replace(/\{(email|login|key|localpart)\}/g, (_, name: string) => {
      if (!values[name]) missing ??= name === 'login' ? noLogin : noEmail
      return values[name]!
    })
    .trim()
  return { address, missing: missing ?? (address ? null : noEmail) }
}
