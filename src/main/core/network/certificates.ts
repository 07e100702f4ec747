/**
 * PEM bundles as the admin pastes them, summarised for the Settings list, and the CA list every HTTPS and
 * LDAPS connection of the layer trusts: Node's roots, the OS store and the admin's CAs. Passing `ca` to
 * TLS replaces Node's default store, so the defaults have to be listed again beside the admin's.
 */
import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import * as tls from 'node:tls'
import type { PeerCertificate } from 'node:tls'
import { ApiError } from '../../../shared/model/errors'
import type { CertificateSummary } from '../../../shared/model/network'

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** Where Debian, Fedora/RHEL and SUSE keep the OS bundle (Node 20 cannot read the Windows or macOS store). */
const osBundles = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
]

/** One-line distinguished name "CN=…, O=…" from the multi-line form node:crypto prints. */
export function oneLine(name: string): string {
  return name
    .split('\n')
    .filter((part) => part !== '')
    .join(', ')
}

function summary(cert: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    validTo: new Date(cert.validTo).toISOString(),
    fingerprint: cert.fingerprint256,
  }
}

function refused(reason: { ja: string; en: string }): ApiError {
  return new ApiError('invalid-input', {
    ja: `CA 証明書を追加できません。何も変更していません（${reason.ja}）`,
    en: `The CA certificate cannot be added; nothing was changed (${reason.en})`,
  })
}

/** The certificates of a pasted bundle; anything that is not a readable CA certificate is refused. */
export function parseCaBundle(pem: string): {
  readonly pem: string
  readonly certificates: CertificateSummary[]
} {
  const blocks = pem.match(pemBlock) ?? []
  if (blocks.length === 0) {
    throw refused({
      ja: '「-----BEGIN CERTIFICATE-----」で始まる PEM 形式の証明書が見つかりません',
      en: 'no PEM certificate starting with "-----BEGIN CERTIFICATE-----" was found',
    })
  }
  const certificates = blocks.map((block, index) => {
    let cert: X509Certificate
    try {
      cert = new X509Certificate(block)
    } catch {
      throw refused({
        ja: `${index + 1} 番目の証明書を読めません`,
        en: `certificate ${index + 1} cannot be read`,
      })
    }
    if (!cert.ca) {
      throw refused({
        ja: `${oneLine(cert.subject)} は CA 証明書ではありません（サーバー証明書ではなく、発行元の CA 証明書を追加してください）`,
        en: `${oneLine(cert.subject)} is not a CA certificate (add the issuing CA's certificate, not the server's)`,
      })
    }
    return summary(cert)
  })
  return { pem: blocks.join('\n'), certificates }
}

/** The OS store as a file Node can read (Linux), or the bundle NODE_EXTRA_CA_CERTS names. */
export function systemCaPems(env: NodeJS.ProcessEnv): string[] {
  const files = [env['NODE_EXTRA_CA_CERTS'], env['SSL_CERT_FILE'], osBundles.find((f) => existsSync(f))]
  const pems: string[] = []
  for (const file of new Set(files.filter((f): f is string => !!f))) {
    try {
      pems.push(readFileSync(file, 'utf8'))
    } catch {
      // A variable naming a missing file: Node itself only warns about it; the other sources still count.
    }
  }
  return pems
}

/** `tls.getCACertificates` of Node 22.15+ (the desktop app's Electron): the OS store on Windows, macOS and Linux. */
export type OsCaReader = (store: 'default' | 'system') => string[]

export function osCaReader(): OsCaReader | null {
  const read = (tls as { getCACertificates?: OsCaReader }).getCACertificates
  return typeof read === 'function' ? read : null
}

/**
 * Everything TLS should trust. Where Node can read the OS store itself, always Node's defaults, the OS
 * store and the admin's CAs; elsewhere (Node 20) null while the admin added nothing (Node's default store,
 * which NODE_EXTRA_CA_CERTS extends, stays as it is), else the roots, the OS bundle file and the admin's.
 */
export function trustedCaList(
  added: readonly string[],
  system: readonly string[],
  os: OsCaReader | null = osCaReader(),
): string[] | null {
  if (os) return [...os('default'), ...os('system'), ...added]
  return added.length === 0 ? null : [...tls.rootCertificates, ...system, ...added]
}

/** A chain from a TLS socket (getPeerCertificate(true)), leaf first, stopping where it loops to itself. */
export function chainOf(leaf: PeerCertificate | null): CertificateSummary[] {
  const chain: CertificateSummary[] = []
  const seen = new Set<string>()
  let cert = leaf as (PeerCertificate & { issuerCertificate?: PeerCertificate }) | null
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256)
    chain.push(summary(new X509Certificate(cert.raw)))
    cert = cert.issuerCertificate ?? null
  }
  return chain
}
