import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { ApiError } from '../../src/shared/model/errors'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { startSlapd, type Slapd } from '../support/slapd'
import { openTestCore, tempDataDir } from '../support/test-core'

let slapd: Slapd
let scim: RunningScimServer
let dir: string
let secrets: MemorySecretStore
let core: Core

beforeAll(async () => {
  ;[slapd, scim] = await Promise.all([startSlapd(), startScimServer()])
})
afterAll(async () => {
  await Promise.all([slapd.stop(), scim.stop()])
})

beforeEach(async () => {
  dir = tempDataDir('renkei-dir-check-')
  secrets = new MemorySecretStore()
  // Saved: a CSV source and a SCIM target with a token the service refuses.
  await secrets.set(directorySecretNames.targetScimToken, 'stale-token')
  core = await openTestCore(dir, { secrets })
  await core.api['directory.config.update']({
    source: { kind: 'csv', ...writeDirectoryCsv(dir, people(2)) },
    target: { kind: 'scim', baseUrl: scim.baseUrl },
  })
})
afterEach(async () => {
  await core.close()
})

const ldapSource = () =>
  ({
    kind: 'ldap',
    url: slapd.url,
    security: 'plain',
    allowPlain: true,
    bindDn: slapd.rootDn,
    baseDn: slapd.suffix,
  }) as const

describe('接続テスト tests what is on the screen (an unsaved draft), and saves nothing', () => {
  it('an LDAP source typed into the form (saved: CSV) is tested with the typed password', async () => {
    const saved = await core.api['directory.config.get']({})
    const draft = { side: 'source' as const, config: { source: ldapSource() } }
    const wrong = await core.api['directory.check']({ ...draft, secret: 'not-the-password' })
    expect(wrong.ok).toBe(false)
    const right = await core.api['directory.check']({ ...draft, secret: slapd.rootPassword })
    expect(right.ok).toBe(true)
    // The saved settings and the keychain are as they were.
    expect(await core.api['directory.config.get']({})).toEqual(saved)
    expect(await secrets.get(directorySecretNames.sourceLdapPassword)).toBeNull()
    // Without a draft the saved CSV source is tested, as before.
    expect((await core.api['directory.check']({ side: 'source' })).message.en).not.toContain('LDAP')
  })

  it('the SCIM target: the saved (stale) token fails, the typed one in the draft passes', async () => {
    expect((await core.api['directory.check']({ side: 'target' })).ok).toBe(false)
    const typed = await core.api['directory.check']({
      side: 'target',
      config: { target: { kind: 'scim', baseUrl: scim.baseUrl } },
      secret: scim.token,
    })
    expect(typed.ok).toBe(true)
    expect(await secrets.get(directorySecretNames.targetScimToken)).toBe('stale-token')
    // A draft pointing somewhere else is tested there, not at the saved URL.
    const elsewhere = await core.api['directory.check']({
      side: 'target',
      config: { target: { kind: 'scim', baseUrl: 'http://127.0.0.1:9/scim/v2' } },
      secret: scim.token,
    })
    expect(elsewhere.ok).toBe(false)
  })

  it('a draft the settings would refuse is refused in both languages, naming the field', async () => {
    const error = await core.api['directory.check']({
      side: 'target',
      config: { target: { kind: 'scim', baseUrl: 'not a url' } },
    }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ApiError)
    const { code, localized } = error as ApiError
    expect(code).toBe('invalid-input')
    expect(localized.ja).toContain('target.baseUrl')
    expect(localized.en).toContain('target.baseUrl')
    expect((await core.api['directory.config.get']({})).target).toMatchObject({ baseUrl: scim.baseUrl })
  })
})
