/**
 * Outbound calls to partners, through the one network layer (trusted CAs, proxies): JSON in and out,
 * `send` signed with this site's key, `getPublic` unsigned. No credential is ever sent: link URLs cannot
 * hold one, and a partner that asks for Basic authentication is refused (seed 制約事項).
 */
import { request } from 'undici'
import type { Clock } from '../../clock'
import type { PartnerClient, PartnerRequest } from '../../engines/sitelink/sitelink-ports'
import type { NetworkLayer, RoutedDispatcher } from '../../network/network-layer'
import { certificateCode } from '../../network/network-messages'
import { ConnectorError } from '../connector-error'
import { networkCause } from '../network-cause'
import { parseLinkUrl, partnerUrl } from './link-url'
import { signRequest } from './message-signing'
import { maxPartnerBodyBytes } from './partner-listener'
import {
  badResponse,
  basicAuth,
  PartnerRequestError,
  refusedBy,
  selfSigned,
  serverError,
  unreachable,
} from './partner-errors'
import type { PartnerRefusal } from './partner-refusals'
import type { SigningKey } from './site-key'

export interface PartnerClientDeps {
  readonly network: NetworkLayer
  signingKey(): Promise<SigningKey>
  readonly clock: Clock
  /** Per request, connection to last byte. */
  readonly timeoutMs?: number
  /** A bigger answer is cut off and refused; default twice what the partner endpoint accepts. */
  readonly maxAnswerBytes?: number
}

const defaultTimeoutMs = 60_000

interface Outgoing {
  readonly url: URL
  readonly method: 'GET' | 'POST'
  readonly headers: Record<string, string>
  readonly body: Buffer | null
}

async function transportError(
  thrown: unknown,
  url: URL,
  routed: RoutedDispatcher,
  network: NetworkLayer,
): Promise<PartnerRequestError> {
  const cause = networkCause(thrown)
  if (cause.code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return new PartnerRequestError('self-signed', selfSigned(url.host), `${cause.code}: ${cause.message}`)
  }
  const explained = await network.explain(thrown, url, routed)
  if (explained instanceof ConnectorError) {
    const certificate = cause.code !== null && certificateCode.test(cause.code)
    const code = certificate ? 'untrusted-certificate' : 'unreachable'
    return new PartnerRequestError(code, explained.localized, explained.serverAnswer)
  }
  const name = (thrown as Error | null)?.name
  const what = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : (cause.code ?? cause.message)
  return new PartnerRequestError('unreachable', unreachable(url.host, what), cause.message)
}

function refusalOf(text: string): PartnerRefusal | null {
  try {
    const error = (JSON.parse(text) as { error?: Partial<PartnerRefusal> } | null)?.error
    if (typeof error?.code === 'string' && typeof error.ja === 'string' && typeof error.en === 'string') {
      return { code: error.code, ja: error.ja, en: error.en } as PartnerRefusal
    }
  } catch {
    // Not our JSON: told apart by the status below.
  }
  return null
}

function answerError(url: URL, status: number, headers: Record<string, unknown>, text: string): Error {
  const authenticate = [headers['www-authenticate']].flat().join(',')
  if (status === 401 && /^\s*basic\b/i.test(authenticate)) {
    return new PartnerRequestError('basic-auth', basicAuth(url.host), text, status)
  }
  const refusal = refusalOf(text)
  if (refusal) {
    return new PartnerRequestError('partner-refused', refusedBy(url.host, refusal), text, status, refusal)
  }
  if (status >= 500)
    return new PartnerRequestError('server-error', serverError(url.host, status), text, status)
  const what =
    status >= 300 && status < 400
      ? { ja: `HTTP ${status} で別の URL へ転送`, en: `HTTP ${status}, a redirect to another URL` }
      : { ja: `HTTP ${status}`, en: `HTTP ${status}` }
  return new PartnerRequestError('bad-response', badResponse(url.host, what), text, status)
}

/** The answer's text, refused unread past `max` bytes (a URL pasted by mistake must not fill memory). */
async function readAnswer(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  url: URL,
  max: number,
): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > max) {
      body.destroy()
      const what = { ja: `応答が ${max} バイトを超えています`, en: `the answer is larger than ${max} bytes` }
      throw new PartnerRequestError('bad-response', badResponse(url.host, what))
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function createPartnerClient(deps: PartnerClientDeps): PartnerClient {
  const timeoutMs = deps.timeoutMs ?? defaultTimeoutMs
  const maxAnswerBytes = deps.maxAnswerBytes ?? 2 * maxPartnerBodyBytes

  async function exchange(out: Outgoing): Promise<unknown> {
    const routed = await deps.network.dispatcher(out.url)
    let answer: Awaited<ReturnType<typeof request>>
    try {
      answer = await request(out.url, {
        method: out.method,
        headers: { accept: 'application/json', ...out.headers },
        body: out.body,
        dispatcher: routed.dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (thrown) {
      throw await transportError(thrown, out.url, routed, deps.network)
    }
    const text = await readAnswer(answer.body, out.url, maxAnswerBytes)
    if (answer.statusCode < 200 || answer.statusCode >= 300) {
      throw answerError(out.url, answer.statusCode, answer.headers, text)
    }
    try {
      return text === '' ? null : (JSON.parse(text) as unknown)
    } catch {
      const what = { ja: 'JSON ではない応答', en: 'the answer is not JSON' }
      throw new PartnerRequestError('bad-response', badResponse(out.url.host, what), text, answer.statusCode)
    }
  }

  return {
    async getPublic(url) {
      // The same rules as a link URL (https, 443, no credentials); the path is used as given.
      parseLinkUrl(url)
      return exchange({ url: new URL(url.trim()), method: 'GET', headers: {}, body: null })
    },
    async send(linkUrl, partnerRequest: PartnerRequest) {
      const url = partnerUrl(parseLinkUrl(linkUrl), partnerRequest.path)
      const body =
        partnerRequest.method === 'POST' ? Buffer.from(JSON.stringify(partnerRequest.body ?? null)) : null
      const signed = await signRequest(
        { method: partnerRequest.method, url, body: body ?? Buffer.alloc(0) },
        await deps.signingKey(),
        deps.clock.now(),
      )
      const headers = body ? { ...signed, 'content-type': 'application/json' } : signed
      return exchange({ url, method: partnerRequest.method, headers, body })
    },
  }
}
