/**
 * Which way one URL goes: decided here, by us, rather than inside undici's EnvHttpProxyAgent, so a
 * connection test can say which path was taken and the environment and the manual proxy share one
 * NO_PROXY reading.
 */
import type { NetworkRoute, NetworkSettings } from '../../../shared/model/network'

/** The proxy-relevant environment, read once by the host (tests pass their own). */
export interface ProxyEnvironment {
  readonly httpProxy: string
  readonly httpsProxy: string
  readonly noProxy: readonly string[]
}

/** The OS proxy resolver the desktop host offers (Electron's session.resolveProxy: "PROXY h:p; DIRECT"). */
export type ResolveProxy = (url: string) => Promise<string>

/** Proxy settings from variables, lower case first as curl and undici read them. */
export function proxyEnvironment(env: NodeJS.ProcessEnv): ProxyEnvironment {
  const pick = (name: string): string => (env[name.toLowerCase()] ?? env[name] ?? '').trim()
  return {
    httpProxy: pick('HTTP_PROXY'),
    httpsProxy: pick('HTTPS_PROXY'),
    noProxy: splitNoProxy(pick('NO_PROXY')),
  }
}

export function splitNoProxy(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80'
}

/**
 * curl's NO_PROXY rules: '*' matches all; `host` and `.host` match the host and its subdomains;
 * `host:port` only that port; an IP address (or CIDR a.b.c.d/n) matches that address.
 */
export function bypassesProxy(url: URL, noProxy: readonly string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = url.port || defaultPort(url.protocol)
  return noProxy.some((raw) => {
    const entry = raw.toLowerCase()
    if (entry === '*') return true
    const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(entry)
    if (cidr) return inIpv4Range(host, cidr[1]!, Number(cidr[2]))
    // A bare IPv6 address has colons of its own: only [v6]:port and name:port carry a port.
    const withPort = /^(\[.+\]|[^:]+):(\d+)$/.exec(entry)
    const name = (withPort ? withPort[1]! : entry).replace(/^\*?\./, '').replace(/^\[|\]$/g, '')
    if (withPort && withPort[2] !== port) return false
    return host === name || host.endsWith(`.${name}`)
  })
}

function ipv4Number(address: string): number | null {
  const parts = address.split('.').map(Number)
  if (parts.length !== 4 || !parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255)) return null
  return parts.reduce((sum, part) => sum * 256 + part, 0)
}

function inIpv4Range(host: string, base: string, bits: number): boolean {
  const [address, network] = [ipv4Number(host), ipv4Number(base)]
  if (address === null || network === null || bits > 32) return false
  const size = 2 ** (32 - bits)
  return Math.floor(address / size) === Math.floor(network / size)
}

/** The route for `url` under the stored settings (the 'system' mode asks the host's resolver). */
export async function routeFor(
  url: URL,
  settings: NetworkSettings,
  env: ProxyEnvironment,
  resolveProxy: ResolveProxy | null,
): Promise<NetworkRoute> {
  if (settings.mode === 'none') return { kind: 'direct', reason: 'mode' }
  if (settings.mode === 'system') {
    if (resolveProxy === null) return { kind: 'direct', reason: 'mode' }
    return systemRoute(await resolveProxy(url.href))
  }
  if (settings.mode === 'manual') {
    if (settings.proxyUrl === '') return { kind: 'direct', reason: 'mode' }
    if (bypassesProxy(url, settings.noProxy)) return { kind: 'direct', reason: 'no-proxy' }
    return { kind: 'proxy', proxy: settings.proxyUrl }
  }
  const proxy = url.protocol === 'https:' ? env.httpsProxy || env.httpProxy : env.httpProxy
  if (proxy === '') return { kind: 'direct', reason: 'no-proxy-for-scheme' }
  if (bypassesProxy(url, [...env.noProxy, ...settings.noProxy])) return { kind: 'direct', reason: 'no-proxy' }
  return { kind: 'proxy', proxy }
}

/** The first usable entry of a PAC answer ("PROXY host:port; DIRECT"); SOCKS is not supported, so skipped. */
export function systemRoute(pac: string): NetworkRoute {
  for (const entry of pac.split(';').map((part) => part.trim())) {
    const [kind, address] = entry.split(/\s+/)
    if (kind?.toUpperCase() === 'DIRECT') return { kind: 'direct', reason: 'system' }
    if (address && (kind?.toUpperCase() === 'PROXY' || kind?.toUpperCase() === 'HTTP'))
      return { kind: 'proxy', proxy: `http://${address}` }
    if (address && kind?.toUpperCase() === 'HTTPS') return { kind: 'proxy', proxy: `https://${address}` }
  }
  return { kind: 'direct', reason: 'system' }
}
