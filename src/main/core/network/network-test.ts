/**
 * "Test connection": one GET along the route a real request would take, then, for https, the chain the
 * server sent and whether it is trusted. Never throws for a network failure: the result says what happened.
 */
import { request } from 'undici'
import { ApiError } from '../../../shared/model/errors'
import type { Localized } from '../../../shared/model/localized'
import type { NetworkTestResult } from '../../../shared/model/network'
import { ConnectorError } from '../connectors/connector-error'
import { networkCause } from '../connectors/network-cause'
import type { NetworkLayer } from './network-layer'

const defaultTimeoutMs = 15_000

function parseTarget(raw: string): URL {
  let url: URL | null = null
  try {
    url = new URL(raw.trim())
  } catch {
    // Reported below with the same message as a wrong scheme.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ApiError('invalid-input', {
      ja: `「${raw}」は http:// か https:// で始まる URL ではありません。正しい URL を入力してください。`,
      en: `"${raw}" is not a URL starting with http:// or https://. Enter the right URL.`,
    })
  }
  return url
}

function failure(error: unknown): Localized {
  if (error instanceof ConnectorError) return error.localized
  const cause = networkCause(error)
  const what = cause.code ? `${cause.code}: ${cause.message}` : cause.message
  return { ja: `接続できませんでした（${what}）`, en: `Could not connect (${what})` }
}

export async function testConnection(
  network: NetworkLayer,
  raw: string,
  timeoutMs = defaultTimeoutMs,
): Promise<NetworkTestResult> {
  const url = parseTarget(raw)
  const routed = await network.dispatcher(url)
  const started = Date.now()
  let status: number | null = null
  let error: Localized | null = null
  try {
    const answer = await request(url, {
      method: 'GET',
      dispatcher: routed.dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    })
    status = answer.statusCode
    await answer.body.dump()
  } catch (thrown) {
    error = failure(await network.explain(thrown, url, routed))
  }
  const elapsedMs = Date.now() - started
  if (url.protocol !== 'https:')
    return { url: shown(url), route: routed.route, status, chain: [], trusted: null, error, elapsedMs }
  const probe = await network.probe(url, routed, timeoutMs).catch(() => null)
  return {
    url: shown(url),
    route: routed.route,
    status,
    chain: probe?.chain ?? [],
    trusted: probe?.trusted ?? null,
    error,
    elapsedMs,
  }
}

/** Origin and path only: a query may hold a token. */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`
}
