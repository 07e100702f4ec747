import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { openTestCore, tempDataDir } from '../support/test-core'

let dataDir: string
let secrets: MemorySecretStore
let core: Core
/** A second connection to the same database, as a CLI import or prune would hold. */
let other: Database.Database

beforeEach(async () => {
  dataDir = tempDataDir('renkei-secret-consistency-')
  secrets = new MemorySecretStore()
  core = await openTestCore(dataDir, { version: 't', secrets })
  other = new Database(join(dataDir, 'renkei.sqlite'))
})
afterEach(async () => {
  other.close()
  await core.close()
})

const auditLines = async (): Promise<string[]> =>
  (await core.api['history.search']({ filter: { category: 'audit' } })).entries.map((e) => e.messageEn ?? '')

/** Every audit line insert fails from now on, as a failing disk or a corrupt page would make it. */
function failAuditInserts(): void {
  other.exec(`CREATE TRIGGER injected_fault BEFORE INSERT ON history WHEN NEW.category = 'audit'
    BEGIN SELECT RAISE(ABORT, 'injected fault'); END`)
}

const putBack = {
  code: 'internal',
  localized: { ja: expect.stringContaining('元に戻しました'), en: expect.stringContaining('was put back') },
}

describe('a secret change the history cannot record leaves the keychain as it was', () => {
  it('set, replace and clear after a failing audit insert (injected fault)', async () => {
    await core.api['secrets.set']({ name: 'ldap.bind-password', value: 'old-秘密' })
    failAuditInserts()

    await expect(core.api['secrets.set']({ name: 'ldap.bind-password', value: 'new' })).rejects.toMatchObject(
      putBack,
    )
    expect(await secrets.get('ldap.bind-password')).toBe('old-秘密')
    await expect(core.api['secrets.clear']({ name: 'ldap.bind-password' })).rejects.toMatchObject(putBack)
    expect(await secrets.get('ldap.bind-password')).toBe('old-秘密')
    await expect(core.api['secrets.set']({ name: 'scim.token', value: 't0k3n' })).rejects.toMatchObject(
      putBack,
    )
    expect(await secrets.names()).toEqual(['ldap.bind-password'])

    other.exec('DROP TRIGGER injected_fault')
    await core.api['secrets.set']({ name: 'scim.token', value: 't0k3n' })
    expect(await secrets.get('scim.token')).toBe('t0k3n')
    expect(await auditLines()).toEqual(['Secret "scim.token" was set', 'Secret "ldap.bind-password" was set'])
  })

  // Waits out the store's busy_timeout before SQLite gives up: the timeout leaves room for a longer one.
  it('set while another process holds the database (SQLite busy) changes nothing and says so', async () => {
    await core.api['secrets.set']({ name: 'scim.token', value: 'first' })
    other.exec('BEGIN IMMEDIATE')
    try {
      await expect(core.api['secrets.set']({ name: 'scim.token', value: 'second' })).rejects.toMatchObject(
        putBack,
      )
    } finally {
      other.exec('COMMIT')
    }
    expect(await secrets.get('scim.token')).toBe('first')
    expect(await auditLines()).toEqual(['Secret "scim.token" was set'])
  }, 120_000)
})
