/**
 * The fetch that tsdav calls: it adds the Authorization header (a fresh bearer token per request, so refreshes
 * are picked up), the timeout and the caller's abort signal, keeps the last answer for its status and headers
 * (Date, ETag, Retry-After), and turns network failures into ConnectorErrors. Secrets are redacted here.
 */
import type { CalDavAuth } from '../../engines/calendar/calendar-connectors'
import { joinSplitCharacters } from '../ics/ics-bytes'
import { redactorFor } from '../redaction'
import { policyFetch, withRedirectPolicy } from '../redirect-policy'
import { networkError, type CalDavRequest, type CalDavRequestKind } from './caldav-errors'

export type DavFetch = typeof fetch

export interface Exchange<T> {
  readonly value: T
  /** The last HTTP answer of the call (its body may already have been read by tsdav). */
  readonly response: Response
}

/**
 * calendar-data arrives in REPORT answers, folded as the server stored it: a fold inside a UTF-8 character
 * is joined on the bytes before tsdav decodes the XML, so the character survives (see ics-bytes.ts).
 */
async function withWholeCharacters(response: Response): Promise<Response> {
  if (response.body === null) return response
  const bytes = joinSplitCharacters(new Uint8Array(await response.arrayBuffer()))
  const { status, statusText, headers } = response
  return new Response(bytes, { status, statusText, headers })
}

export class CalDavTransport {
  private readonly secrets: string[] = []
  /** Only the token in use needs hiding; older ones are kept out of the list so it cannot grow. */
  private bearer = ''
  private readonly send: typeof fetch

  constructor(
    private readonly collection: string,
    private readonly auth: CalDavAuth,
    readonly timeoutMs: number,
    /** The network layer's fetch (proxy, trusted CAs); the redirect policy is applied on top. */
    fetchImpl?: typeof fetch,
  ) {
    this.send = fetchImpl ? withRedirectPolicy(fetchImpl) : policyFetch
    if (auth.kind === 'basic') {
      this.secrets.push(auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64'))
    }
  }

  request(kind: CalDavRequestKind, method: string, url: string): CalDavRequest {
    return {
      kind,
      method,
      url,
      collection: this.collection,
      authKind: this.auth.kind,
      redact: (text) => this.redact(text),
    }
  }

  /** Runs one tsdav call with a fetch of ours; network failures become ConnectorErrors, aborts stay aborts. */
  async exchange<T>(
    request: CalDavRequest,
    signal: AbortSignal,
    call: (davFetch: DavFetch) => Promise<T>,
  ): Promise<Exchange<T>> {
    let response: Response | null = null
    const davFetch: DavFetch = async (input, init) => {
      const headers = new Headers(init?.headers)
      headers.set('Authorization', await this.authorization(signal))
      const timeout = AbortSignal.timeout(this.timeoutMs)
      const answer = await this.send(input, {
        ...init,
        headers,
        signal: AbortSignal.any([signal, timeout]),
      })
      response = init?.method === 'REPORT' ? await withWholeCharacters(answer) : answer
      return response
    }
    try {
      const value = await call(davFetch)
      if (response === null) throw new Error('tsdav made no request')
      return { value, response }
    } catch (error) {
      signal.throwIfAborted()
      // The token source's own ConnectorError (e.g. a refused refresh) passes through unchanged.
      if (error instanceof Error && error.name === 'ConnectorError') throw error
      throw networkError(request, error, this.timeoutMs)
    }
  }

  /** Reads a body tsdav left unread (PUT/DELETE answers); a body cut off by the timeout reads as empty. */
  async text(response: Response): Promise<string> {
    try {
      return this.redact(await response.text())
    } catch {
      return ''
    }
  }

  /** The bearer token changes on refresh: the redactor is built with the current one. */
  redact(text: string): string {
    return redactorFor([...this.secrets, this.bearer])(text)
  }

  private async authorization(signal: AbortSignal): Promise<string> {
    if (this.auth.kind === 'basic') {
      return `Basic ${Buffer.from(`${this.auth.username}:${this.auth.password}`).toString('base64')}`
    }
    const token = await this.auth.token(signal)
    this.bearer = token
    return `Bearer ${token}`
  }
}
