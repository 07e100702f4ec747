/** A request URL (リンク要求): the requester's link URL (rules of `connectors/peer/link-url.ts`) + a one-time token. */
import { ApiError } from '../../../../shared/model/errors'
import { parseLinkUrl } from '../../connectors/peer/link-url'

/** Where a link request lives below a link URL; the token is the last segment. */
export const requestPathPrefix = 'renkei-link/v1/request/'

/** Splits a request URL into the requester's link URL and the token, with the same rules. */
export function parseRequestUrl(text: string): { readonly linkUrl: string; readonly token: string } {
  const normalised = parseLinkUrl(text).replace(/\/$/, '')
  const at = normalised.lastIndexOf(`/${requestPathPrefix}`)
  const token = at < 0 ? '' : normalised.slice(at + requestPathPrefix.length + 1)
  if (at < 0 || !/^[A-Za-z0-9_-]{22,128}$/.test(token)) {
    throw new ApiError('invalid-input', {
      ja: `リンク要求のURLではありません。何も変更していません（要求元から届いた …/${requestPathPrefix}… の URL をそのまま貼り付けてください）`,
      en: `This is not a link request URL; nothing was changed (paste the …/${requestPathPrefix}… URL exactly as the requesting site sent it)`,
    })
  }
  return { linkUrl: normalised.slice(0, at + 1), token }
}
