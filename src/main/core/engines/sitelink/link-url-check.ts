/**
 * The link URL rules of seed 制約事項 (https, port 443 only, no Basic authentication), until the transport's
 * `connectors/peer/link-url.ts` replaces this file when the two branches merge.
 */
import { ApiError } from '../../../../shared/model/errors'

/** Where a link request lives below a link URL; the token is the last segment. */
export const requestPathPrefix = 'renkei-link/v1/request/'

function refused(ja: string, en: string): ApiError {
  return new ApiError('invalid-input', {
    ja: `リンクURLを使えません。何も変更していません（${ja}）`,
    en: `The link URL cannot be used; nothing was changed (${en})`,
  })
}

/** Checks a site's link URL and returns it normalised: origin and path, ending with "/". */
export function checkLinkUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw refused('https://ホスト名/ の形で入力してください', 'enter it as https://host/')
  }
  if (url.protocol !== 'https:') {
    throw refused(
      'https:// で始めてください（HTTPS だけを使います）',
      'it must start with https:// (HTTPS only)',
    )
  }
  if (url.port !== '') {
    throw refused(
      'ポートは 443 だけ使えます。ポート番号を外してください',
      'only port 443 is supported; remove the port',
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw refused(
      'ユーザー名やパスワードを含めないでください（Basic 認証のサイトとは連携できません）',
      'do not include a user name or password (sites behind Basic authentication cannot be linked)',
    )
  }
  if (url.search !== '' || url.hash !== '') {
    throw refused('? や # 以降を外してください', 'remove the part after ? or #')
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
  return `${url.origin}${path}`
}

/** Splits a request URL into the requester's link URL and the token, with the same rules. */
export function parseRequestUrl(text: string): { readonly linkUrl: string; readonly token: string } {
  const normalised = checkLinkUrl(text).replace(/\/$/, '')
  const at = normalised.lastIndexOf(`/${requestPathPrefix}`)
  const token = at < 0 ? '' : normalised.slice(at + requestPathPrefix.length + 1)
  if (at < 0 || !/^[A-Za-z0-9_-]{22,128}$/.test(token)) {
    throw refused(
      `要求元から届いた …/${requestPathPrefix}… の URL をそのまま貼り付けてください`,
      `paste the …/${requestPathPrefix}… URL exactly as the requesting site sent it`,
    )
  }
  return { linkUrl: normalised.slice(0, at + 1), token }
}
