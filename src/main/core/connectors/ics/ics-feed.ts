/**
 * An iCalendar feed over HTTP(S): a conditional GET (ETag / Last-Modified) with Basic or Bearer auth, a
 * size limit enforced while streaming, and every failure as a ConnectorError. The body is returned as
 * text; whether it is iCalendar at all is the parser's call.
 */
import { TextDecoder } from 'node:util'
import type { FeedConnector, FeedFetch, FeedValidators } from '../../engines/calendar/calendar-connectors'
import { ConnectorError } from '../connector-error'
import { redactorFor, type Redactor } from '../redaction'
import { policyFetch, withRedirectPolicy } from '../redirect-policy'
import { unfoldBytes } from './ics-bytes'
import { httpFailure, networkFailure } from './ics-feed-failures'
import { feedMessages } from './ics-feed-messages'

export interface FeedConnectorConfig {
  readonly url: string
  readonly auth: 'none' | 'basic' | 'bearer'
  /** For Basic auth; the password or token is the `secret`. */
  readonly username: string
  readonly maxMegabytes: number
}

export interface FeedConnectorOptions {
  /** For the whole exchange, body included. */
  readonly timeoutMs?: number
  /** The network layer's fetch (proxy, trusted CAs); the redirect policy is applied on top. */
  readonly fetch?: typeof fetch
}

const defaultTimeoutMs = 60_000
const errorBodyBytes = 2_000

interface FeedTarget {
  /** Without credentials (fetch refuses URLs that hold them). */
  readonly url: string
  /** What messages show: no credentials, no query string (private feed tokens often live there). */
  readonly shown: string
  readonly authorization: string | null
  readonly redact: Redactor
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

function targetOf(config: FeedConnectorConfig, secret: string | null): FeedTarget {
  let parsed: URL
  try {
    parsed = new URL(config.url)
  } catch {
    throw new ConnectorError('permanent', feedMessages.invalidUrl())
  }
  const urlUser = decoded(parsed.username)
  const urlPassword = decoded(parsed.password)
  parsed.username = ''
  parsed.password = ''
  const shown = `${parsed.origin}${parsed.pathname}`
  if (config.auth !== 'none' && !secret)
    throw new ConnectorError('auth', feedMessages.secretMissing(config.auth))
  // A feed URL written as https://user:password@host/… is honoured as Basic auth.
  const basic =
    config.auth === 'basic'
      ? `${config.username}:${secret ?? ''}`
      : config.auth === 'none' && urlUser !== ''
        ? `${urlUser}:${urlPassword}`
        : null
  const encoded = basic === null ? null : Buffer.from(basic, 'utf8').toString('base64')
  const authorization =
    config.auth === 'bearer' ? `Bearer ${secret ?? ''}` : encoded === null ? null : `Basic ${encoded}`
  const redact = redactorFor([secret ?? '', urlPassword, encoded ?? ''])
  return { url: parsed.toString(), shown, authorization, redact }
}

function serverDateOf(headers: Headers): number | null {
  const date = Date.parse(headers.get('date') ?? '')
  return Number.isNaN(date) ? null : date
}

/** The declared charset when the runtime knows it (some Japanese servers still send Shift_JIS), else UTF-8. */
function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1]
  try {
    return new TextDecoder(charset ?? 'utf-8')
  } catch {
    return new TextDecoder('utf-8')
  }
}

/**
 * Reads the body, giving up as soon as it passes `limit` bytes (counted as sent); unfolds it on the bytes,
 * since folds may split a character, then decodes it. TextDecoder drops a BOM.
 */
async function readLimited(
  response: Response,
  limit: number,
  tooLarge: () => ConnectorError,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > limit) {
    await response.body?.cancel()
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body?.getReader()
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    total += chunk.value.byteLength
    if (total > limit) {
      await reader?.cancel()
      throw tooLarge()
    }
    chunks.push(chunk.value)
  }
  return decoderFor(response.headers.get('content-type')).decode(unfoldBytes(Buffer.concat(chunks)))
}

/** The first bytes of an error page, for the server answer shown to support. */
async function readStart(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    chunks.push(chunk.value)
    total += chunk.value.byteLength
    if (total >= errorBodyBytes) break
  }
  await reader?.cancel()
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, errorBodyBytes))
}

async function exchange(
  config: FeedConnectorConfig,
  target: FeedTarget,
  previous: FeedValidators | null,
  signal: AbortSignal,
  send: typeof fetch,
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    Accept: 'text/calendar, */*;q=0.5',
    'User-Agent': 'Renkei calendar sync',
  }
  if (target.authorization !== null) headers['Authorization'] = target.authorization
  if (previous?.etag) headers['If-None-Match'] = previous.etag
  if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified
  const response = await send(target.url, { headers, signal })
  const serverDate = serverDateOf(response.headers)
  const etag = response.headers.get('etag')
  const lastModified = response.headers.get('last-modified')
  if (response.status === 304) {
    await response.body?.cancel()
    const validators = {
      etag: etag ?? previous?.etag ?? null,
      lastModified: lastModified ?? previous?.lastModified ?? null,
    }
    return { status: 'unchanged', validators, serverDate }
  }
  if (!response.ok) {
    const refusal = {
      status: response.status,
      statusText: response.statusText,
      retryAfter: response.headers.get('retry-after'),
      body: await readStart(response),
    }
    throw httpFailure(refusal, target.shown, config.auth, target.redact)
  }
  const limit = config.maxMegabytes * 1024 * 1024
  const tooLarge = () =>
    new ConnectorError(
      'permanent',
      feedMessages.tooLarge(target.shown, config.maxMegabytes),
      `GET ${target.shown} → HTTP ${response.status}, more than ${limit} bytes`,
      response.status,
    )
  const text = await readLimited(response, limit, tooLarge)
  return { status: 'fetched', text, validators: { etag, lastModified }, serverDate }
}

export function createFeedConnector(
  config: FeedConnectorConfig,
  secret: string | null,
  options: FeedConnectorOptions = {},
): FeedConnector {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const send = options.fetch ? withRedirectPolicy(options.fetch) : policyFetch
  return {
    async fetch(previous, signal) {
      const target = targetOf(config, secret)
      const deadline = AbortSignal.timeout(timeoutMs)
      try {
        return await exchange(config, target, previous, AbortSignal.any([signal, deadline]), send)
      } catch (error) {
        // The caller's own abort (the run was stopped) is not a feed failure: let it through as it is.
        if (error instanceof ConnectorError || signal.aborted) throw error
        throw networkFailure(error, target.shown, { timeoutMs, passed: deadline.aborted }, target.redact)
      }
    },
  }
}
