import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PartnerMount } from '../core/engines/sitelink/sitelink-ports'

/** Paths the notice relay serves on 127.0.0.1 too (the gadget, inbound webhooks). */
export const noticePathPrefix = '/renkei-notice/v1/'

/**
 * Hands a `/renkei-notice/v1/…` request to its mount, as the partner listener does (URL made relative to the
 * mount, the original in `originalUrl`). No access token: the gadget's signed token or the webhook's signature
 * is the credential, and the daemon's API stays behind its token.
 */
export function serveNoticeMount(
  mounts: readonly PartnerMount[],
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const original = request.url ?? '/'
  const rest = original.slice(1)
  for (const mount of mounts) {
    if (!rest.startsWith(mount.prefix)) continue
    const below = rest.slice(mount.prefix.length)
    // `gadget-x/...` is not below `gadget`.
    if (below !== '' && !/^[/?]/.test(below)) continue
    Object.assign(request, { originalUrl: original, url: below.startsWith('/') ? below : `/${below}` })
    return mount.handle(request, response)
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end('見つかりません。\nNot found.\n')
}
