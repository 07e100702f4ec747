/**
 * A throwaway CA and a server certificate it signed, made with openssl for one test: the CA is in no store,
 * so a server using the certificate is untrusted until the test adds the CA to Renkei's trusted CAs.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCa {
  readonly caPem: string
  readonly key: string
  readonly cert: string
}

/** `subject` is the CA's CN; the server certificate is for `CN=<serverName>` with the given IP/DNS SANs. */
export function makeTestCa(caName: string, serverName: string, altNames: readonly string[]): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-test-ca-'))
  const file = (name: string): string => join(dir, name)
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'pipe' })
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.pem'),
      '-days',
      '30',
      '-subj',
      `/CN=${caName}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    )
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      file('srv.key'),
      '-out',
      file('srv.csr'),
      '-subj',
      `/CN=${serverName}`,
    )
    writeFileSync(file('ext'), `subjectAltName=${altNames.join(',')}\nextendedKeyUsage=serverAuth\n`)
    openssl(
      'x509',
      '-req',
      '-in',
      file('srv.csr'),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '30',
      '-out',
      file('srv.pem'),
      '-extfile',
      file('ext'),
    )
    const read = (name: string): string => readFileSync(file(name), 'utf8')
    return { caPem: read('ca.pem'), key: read('srv.key'), cert: read('srv.pem') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
