import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { runCli } from '../support/cli'
import { keychainPresent, keychainSkipReason, skipWithoutKeychain } from '../support/keychain'
import { secretsInDataDir } from '../support/secret-scan'

describe.skipIf(skipWithoutKeychain())(
  `real keychain (${keychainPresent ? 'gnome-keyring' : `skipped: ${keychainSkipReason}`})`,
  () => {
    it('stores a CLI-set secret in the Secret Service and nowhere in the data directory', () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'renkei-keychain-'))
      const value = `pw-${Date.now()}-秘密`
      const set = runCli(['--data-dir', dataDir, 'secret', 'set', 'ldap.bind-password'], {
        input: `${value}\n`,
      })
      expect(set.stderr).toBe('')
      expect(set.stdout).not.toContain(value)
      const found = execFileSync(
        'secret-tool',
        ['lookup', 'service', 'renkei', 'account', 'ldap.bind-password'],
        { encoding: 'utf8' },
      )
      expect(found).toBe(value)
      expect(runCli(['--data-dir', dataDir, 'secret', 'list']).stdout).toContain('ldap.bind-password\tset')
      expect(secretsInDataDir(dataDir, [value])).toEqual([])
      const history = runCli(['--data-dir', dataDir, 'history', 'search', '--category', 'audit']).stdout
      expect(history).toContain('ldap.bind-password')
      expect(history).not.toContain(value)
      expect(runCli(['--data-dir', dataDir, 'secret', 'clear', 'ldap.bind-password']).stdout).toContain(
        'cleared',
      )
      expect(() =>
        execFileSync('secret-tool', ['lookup', 'service', 'renkei', 'account', 'ldap.bind-password']),
      ).toThrow()
    })

    it('refuses an empty value and changes nothing', () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'renkei-keychain-'))
      const result = runCli(['--data-dir', dataDir, 'secret', 'set', 'empty.one'], { input: '' })
      expect(result.status).not.toBe(0)
      expect(runCli(['--data-dir', dataDir, 'secret', 'list']).stdout).not.toContain('empty.one')
    })
  },
)

describe('no keychain', () => {
  it('fails with a clear bilingual error and never writes plaintext', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'renkei-nokeychain-'))
    const result = runCli(['--data-dir', dataDir, 'secret', 'set', 'x.y'], {
      input: 'plain-value\n',
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', DISPLAY: '' },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('キーチェーン')
    expect(result.stderr).toContain('never falls back to plain text')
    expect(secretsInDataDir(dataDir, ['plain-value'])).toEqual([])
  })

  it('reports the keychain as unavailable in the status', async () => {
    const store = new KeychainSecretStore('renkei-test-unreachable')
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent'
    try {
      await expect(store.names()).rejects.toMatchObject({ code: 'keychain-unavailable' })
    } finally {
      process.env.DBUS_SESSION_BUS_ADDRESS = saved
    }
  })
})
