import type { DirectoryEmployee } from '../../../../shared/model/directory'
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

/** The pattern filled in for one employee; null when it names a value the employee does not have (no e-mail). */
export function fillRecipient(
  pattern: string,
  employee: Pick<DirectoryEmployee, 'key' | 'login' | 'email'>,
): string | null {
  let missing = false
  const filled = pattern.replace(placeholder, (_, name: string) => {
    const email = employee.email ?? ''
    const value =
      name === 'email'
        ? email
        : name === 'localpart'
          ? email.slice(0, Math.max(0, email.lastIndexOf('@')))
          : name === 'login'
            ? employee.login
            : employee.key
    if (value === '') missing = true
    return value
  })
  return missing ? null : filled
}
