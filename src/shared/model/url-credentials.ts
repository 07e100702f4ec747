/**
 * `scheme://user:password@host/…`: credentials written into a URL would be stored with it in SQLite and
 * returned by the API. Every URL setting either refuses them (`withoutUrlCredentials`, for settings whose
 * secrets have their own keychain entry) or has them moved to the keychain on save (calendar pairs).
 */

import type { Localized } from './localized'

export interface UrlCredentials {
  readonly username: string
  readonly password: string
}

function parsed(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** The user name and password a URL holds (decoded); null when it holds none or is not a URL. */
export function credentialsInUrl(url: string): UrlCredentials | null {
  const found = parsed(url)
  if (!found || (found.username === '' && found.password === '')) return null
  return { username: decoded(found.username), password: decoded(found.password) }
}

/** The URL with any user name and password taken out; anything else exactly as written. */
export function urlWithoutCredentials(url: string): string {
  if (credentialsInUrl(url) === null) return url
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1')
}

/** Bilingual, since schema messages reach the admin as they are. */
export const urlCredentialsRefusal =
  'URL にユーザー名やパスワードを含めないでください。パスワードはパスワード欄に入力してください（キーチェーンに保存されます） / ' +
  'Do not put a user name or password in the URL: type the password in its own field (it is kept in the keychain)'

/** For zod's `.refine`: true when the URL holds no credentials. */
export function withoutUrlCredentials(url: string): boolean {
  return credentialsInUrl(url) === null
}

/** Why a typed http(s) URL setting cannot be used (not a URL, another scheme, a user:pass@ part), or null. */
export function httpUrlProblem(url: string): Localized | null {
  const found = parsed(url)
  if (!found) return { ja: 'URL の形式ではありません', en: 'is not a URL' }
  if (found.protocol !== 'http:' && found.protocol !== 'https:')
    return { ja: 'http:// か https:// で始めてください', en: 'must start with http:// or https://' }
  if (found.username || found.password)
    return {
      ja: 'ユーザー名やパスワードを URL に含めないでください',
      en: 'must not hold a user name or password',
    }
  return null
}
