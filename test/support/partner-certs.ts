/**
 * Certificates for site link tests, made with openssl: one throwaway CA and a server certificate per site
 * (IP SANs for loopback addresses), the same as PKCS#12 with a passphrase, and a self-signed leaf (the one
 * case the seed refuses). The CA is in no store: a client trusts it only when the test adds it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SiteCertificate {
  readonly cert: string
  readonly key: string
}

export interface PartnerCerts {
  readonly caPem: string
  /** One per requested host, in order. */
  readonly sites: readonly SiteCertificate[]
}

function openssl(dir: string, args: readonly string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
}

function withDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-partner-certs-'))
  try {
    return work(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function subjectAltName(host: string): string {
  return /^[\d.]+$|:/.test(host) ? `IP:${host}` : `DNS:${host}`
}

/** A CA and, for each host (an IP address or a DNS name), a server certificate it issued. */
export function makePartnerCerts(hosts: readonly string[], caName = 'Renkei Test Link CA'): PartnerCerts {
  return withDir((dir) => {
    openssl(dir, [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem'],
      ...['-days', '30', '-subj', `/CN=${caName}`],
      ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ])
    const sites = hosts.map((host, i) => {
      openssl(dir, [
        ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `s${i}.key`, '-out', `s${i}.csr`],
        ...['-subj', `/CN=${host}`],
      ])
      writeFileSync(
        join(dir, `s${i}.ext`),
        `subjectAltName=${subjectAltName(host)}\nextendedKeyUsage=serverAuth\n`,
      )
      openssl(dir, [
        ...['x509', '-req', '-in', `s${i}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
        ...['-days', '30', '-out', `s${i}.pem`, '-extfile', `s${i}.ext`],
      ])
      return {
        cert: readFileSync(join(dir, `s${i}.pem`), 'utf8'),
        key: readFileSync(join(dir, `s${i}.key`), 'utf8'),
      }
    })
    return { caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'), sites }
  })
}

/** A leaf that signs itself (no CA): what 「自己署名証明書はサポートしていません」 is about. */
export function makeSelfSigned(host: string): SiteCertificate {
  return withDir((dir) => {
    openssl(dir, [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.pem'],
      ...['-days', '30', '-subj', `/CN=${host}`, '-addext', `subjectAltName=${subjectAltName(host)}`],
    ])
    return {
      cert: readFileSync(join(dir, 'leaf.pem'), 'utf8'),
      key: readFileSync(join(dir, 'leaf.key'), 'utf8'),
    }
  })
}

/** The certificate and key as one PKCS#12 file (.p12) protected by `passphrase`. */
export function toPkcs12(site: SiteCertificate, passphrase: string): Buffer {
  return withDir((dir) => {
    writeFileSync(join(dir, 'cert.pem'), site.cert)
    writeFileSync(join(dir, 'key.pem'), site.key)
    openssl(dir, [
      ...['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'site.p12'],
      ...['-passout', `pass:${passphrase}`],
    ])
    return readFileSync(join(dir, 'site.p12'))
  })
}
