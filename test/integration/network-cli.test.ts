/**
 * `renkei network test <url>` as an administrator runs it: the built CLI, its proxy from HTTPS_PROXY /
 * NO_PROXY, against a real TLS server in another process (openssl s_server, since the CLI runs synchronously
 * here) with a certificate from a test CA, through a real tinyproxy.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { freePort } from '../support/free-port'
import { skipWithoutKeychain } from '../support/keychain'
import { makeTestCa, type TestCa } from '../support/test-ca'
import { openTestCore } from '../support/test-core'
import { startTinyproxy, tinyproxyMissing, type Tinyproxy } from '../support/tinyproxy'

const caName = 'Renkei CLI Test CA'

async function untilListening(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.end()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}`)
}

describe.skipIf(skipWithoutKeychain() || tinyproxyMissing())('renkei network test', () => {
  let dir: string
  let ca: TestCa
  let proxy: Tinyproxy
  let server: ChildProcess
  let url: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renkei-net-cli-'))
    ca = makeTestCa(caName, 'cli.corp.test', ['IP:127.0.0.1'])
    writeFileSync(join(dir, 'cert.pem'), ca.cert)
    writeFileSync(join(dir, 'key.pem'), ca.key)
    const port = await freePort()
    // -www answers every GET with 200 and a status page.
    server = spawn(
      'openssl',
      ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', 'cert.pem', '-key', 'key.pem', '-www', '-quiet'],
      { cwd: dir, stdio: 'ignore' },
    )
    await untilListening(port)
    url = `https://127.0.0.1:${port}/`
    proxy = await startTinyproxy()
  }, 30_000)
  afterAll(async () => {
    server?.kill()
    await proxy?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const cli = (env: NodeJS.ProcessEnv) =>
    runCli(['--data-dir', join(dir, 'data'), 'network', 'test', url], { env })

  it('prints the proxy taken and a chain it does not trust yet, and fails', () => {
    const result = cli({ HTTPS_PROXY: proxy.url, NO_PROXY: '' })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`route: プロキシ ${proxy.url} 経由 / through the proxy ${proxy.url}`)
    expect(result.stdout).toContain('certificate chain (NOT trusted):')
    expect(result.stdout).toContain(`issuer: CN=${caName}`)
    expect(result.stdout).toContain(`Add the CA certificate (PEM) of "CN=${caName}"`)
    expect(proxy.requests().some((line) => line.startsWith(`CONNECT 127.0.0.1:${new URL(url).port} `))).toBe(
      true,
    )
  })

  it('prints HTTP 200 and the trusted chain once the CA is added; NO_PROXY makes it direct', async () => {
    const core = await openTestCore(join(dir, 'data'))
    await core.api['network.ca.add']({ pem: ca.caPem })
    await core.close()

    const viaProxy = cli({ HTTPS_PROXY: proxy.url, NO_PROXY: '' })
    expect(viaProxy.stderr).toBe('')
    expect(viaProxy.status).toBe(0)
    expect(viaProxy.stdout).toContain('HTTP: 200')
    expect(viaProxy.stdout).toContain('certificate chain (trusted):')
    expect(viaProxy.stdout).toContain('CN=cli.corp.test')

    const direct = cli({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })
    expect(direct.status).toBe(0)
    expect(direct.stdout).toContain('route: 直接接続（NO_PROXY の対象） / direct (listed in NO_PROXY)')
  })

  it('refuses what is not an http(s) URL, in Japanese and English, with exit code 2', () => {
    const result = runCli(['--data-dir', join(dir, 'data'), 'network', 'test', 'ldap://dc1.corp.test'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('http:// か https:// で始まる URL ではありません')
    expect(result.stderr).toContain('is not a URL starting with http:// or https://')
  })
})
