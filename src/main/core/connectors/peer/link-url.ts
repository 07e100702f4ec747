/**
 * A site's link URL (seed 制約事項): https on port 443 only, no credentials, no query or fragment. The path
 * may hold a prefix (a reverse proxy's sub-path) and is kept ending with "/" so partner paths join below it.
 */
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'

export const maxLinkUrlLength = 2000

function refused(text: string, reason: Localized): ApiError {
  const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text
  return new ApiError('invalid-input', {
    ja: `連携URL「${shown}」は使えません。何も変更していません（${reason.ja}）`,
    en: `The link URL "${shown}" cannot be used; nothing was changed (${reason.en})`,
  })
}

/** Checks a link URL and returns it normalised (`https://host/path/`); throws ApiError('invalid-input'). */
export function parseLinkUrl(input: string): string {
  const text = input.trim()
  if (text.length > maxLinkUrlLength) {
    throw refused(text, {
      ja: `${maxLinkUrlLength}文字以下にしてください`,
      en: `it must be at most ${maxLinkUrlLength} characters`,
    })
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw refused(text, {
      ja: 'https://ホスト名/ の形で入力してください',
      en: 'enter it as https://host-name/',
    })
  }
  if (url.protocol !== 'https:') {
    throw refused(text, {
      ja: 'https:// で始めてください。SSL（HTTPS）での接続のみサポートしています',
      en: 'it must start with https://; only SSL (HTTPS) connections are supported',
    })
  }
  // The URL parser drops a default ":443", so any port left is another one.
  if (url.port !== '') {
    throw refused(text, {
      ja: `SSLでの接続は443ポートのみサポートしています。ポート ${url.port} は使えません`,
      en: `SSL connections are supported on port 443 only; port ${url.port} cannot be used`,
    })
  }
  if (url.username !== '' || url.password !== '') {
    throw refused(text, {
      ja: 'ユーザー名やパスワードを含めないでください。Basic認証を使用しているサイトとの連携はサポートしていません',
      en: 'do not put a user name or password in it; linking with a site that uses Basic authentication is not supported',
    })
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    throw refused(text, {
      ja: '「?」や「#」以降を含めないでください',
      en: 'do not put a "?" or "#" part in it',
    })
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
  return `https://${url.host}${path}`
}

/** The URL of `path` (relative, e.g. `renkei-link/v1/accept`) below a normalised link URL. */
export function partnerUrl(linkUrl: string, path: string): URL {
  return new URL(path.replace(/^\/+/, ''), linkUrl)
}
