import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { keychainPresent, keychainSkipReason, skipWithoutKeychain } from '../support/keychain'
import { secretsInDataDir } from '../support/secret-scan'
import { openTestCore, tempDataDir } from '../support/test-core'

const lookup = (account: string): string =>
  execFileSync('secret-tool', ['lookup', 'service', 'renkei-notice-test', 'account', account], {
    encoding: 'utf8',
  })

describe.skipIf(skipWithoutKeychain())(
  `notice target secrets in the real keychain (${keychainPresent ? 'gnome-keyring' : `skipped: ${keychainSkipReason}`})`,
  () => {
    it('saves a typed webhook URL and signing secret in the Secret Service only; remove clears them', async () => {
      const dir = tempDataDir('renkei-notice-keychain-')
      const core = await openTestCore(dir, { secrets: new KeychainSecretStore('renkei-notice-test') })
      const url = `https://hooks.example.jp/services/T0/B0/${Date.now()}-path-token`
      const signing = `signing-${Date.now()}-秘密の鍵`
      try {
        const view = await core.api['notice.targets.save']({
          target: { id: 'hook', name: 'Hook', kind: 'webhook' },
          secrets: { url, signing },
        } as never)
        expect(view.secrets).toEqual({ url: true, signing: true })
        expect(lookup('notices.target.hook.url')).toBe(url)
        expect(lookup('notices.target.hook.signing')).toBe(signing)
        expect(secretsInDataDir(dir, [url, signing])).toEqual([])
        await core.api['notice.targets.remove']({ id: 'hook' })
        expect(() => lookup('notices.target.hook.url')).toThrow()
        expect(() => lookup('notices.target.hook.signing')).toThrow()
      } finally {
        await core.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })
  },
)
