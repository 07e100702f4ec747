/** Request URLs: a link URL (connectors/peer `parseLinkUrl`: https, port 443, no credentials) plus the token. */
import { ApiError } from '../../../../shared/model/errors'
import { parseLinkUrl } from '../../connectors/peer/link-url'

/** Where a link request lives below a link URL; the token is the last segment. */
export const requestPathPrefix = 'renkei-link/v1/request/'

/** Splits a request URL into the requester's link URL and the token, with the link URL rules. */
export function parseRequestUrl(text: string): { readonly linkUrl: string; readonly token: string } {
  const normalised = parseLinkUrl(text).replace(/\/$/, '')
  const at = normalised.lastIndexOf(`/${requestPathPrefix}`)
  const token = at < 0 ? '' : normalised.slice(at + requestPathPrefix.length + 1)
  if (at < 0 || !/^[A-Za-z0-9_-]{22,128}$/.test(token)) {
    throw new ApiError('invalid-input', {
      ja: `リンク要求のURLではありません。要求元から届いた …/${requestPathPrefix}… の URL をそのまま貼り付けてください。何も変更していません。`,
      en: `This is not a link request URL. Paste the …/${requestPathPrefix}… URL exactly as the requesting site sent it. Nothing was changed.`,
    })
  }
  return { linkUrl: normalised.slice(0, at + 1), token }
}
