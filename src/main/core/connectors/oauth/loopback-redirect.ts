/**
 * The redirect end of the installed-app flow (RFC 8252 §7.3): an HTTP listener on 127.0.0.1 and a port the
 * system picks, waiting for the browser to come back with the authorization code. It answers once and
 * closes: after the first answer on the callback path (good or bad), the timeout, or an abort.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { timingSafeEqual } from 'node:crypto'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../connector-error'
import { sendLoopbackPage } from './loopback-page'
import { oauthMessages } from './oauth-messages'

/** Never "localhost" (it may resolve to ::1 or be redirected) and never a wildcard address. */
const loopbackHost = '127.0.0.1'
export const callbackPath = '/oauth2/callback'
export const defaultRedirectTimeoutMs = 10 * 60_000

export interface RedirectListenerOptions {
  /** The `state` sent in the authorization URL; an answer carrying another one is refused. */
  readonly state: string
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
}

export interface LoopbackRedirect {
  /** http://127.0.0.1:PORT/oauth2/callback */
  readonly redirectUri: string
  /** The authorization code. Settles only once the listener is closed; rejects with a ConnectorError (or the abort reason). */
  readonly code: Promise<string>
}

type Verdict = { readonly code: string } | { readonly error: ConnectorError }

/** Starts listening; the caller sends the browser to the authorization URL built with `redirectUri`. */
export async function listenForRedirect(options: RedirectListenerOptions): Promise<LoopbackRedirect> {
  const { signal } = options
  signal?.throwIfAborted()
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: loopbackHost, port: 0, exclusive: true }, () => resolve())
  })
  const redirectUri = `http://${loopbackHost}:${(server.address() as AddressInfo).port}${callbackPath}`
  const timeoutMs = options.timeoutMs ?? defaultRedirectTimeoutMs

  const code = new Promise<string>((resolve, reject) => {
    let settled = false
    const finish = (settle: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      closeNow(server, settle)
    }
    const onAbort = (): void => finish(() => reject(signal?.reason))
    const timer = setTimeout(() => {
      const minutes = Math.max(1, Math.round(timeoutMs / 60_000))
      finish(() => reject(new ConnectorError('auth', oauthMessages.timedOut(minutes))))
    }, timeoutMs)
    signal?.addEventListener('abort', onAbort, { once: true })
    // An abort while the listener was starting fired no event.
    if (signal?.aborted) onAbort()

    let answered = false
    server.on('request', (request, response) => {
      const url = URL.parse(request.url ?? '/', redirectUri)
      // Browsers also ask for /favicon.ico; only the first request on the callback path ends the wait.
      if (answered || url === null || request.method !== 'GET' || url.pathname !== callbackPath) {
        sendLoopbackPage(response, 404, oauthMessages.pageNotFound)
        return
      }
      answered = true
      const verdict = judge(url.searchParams, options.state)
      if ('code' in verdict) {
        sendLoopbackPage(response, 200, oauthMessages.pageDone, () => finish(() => resolve(verdict.code)))
      } else {
        sendLoopbackPage(response, 400, verdict.error.localized, () => finish(() => reject(verdict.error)))
      }
    })
  })
  return { redirectUri, code }
}

function closeNow(server: Server, closed: () => void): void {
  server.close(() => closed())
  server.closeAllConnections()
}

function judge(params: URLSearchParams, expectedState: string): Verdict {
  const refuse = (
    kind: ConnectorError['kind'],
    message: Localized,
    answer: string | null = null,
  ): Verdict => ({
    error: new ConnectorError(kind, message, answer),
  })
  if (!sameState(params.get('state'), expectedState)) return refuse('auth', oauthMessages.stateMismatch)
  const error = params.get('error')
  if (error !== null) {
    const code = errorCode(error)
    const description = (params.get('error_description') ?? '').slice(0, 300)
    const answer = description === '' ? code : `${code}: ${description}`
    if (code === 'access_denied') return refuse('auth', oauthMessages.accessDenied, answer)
    return refuse('permanent', oauthMessages.authorizationError(code), answer)
  }
  const code = params.get('code')
  if (code === null || code === '') return refuse('permanent', oauthMessages.noCode)
  return { code }
}

function sameState(received: string | null, expected: string): boolean {
  if (received === null) return false
  const a = Buffer.from(received)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** RFC 6749 error codes are short ASCII words; anything else in the URL is someone else's text. */
function errorCode(error: string): string {
  const cleaned = error.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60)
  return cleaned === '' ? 'unknown_error' : cleaned
}
