import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import {
  calendarSecretName,
  calendarSettings,
  type CalendarPairConfig,
} from '../../src/shared/model/calendar-config'
import { keychainPresent, keychainSkipReason } from '../support/keychain'
import { startOidcServer, type RunningOidcServer } from '../support/oidc-server'
import { openTestCore, tempDataDir } from '../support/test-core'

let oidc: RunningOidcServer
let dir: string
let secrets: MemorySecretStore
let core: Core

beforeAll(async () => {
  oidc = await startOidcServer()
})
afterAll(async () => {
  await oidc.stop()
})
beforeEach(async () => {
  dir = tempDataDir('renkei-cal-oauth-')
  secrets = new MemorySecretStore()
  core = await openTestCore(dir, { secrets })
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

const google: CalendarPairConfig = {
  id: 'u0007',
  number: 7,
  name: '高橋 美咲',
  employeeKey: '',
  permitted: true,
  source: { kind: 'ics', url: 'http://127.0.0.1:1/feed.ics', auth: 'none', username: '', maxMegabytes: 20 },
  target: {
    kind: 'caldav',
    url: 'https://apidata.googleusercontent.com/caldav/v2/takahashi%40example.jp/events/',
    preset: 'google',
    auth: 'oauth',
    username: '',
  },
  direction: 'one-way',
  conflictPolicy: 'source-wins',
}

/** Every byte of every file in the data directory (the core is closed first, so the WAL is checkpointed). */
function dataDirHolds(value: string): boolean {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .some((entry) => readFileSync(join(entry.parentPath, entry.name)).includes(Buffer.from(value)))
}

describe.skipIf(!keychainPresent)(
  `Google preset with the real keychain (${keychainPresent ? 'gnome-keyring' : `skipped: ${keychainSkipReason}`})`,
  () => {
    it('authorizes: the refresh token lands in the keychain and the pair shows as authorized', async () => {
      const keychain = new KeychainSecretStore()
      const name = calendarSecretName('u0007', 'refresh-token')
      await keychain.delete(name)
      await core.close()
      core = await openTestCore(dir, { secrets: keychain })
      await core.api['calendar.settings.update'](calendarSettings.parse({ oauth: oidc.client }))
      await core.api['calendar.pairs.save'](google)
      expect((await core.api['calendar.status']({})).pairs[0]!.authorized).toBe(false)
      const { authorizeUrl, redirectUri } = await core.api['calendar.oauth.start']({ id: 'u0007' })
      expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback$/)
      expect(new URL(authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256')
      const page = await oidc.approve(authorizeUrl)
      expect(page.status).toBe(200)
      await expect.poll(() => keychain.get(name)).not.toBeNull()
      // Read back by another client of the Secret Service, not through Renkei's store.
      const token = execFileSync('secret-tool', ['lookup', 'service', 'renkei', 'account', name], {
        encoding: 'utf8',
      })
      expect(token.length).toBeGreaterThan(10)
      expect((await core.api['calendar.status']({})).pairs[0]!.authorized).toBe(true)
      const audit = await core.api['history.search']({
        filter: { category: 'audit', text: 'Google 認可' },
        limit: 5,
      })
      expect(audit.entries).toHaveLength(1)
      expect(JSON.stringify(audit.entries)).not.toContain(token)
      await core.close()
      expect(dataDirHolds(token)).toBe(false)
      core = await openTestCore(dir, { secrets })
      await keychain.delete(name)
    })
  },
)

describe('Google preset: OAuth for installed apps through the core API (oidc-provider on loopback)', () => {
  it('refuses to start without a client ID, and refuses a Google pair with a password', async () => {
    await core.api['calendar.pairs.save'](google)
    await expect(core.api['calendar.oauth.start']({ id: 'u0007' })).rejects.toThrow(/client ID/)
    await expect(
      core.api['calendar.pairs.save']({ ...google, target: { ...google.target, auth: 'basic' } }),
    ).rejects.toThrow(/does not accept passwords/)
  })

  it('a pair that was never authorized fails with an auth error that says to authorize first', async () => {
    await core.api['calendar.settings.update'](calendarSettings.parse({ oauth: oidc.client }))
    await core.api['calendar.pairs.save']({ ...google, source: { ...google.source, url: oidc.issuer } })
    const check = await core.api['calendar.check']({ id: 'u0007' })
    const failed = check.steps.find((step) => step.id === 'target-credentials')!
    expect(failed.ok).toBe(false)
    expect(failed.message.en).toMatch(/authoriz/i)
  })
})
