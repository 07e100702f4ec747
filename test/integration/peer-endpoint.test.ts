/**
 * The partner endpoint as the core runs it (this file: 127.0.5.x:443), with the real keychain: the PKCS#12
 * passphrase and the site key live there and nowhere in the data directory; a certificate, passphrase or
 * address that cannot work is refused in plain words and changes nothing; the listener stops with the core.
 */
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeychainSiteKey } from '../../src/main/core/connectors/peer/site-key'
import type { Core } from '../../src/main/core/core-types'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { ApiError } from '../../src/shared/model/errors'
import { linkEndpointPassphraseSecret, linkSiteKeySecret } from '../../src/shared/model/sitelink-endpoint'
import { keychainPresent, keychainSkipReason, skipWithoutKeychain } from '../support/keychain'
import { makePartnerCerts, toPkcs12, type PartnerCerts } from '../support/partner-certs'
import { testPartnerClient, type TestPartnerClient } from '../support/partner-transport'
import { secretsInDataDir } from '../support/secret-scan'
import { openTestCore, tempDataDir } from '../support/test-core'

const address = '127.0.5.1'
const busyAddress = '127.0.5.2'
const passphrase = 'p12-パス-phrase'

async function refusal(work: Promise<unknown>): Promise<ApiError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

describe.skipIf(skipWithoutKeychain())(
  `partner endpoint in the core (${keychainPresent ? 'gnome-keyring' : `skipped: ${keychainSkipReason}`})`,
  () => {
    const secrets = new KeychainSecretStore(`renkei-test-peer-${process.pid}`)
    let dir: string
    let certs: PartnerCerts
    let core: Core
    let site: TestPartnerClient

    beforeAll(async () => {
      dir = tempDataDir('renkei-peer-endpoint-')
      certs = makePartnerCerts([address, busyAddress])
      writeFileSync(join(dir, 'site.p12'), toPkcs12(certs.sites[0]!, passphrase))
      writeFileSync(join(dir, 'cert.pem'), certs.sites[0]!.cert)
      writeFileSync(join(dir, 'other-key.pem'), certs.sites[1]!.key)
      site = testPartnerClient({ trustedCaPems: [certs.caPem] })
      core = await openTestCore(dir, { secrets, listenForPartners: true })
    })
    afterAll(async () => {
      await core?.close()
      await site?.network.close()
      for (const name of await secrets.names()) await secrets.delete(name)
      rmSync(dir, { recursive: true, force: true })
    })

    const ping = (): Promise<unknown> =>
      site.client.getPublic(`https://${address}/renkei-link/v1/request/ping`)

    function serveRoutes(target: Core): void {
      target.sitelink.endpoint.setRoutes([
        {
          method: 'GET',
          path: 'renkei-link/v1/request/:token',
          auth: 'none',
          handle: async (req) => ({ status: 200, body: { token: req.params['token'] } }),
        },
      ])
    }

    it('starts with a PKCS#12 certificate only once its passphrase is in the keychain and right', async () => {
      const settings = {
        enabled: true,
        bindAddress: address,
        port: 443,
        certificate: { kind: 'pkcs12' as const, file: join(dir, 'site.p12') },
      }
      const missing = await refusal(core.api['link.endpoint.update'](settings))
      expect(missing.localized.ja).toContain('パスフレーズがキーチェーンにありません')
      expect(missing.localized.en).toContain('Nothing was changed')
      expect((await core.api['link.endpoint.get']({})).settings.enabled).toBe(false)

      await core.api['secrets.set']({ name: linkEndpointPassphraseSecret, value: 'not-it' })
      const wrong = await refusal(core.api['link.endpoint.update'](settings))
      expect(wrong.localized.ja).toContain('パスフレーズが違います')
      expect(wrong.localized.en).toContain('passphrase')

      await core.api['secrets.set']({ name: linkEndpointPassphraseSecret, value: passphrase })
      const state = await core.api['link.endpoint.update'](settings)
      expect(state).toMatchObject({ running: true, error: null, passphraseSet: true, settings })
      serveRoutes(core)
      expect(await ping()).toEqual({ token: 'ping' })
      const listed = await core.api['secrets.list']({})
      expect(listed.find((s) => s.name === linkEndpointPassphraseSecret)?.group).toBe('sitelink')
      expect(secretsInDataDir(dir, [passphrase])).toEqual([])
    })

    it('refuses a key that is not the certificate’s, a busy address and a non-address; the old listener runs on', async () => {
      const mismatch = await refusal(
        core.api['link.endpoint.update']({
          certificate: { kind: 'pem', certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'other-key.pem') },
        }),
      )
      expect(mismatch.localized.ja).toContain('秘密鍵が証明書と対になっている')
      expect(await ping()).toEqual({ token: 'ping' })

      const busy: Server = createServer()
      await new Promise<void>((resolve) => busy.listen(443, busyAddress, resolve))
      try {
        const inUse = await refusal(core.api['link.endpoint.update']({ bindAddress: busyAddress }))
        expect(inUse.localized.ja).toContain(`${busyAddress}:443 は別のプログラムが使っています`)
        expect(inUse.localized.en).toContain('in use by another program')
      } finally {
        await new Promise((resolve) => busy.close(resolve))
      }
      const notIp = await refusal(core.api['link.endpoint.update']({ bindAddress: 'partner.example' }))
      expect(notIp.code).toBe('invalid-input')
      expect(notIp.localized.en).toContain('bindAddress')
      expect(await core.api['link.endpoint.get']({})).toMatchObject({
        running: true,
        settings: { bindAddress: address },
      })
      expect(await ping()).toEqual({ token: 'ping' })
    })

    it('stops listening when the core closes, and starts again with the next core', async () => {
      await core.close()
      await expect(ping()).rejects.toMatchObject({ code: 'unreachable' })
      core = await openTestCore(dir, { secrets, listenForPartners: true })
      serveRoutes(core)
      expect(await core.api['link.endpoint.get']({})).toMatchObject({ running: true, error: null })
      expect(await ping()).toEqual({ token: 'ping' })
    })

    it('never listens from a one-shot (CLI) core, yet checks the certificate there too', async () => {
      const cliDir = tempDataDir('renkei-peer-cli-')
      let cli = await openTestCore(cliDir, { secrets })
      try {
        const settings = {
          enabled: true,
          bindAddress: address,
          port: 443,
          certificate: {
            kind: 'pem' as const,
            certFile: join(dir, 'cert.pem'),
            keyFile: join(dir, 'other-key.pem'),
          },
        }
        const mismatch = await refusal(cli.api['link.endpoint.update'](settings))
        expect(mismatch.localized.en).toContain('must be the certificate')
        const pfx = { ...settings, certificate: { kind: 'pkcs12' as const, file: join(dir, 'site.p12') } }
        expect(await cli.api['link.endpoint.update'](pfx)).toMatchObject({ running: false, error: null })
        expect(await ping()).toEqual({ token: 'ping' })
        // Opened again with the endpoint enabled (as every CLI command opens the core): no try to listen.
        await cli.close()
        cli = await openTestCore(cliDir, { secrets })
        expect(await cli.api['link.endpoint.get']({})).toMatchObject({ running: false, error: null })
        expect((await cli.api['history.search']({ filter: { level: 'error' } })).entries).toEqual([])
        expect(await ping()).toEqual({ token: 'ping' })
      } finally {
        await cli.close()
        rmSync(cliDir, { recursive: true, force: true })
      }
    })

    it('keeps the site key in the keychain: created once, the same after a restart, key id = SHA-256 of the SPKI', async () => {
      const first = new KeychainSiteKey(secrets)
      const [a, b] = await Promise.all([first.publicKey(), first.publicKey()])
      expect(a).toEqual(b)
      const again = await new KeychainSiteKey(secrets).publicKey()
      expect(again).toEqual(a)
      const stored = await secrets.get(linkSiteKeySecret)
      expect(stored).toContain('BEGIN PRIVATE KEY')
      const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'DER'], { input: a.pem })
      const digest = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der })
      expect(a.keyId).toBe(digest.toString('base64url'))
      expect(secretsInDataDir(dir, [stored!.split('\n')[1]!])).toEqual([])
    })
  },
)
