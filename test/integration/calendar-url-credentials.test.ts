import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { CalendarPairRepository } from '../../src/main/core/engines/calendar/calendar-pair-repository'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { openDatabase } from '../../src/main/core/store/database'
import { migrate } from '../../src/main/core/store/database'
import { calendarSecretName, type CalendarPairConfig } from '../../src/shared/model/calendar-config'
import { directoryConfig } from '../../src/shared/model/directory-config'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { listCalendarObjects } from '../support/independent-caldav'
import { keychainPresent, keychainSkipReason } from '../support/keychain'
import { startRadicale, type Radicale } from '../support/radicale'
import { openTestCore, tempDataDir } from '../support/test-core'

/** Issue 9 item 14: https://user:password@host/… is used, but the password is kept only in the keychain. */
const user = 'alice'
const feedPassword = `feed-pw-${Date.now()}-秘`
let radicale: Radicale
let feeds: IcsFeedServer
let dir: string
let core: Core
let calendarUrl: string
const secrets = new KeychainSecretStore()

function everyFileIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
}

const withCredentials = (url: string, name: string, password: string): string =>
  url.replace('://', `://${encodeURIComponent(name)}:${encodeURIComponent(password)}@`)

function pair(): CalendarPairConfig {
  return {
    id: 'u0001',
    number: 1,
    name: '山田 太郎',
    employeeKey: '',
    permitted: true,
    source: {
      kind: 'ics',
      url: withCredentials(feeds.url('/private.ics'), 'feeduser', feedPassword),
      auth: 'none',
      username: '',
      maxMegabytes: 20,
    },
    target: {
      kind: 'caldav',
      url: withCredentials(calendarUrl, user, radicale.users[user]!),
      preset: 'generic',
      auth: 'basic',
      username: '',
    },
    direction: 'one-way',
    conflictPolicy: 'source-wins',
  }
}

const openCore = (): Promise<Core> =>
  openTestCore(dir, { secrets, clock: new TestClock(Date.parse('2026-11-23T09:00:00+09:00')) })

/** Every byte of every file in the data directory, after a clean close (WAL checkpointed). */
async function expectNoPasswordsOnDisk(): Promise<void> {
  await core.close()
  for (const file of everyFileIn(dir)) {
    const bytes = readFileSync(file)
    expect(bytes.includes(Buffer.from(feedPassword)), file).toBe(false)
    expect(bytes.includes(Buffer.from(encodeURIComponent(feedPassword))), file).toBe(false)
    expect(bytes.includes(Buffer.from(radicale.users[user]!)), file).toBe(false)
  }
  core = await openCore()
}

describe.skipIf(!keychainPresent)(
  `credentials written into calendar URLs (${keychainPresent ? 'gnome-keyring' : `skipped: ${keychainSkipReason}`})`,
  () => {
    beforeAll(async () => {
      radicale = await startRadicale()
      feeds = await startIcsFeedServer()
      feeds.requireAuth({ basic: { user: 'feeduser', password: feedPassword } })
      feeds.setFeed('/private.ics', readFileSync(join(__dirname, '../fixtures/calendar/google.ics'), 'utf8'))
    })
    afterAll(async () => {
      await feeds.stop()
      await radicale.stop()
    })
    beforeEach(async () => {
      dir = tempDataDir('renkei-cal-url-')
      for (const slot of ['source', 'target'] as const)
        await secrets.delete(calendarSecretName('u0001', slot))
      calendarUrl = await radicale.makeCalendar(user, `url-${Date.now()}`, { timeZone: 'Asia/Tokyo' })
      core = await openCore()
    })
    afterEach(async () => {
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('on save: moved to the keychain, never in SQLite or the API, and sync still signs in', async () => {
      const saved = await core.api['calendar.pairs.save'](pair())
      expect(saved.notice?.ja).toMatch(/キーチェーン/)
      expect(saved.notice?.en).toMatch(/keychain/)
      const stored = await core.api['calendar.pairs.get']({ id: 'u0001' })
      expect(stored.source).toMatchObject({
        url: feeds.url('/private.ics'),
        auth: 'basic',
        username: 'feeduser',
      })
      expect(stored.target).toMatchObject({ url: calendarUrl, username: user })
      expect(JSON.stringify(await core.api['calendar.status']({}))).not.toContain(feedPassword)
      expect(await secrets.get(calendarSecretName('u0001', 'source'))).toBe(feedPassword)
      const lookup = ['lookup', 'service', 'renkei', 'account', calendarSecretName('u0001', 'target')]
      expect(execFileSync('secret-tool', lookup, { encoding: 'utf8' })).toBe(radicale.users[user])

      const run = await core.api['calendar.run']({ id: 'u0001' })
      expect(run.outcome).toBe('ok')
      expect(run.created).toBeGreaterThan(0)
      expect(feeds.requests.at(-1)).toMatchObject({ status: 200 })
      expect(await listCalendarObjects(calendarUrl, user, radicale.users[user]!)).toHaveLength(run.created)
      await expectNoPasswordsOnDisk()
    })

    it('a pair stored with them before this release is repaired at start', async () => {
      await core.close()
      const db = openDatabase(dir)
      migrate(db)
      new CalendarPairRepository(db, () => 0).save(pair())
      db.close()
      core = await openCore()
      const stored = await core.api['calendar.pairs.get']({ id: 'u0001' })
      expect(JSON.stringify(stored)).not.toContain(encodeURIComponent(feedPassword))
      expect(await secrets.get(calendarSecretName('u0001', 'source'))).toBe(feedPassword)
      expect((await core.api['calendar.run']({ id: 'u0001' })).created).toBeGreaterThan(0)
    })

    it('refused, changing nothing, when the sign-in method cannot take them; other URL settings refuse them', async () => {
      const bearer = pair()
      const refused = core.api['calendar.pairs.save']({
        ...bearer,
        source: { kind: 'ics', url: bearer.source.url, auth: 'bearer', username: '', maxMegabytes: 20 },
      })
      await expect(refused).rejects.toMatchObject({
        localized: {
          ja: expect.stringMatching(/URL/),
          en: expect.stringMatching(/sign-in method is "bearer"/),
        },
      })
      expect((await core.api['calendar.status']({})).pairs).toEqual([])
      expect(await secrets.get(calendarSecretName('u0001', 'target'))).toBeNull()

      const scim = directoryConfig.safeParse({
        source: { kind: 'csv', usersFile: '/tmp/u.csv' },
        target: { kind: 'scim', baseUrl: 'https://svc:tok@chat.example.jp/scim/v2' },
      })
      expect(JSON.stringify(scim.error?.issues)).toMatch(
        /URL にユーザー名やパスワードを含めないでください.*Do not put/,
      )
      // The refusal never echoes the URL (the answer's detail carries these issues).
      expect(JSON.stringify(scim.error?.issues)).not.toContain('svc:tok')
      const ldap = directoryConfig.safeParse({
        source: {
          kind: 'ldap',
          url: 'ldaps://cn=admin:pw@ldap.example.jp',
          bindDn: 'cn=admin',
          baseDn: 'dc=x',
        },
      })
      expect(JSON.stringify(ldap.error?.issues)).toMatch(/Do not put a user name or password in the URL/)
    })
  },
)
