import type { Localized } from '../../../../shared/model/localized'

/** The names a recipient pattern may use: `{email}`, `{login}`, `{key}`, `{localpart}` (of the e-mail address). */
export const recipientPlaceholders = ['email', 'login', 'key', 'localpart'] as const

const placeholder = /\{([^{}]*)\}/g

/** Why a recipient pattern cannot be used (an unknown name, a lone brace), or null. */
export function recipientPatternProblem(pattern: string): Localized | null {
  if (pattern === '') return { ja: '宛先のパターンを入力してください', en: 'type the recipient pattern' }
  for (const [, name] of pattern.matchAll(placeholder)) {
    if (!(recipientPlaceholders as readonly string[]).includes(name!))
      return {
        ja: `宛先のパターンに使えない名前 {${name}} があります（使えるのは {email} {login} {key} {localpart}）`,
        en: `the recipient pattern names {${name}}, which is not one of {email} {login} {key} {localpart}`,
      }
  }
  if (/[{}]/.test(pattern.replace(placeholder, '')))
    return {
      ja: '宛先のパターンに閉じていない { または } があります',
      en: 'the recipient pattern has an unmatched { or }',
    }
  if (/[\r\n]/.test(pattern))
    return { ja: '宛先のパターンに改行は使えません', en: 'the recipient pattern cannot hold a line break' }
  return null
}

const noEmail: Localized = { ja: 'メールアドレスがありません', en: 'no e-mail address' }
const noLogin: Localized = { ja: 'ログイン ID がありません', en: 'no login' }

/**
 * The recipient pattern filled in for one person; an address that needs a value the person lacks is no
 * address (`missing` says which: the intake records the message as dropped with it, a test send refuses).
 */
export function fillRecipient(
  pattern: string,
  person: { readonly key: string; readonly login: string; readonly email: string | null },
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
    .replace(placeholder, (_, name: string) => {
      if (!values[name]) missing ??= name === 'login' ? noLogin : noEmail
      return values[name] ?? ''
    })
    .trim()
  return { address, missing: missing ?? (address ? null : noEmail) }
}
