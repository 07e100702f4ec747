/**
 * Opens a TLS connection the way the layer would (straight, or through the proxy's CONNECT tunnel) only to
 * read the certificate chain the server sends and whether our CAs verify it. Used by the connection test and
 * to name the certificate in a refusal: Node's own TLS error carries a code, never the certificate.
 */
import { request as httpRequest } from 'node:http'
import { isIP, type Socket } from 'node:net'
import { checkServerIdentity, connect as tlsConnect, type TLSSocket } from 'node:tls'
import type { CertificateSummary } from '../../../shared/model/network'
import { chainOf } from './certificates'

export interface ProbeTarget {
  readonly url: URL
  /** The proxy URI (no credentials) and its Proxy-Authorization value, when the route uses one. */
  readonly proxy: { readonly uri: string; readonly authorization: string | null } | null
  readonly ca: readonly string[] | null
  readonly timeoutMs: number
}

export interface ProbeResult {
  readonly chain: readonly CertificateSummary[]
  readonly trusted: boolean
  /** OpenSSL's verdict when not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_TLS_CERT_ALTNAME_INVALID…). */
  readonly reason: string | null
}

function tunnel(target: ProbeTarget, proxy: NonNullable<ProbeTarget['proxy']>): Promise<Socket> {
  const proxyUrl = new URL(proxy.uri)
  const port = target.url.port || '443'
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: proxyUrl.hostname,
      port: proxyUrl.port || 80,
      method: 'CONNECT',
      path: `${target.url.hostname}:${port}`,
      headers: proxy.authorization ? { 'Proxy-Authorization': proxy.authorization } : {},
      timeout: target.timeoutMs,
    })
    req.on('connect', (res, socket) => {
      if (res.statusCode === 200) resolve(socket)
      else {
        socket.destroy()
        reject(new Error(`proxy answered ${res.statusCode} to CONNECT`))
      }
    })
    req.on('timeout', () => req.destroy(new Error('proxy timeout')))
    req.on('error', reject)
    req.end()
  })
}

/** Reads the chain without trusting it (rejectUnauthorized: false), then reports OpenSSL's own verdict. */
export async function probeTls(target: ProbeTarget): Promise<ProbeResult> {
  const host = target.url.hostname.replace(/^\[|\]$/g, '')
  const socket = target.proxy ? await tunnel(target, target.proxy) : undefined
  return new Promise((resolve, reject) => {
    const tls: TLSSocket = tlsConnect({
      // With a tunnel socket, `host` still names whom the certificate must be for (Node's default: localhost).
      host,
      ...(socket ? { socket } : { port: Number(target.url.port || 443) }),
      ...(isIP(host) ? {} : { servername: host }),
      ...(target.ca ? { ca: [...target.ca] } : {}),
      rejectUnauthorized: false,
      timeout: target.timeoutMs,
    })
    tls.once('secureConnect', () => {
      const chain = chainOf(tls.getPeerCertificate(true))
      const error = tls.authorizationError ? String(tls.authorizationError) : null
      const altName = checkName(tls, host)
      resolve({ chain, trusted: tls.authorized && altName === null, reason: error ?? altName })
      tls.end()
    })
    tls.once('timeout', () => tls.destroy(new Error('TLS timeout')))
    tls.once('error', reject)
  })
}

/** rejectUnauthorized: false skips the host name check too; do it here so the verdict matches a real request. */
function checkName(tls: TLSSocket, host: string): string | null {
  const cert = tls.getPeerCertificate()
  if (!cert || !cert.subject) return null
  return checkServerIdentity(host, cert) ? 'ERR_TLS_CERT_ALTNAME_INVALID' : null
}
