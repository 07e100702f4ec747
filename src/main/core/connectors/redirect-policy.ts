/**
 * The one redirect policy of every outbound HTTP connector that follows redirects (iCalendar feed, CalDAV,
 * OAuth token endpoint; SCIM uses node:http, which follows none). Redirects are followed by hand, hop by hop,
 * so each target is checked before it is contacted: link-local and cloud metadata addresses (169.254.0.0/16,
 * fe80::/10, the metadata names) are refused — a feed URL redirected there would read the machine's own
 * credentials into the history. Like fetch, credentials are not carried to another origin.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { Localized } from '../../../shared/model/localized'
import { ConnectorError } from './connector-error'

const maxRedirects = 10
const redirectStatuses = new Set([301, 302, 303, 307, 308])
const metadataNames = new Set(['metadata', 'metadata.google.internal', 'metadata.azure.internal'])
/** What a request must not carry to another origin (fetch drops these too). */
const originBoundHeaders = ['authorization', 'cookie', 'proxy-authorization']

function ipv4Octets(address: string): number[] | null {
  const parts = address.split('.').map(Number)
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null
}

/** ::ffff:a9fe:a9fe (how URL writes [::ffff:169.254.169.254]) as the IPv4 address it maps. */
function mappedIpv4(address: string): string {
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (!hex) return address.replace(/^::ffff:/i, '')
  const [high, low] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)]
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}

/** 169.254.0.0/16 and fe80::/10 (IPv4-mapped forms too), and the IPv6 metadata address fd00:ec2::254. */
export function isLinkLocalOrMetadata(address: string): boolean {
  const v4 = ipv4Octets(mappedIpv4(address))
  if (v4) return v4[0] === 169 && v4[1] === 254
  const lower = address.toLowerCase()
  if (lower === 'fd00:ec2::254') return true
  const first = Number.parseInt(lower.split(':')[0] ?? '', 16)
  return isIP(lower) === 6 && (first & 0xffc0) === 0xfe80
}

/** The address that makes `url` off limits, or null. A name that does not resolve is fetch's to report. */
async function forbiddenAddress(url: URL): Promise<string | null> {
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase()
  if (metadataNames.has(host)) return host
  if (isIP(host)) return isLinkLocalOrMetadata(host) ? host : null
  try {
    const addresses = await lookup(host, { all: true })
    return addresses.find((a) => isLinkLocalOrMetadata(a.address))?.address ?? null
  } catch {
    return null
  }
}

const messages = {
  refused: (from: string, to: string, address: string): Localized => ({
    ja: `${from} の転送先 ${to}（${address}）はリンクローカルまたはクラウドのメタデータ用アドレスのため、たどりませんでした。転送されない正しい URL を入力するか、サーバーの転送設定を確認してください。`,
    en: `${from} redirected to ${to} (${address}), a link-local or cloud metadata address, so Renkei did not follow it. Enter the final URL that is not redirected, or check the server's redirect settings.`,
  }),
  tooMany: (from: string): Localized => ({
    ja: `${from} の転送が ${maxRedirects} 回を超えました（転送のループ）。転送されない正しい URL を入力してください。`,
    en: `${from} redirected more than ${maxRedirects} times (a redirect loop). Enter the final URL that is not redirected.`,
  }),
  notHttp: (from: string, scheme: string): Localized => ({
    ja: `${from} は ${scheme} の URL に転送しました。http(s) 以外へは転送をたどりません。正しい URL を入力してください。`,
    en: `${from} redirected to a ${scheme} URL; Renkei follows redirects to http(s) only. Enter the right URL.`,
  }),
}

function refusal(message: Localized, from: URL, status: number, to: URL): ConnectorError {
  // Origins only: paths and queries may hold feed tokens.
  return new ConnectorError(
    'permanent',
    message,
    `${from.origin} → HTTP ${status}, Location: ${to.origin}`,
    status,
  )
}

/** The next hop's method and body, as fetch rewrites them: 303 (and 301/302 after POST) become a GET. */
function nextRequest(init: RequestInit, status: number, crossOrigin: boolean): RequestInit {
  const headers = new Headers(init.headers)
  if (crossOrigin) for (const name of originBoundHeaders) headers.delete(name)
  const method = (init.method ?? 'GET').toUpperCase()
  const toGet =
    (status === 303 && method !== 'GET' && method !== 'HEAD') ||
    ([301, 302].includes(status) && method === 'POST')
  if (!toGet) return { ...init, headers }
  headers.delete('content-type')
  headers.delete('content-length')
  return { ...init, method: 'GET', body: null, headers }
}

/** `fetchImpl` with redirects followed under the policy above; every refusal is a permanent ConnectorError. */
export function withRedirectPolicy(
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): typeof fetch {
  return async (input, init = {}) => {
    let url = new URL(input instanceof Request ? input.url : input)
    let request: RequestInit = { ...init }
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(url, { ...request, redirect: 'manual' })
      const location = response.headers.get('location')
      if (!redirectStatuses.has(response.status) || location === null) return response
      await response.body?.cancel()
      const next = new URL(location, url)
      if (hop >= maxRedirects) throw refusal(messages.tooMany(url.origin), url, response.status, next)
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw refusal(messages.notHttp(url.origin, next.protocol), url, response.status, next)
      }
      const address = await forbiddenAddress(next)
      if (address !== null) {
        throw refusal(messages.refused(url.origin, next.origin, address), url, response.status, next)
      }
      request = nextRequest(request, response.status, next.origin !== url.origin)
      url = next
    }
  }
}

/** The global fetch under the redirect policy. */
export const policyFetch: typeof fetch = withRedirectPolicy()
