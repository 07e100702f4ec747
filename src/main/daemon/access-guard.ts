import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type AccessVerdict =
  { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403; readonly reason: string }

/**
 * Who may use the daemon's API: a page served by this daemon (same Origin, or none for scripts and
 * the CLI) on a loopback Host name (against DNS rebinding) that presents the access token.
 */
export class AccessGuard {
  private readonly allowedHosts: ReadonlySet<string>

  constructor(
    private token: string,
    port: number,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  }

  /** A rotated token: the old one is refused from the next request on. */
  replaceToken(token: string): void {
    this.token = token
  }

  check(request: IncomingMessage, presented: string | null): AccessVerdict {
    if (!this.allowedHosts.has(request.headers.host ?? '')) {
      return { ok: false, status: 403, reason: 'Host is not this daemon (use http://127.0.0.1:<port>/)' }
    }
    const origin = request.headers.origin
    if (origin !== undefined && !this.allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return { ok: false, status: 403, reason: `Origin ${origin} may not use this daemon` }
    }
    if (!presented) return { ok: false, status: 401, reason: 'Access token missing' }
    return this.matches(presented)
      ? { ok: true }
      : { ok: false, status: 401, reason: 'Access token is wrong' }
  }

  private matches(presented: string): boolean {
    const a = Buffer.from(presented)
    const b = Buffer.from(this.token)
    return a.length === b.length && timingSafeEqual(a, b)
  }
}

export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null
}
