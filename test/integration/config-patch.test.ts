import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import type { ApiError } from '../../src/shared/model/errors'
import { openTestCore, tempDataDir } from '../support/test-core'

let dir: string
let core: Core

beforeEach(async () => {
  dir = tempDataDir('renkei-config-patch-')
  core = await openTestCore(dir)
})
afterEach(async () => {
  await core.close()
})

const csvSource = {
  kind: 'csv' as const,
  usersFile: '/srv/export/users.csv',
  departmentsFile: '/srv/export/departments.csv',
  inactiveValues: ['退職', '休職'],
}

const auditCount = async (): Promise<number> =>
  (await core.api['history.count']({ filter: { category: 'audit' } })).count

/** The refusal a call ends with (fails the test when the call succeeds). */
async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e as ApiError,
  )
  expect(error, 'the call should have been refused').not.toBeNull()
  expect(error!.code).toBe('invalid-input')
  return error!
}

describe('directory.config.update is a JSON Merge Patch (RFC 7396)', () => {
  beforeEach(async () => {
    await core.api['directory.config.update']({
      at: '06:30',
      source: csvSource,
      licenceCount: 120,
      deletionGuard: { maxCount: 50, maxPercent: 5 },
      graceDays: 14,
    })
  })

  it('an empty patch changes nothing (it used to reset every setting to its default)', async () => {
    const before = await core.api['directory.config.get']({})
    const audits = await auditCount()
    expect(await core.api['directory.config.update']({})).toEqual(before)
    expect(await core.api['directory.config.get']({})).toEqual(before)
    expect(before).toMatchObject({ at: '06:30', graceDays: 14, source: { kind: 'csv' } })
    expect(await auditCount()).toBe(audits)
  })

  it('null removes a member, so it takes its default again', async () => {
    const after = await core.api['directory.config.update']({ graceDays: null, licenceCount: null })
    expect(after).toMatchObject({ graceDays: 30, licenceCount: null, at: '06:30' })
    expect(await core.api['directory.config.get']({})).toEqual(after)
  })

  it('merges nested objects and replaces arrays whole', async () => {
    const after = await core.api['directory.config.update']({
      deletionGuard: { maxCount: 7 },
      source: {
        kind: 'csv',
        encoding: 'shift_jis',
        inactiveValues: ['1'],
        users: { active: '使用停止フラグ' },
      },
    })
    expect(after.deletionGuard).toEqual({ maxCount: 7, maxPercent: 5 })
    expect(after.source).toMatchObject({
      usersFile: '/srv/export/users.csv',
      encoding: 'shift_jis',
      inactiveValues: ['1'],
      users: { key: '社員番号', login: 'ログインID', active: '使用停止フラグ' },
    })
  })

  it('a section whose kind changes is replaced, not mixed with the old kind', async () => {
    const after = await core.api['directory.config.update']({
      source: { kind: 'ldap', url: 'ldaps://ldap.example.jp', bindDn: 'cn=renkei', baseDn: 'dc=example' },
    })
    expect(after.source).toMatchObject({ kind: 'ldap', security: 'ldaps', pageSize: 500 })
    expect(after.source).not.toHaveProperty('usersFile')
  })

  it('refuses a result that is invalid as a whole, names every field in both languages and changes nothing', async () => {
    const before = await core.api['directory.config.get']({})
    const audits = await auditCount()
    const error = await refusal(
      core.api['directory.config.update']({
        at: '25:00',
        graceDays: 14,
        source: { kind: 'csv', usersFile: '' },
        target: { kind: 'scim' },
        deletionGuard: { maxPercent: 101 },
        bogus: true,
      } as never),
    )
    expect(error.localized.ja).toContain('ディレクトリ同期の設定を変更できません。何も変更していません')
    expect(error.localized.en).toContain('nothing was changed')
    for (const path of ['at', 'source.usersFile', 'target.baseUrl', 'deletionGuard.maxPercent', 'bogus']) {
      expect(error.localized.ja).toContain(`${path}: `)
      expect(error.localized.en).toContain(`${path}: `)
    }
    expect(error.localized.ja).toContain('target.baseUrl: 必須です')
    expect(error.localized.en).toContain('target.baseUrl: is required')
    expect(error.localized.ja).toContain('source.usersFile: 空にできません')
    expect(error.localized.ja).toContain('bogus: そのような項目はありません')
    expect(await core.api['directory.config.get']({})).toEqual(before)
    expect(await auditCount()).toBe(audits)
  })

  it('a patch that makes plain LDAP without the opt-in is refused and changes nothing', async () => {
    const before = await core.api['directory.config.get']({})
    const error = await refusal(
      core.api['directory.config.update']({
        target: {
          kind: 'ldap',
          url: 'ldap://ldap.example.jp',
          security: 'plain',
          bindDn: 'cn=renkei',
          usersDn: 'ou=people',
          suspendedDn: 'ou=suspended',
        },
      }),
    )
    expect(error.localized.en).toContain('Allow unencrypted')
    expect(await core.api['directory.config.get']({})).toEqual(before)
  })

  it('refuses a patch that is not a JSON object', async () => {
    const error = await refusal(core.api['directory.config.update']([1] as never))
    expect(error.localized.ja).toContain('入力が正しくありません')
    expect(error.localized.en).toContain('must be an object')
  })
})

describe('calendar.settings.update is a merge patch too', () => {
  it('an empty patch changes nothing; a partial one keeps the rest; an invalid one is refused whole', async () => {
    await core.api['calendar.settings.update']({ intervalMinutes: 5, oauth: { clientId: 'client-1' } })
    const audits = await auditCount()
    const empty = await core.api['calendar.settings.update']({})
    expect(empty).toMatchObject({ intervalMinutes: 5, concurrency: 4, oauth: { clientId: 'client-1' } })
    expect(await auditCount()).toBe(audits)

    const partial = await core.api['calendar.settings.update']({ oauth: { scope: 'calendar' } })
    expect(partial.intervalMinutes).toBe(5)
    expect(partial.oauth).toMatchObject({ clientId: 'client-1', scope: 'calendar' })
    expect(partial.oauth.tokenEndpoint).toBe('https://oauth2.googleapis.com/token')

    const error = await refusal(core.api['calendar.settings.update']({ concurrency: 0, intervalMinutes: 1 }))
    expect(error.localized.ja).toContain('concurrency: 1以上にしてください')
    expect(error.localized.en).toContain('concurrency: must be at least 1')
    expect((await core.api['calendar.settings.update']({})).intervalMinutes).toBe(5)
  })

  it('the interval patched alone moves the calendar job and keeps its jitter', async () => {
    await core.api['calendar.settings.update']({ jitterSeconds: 30 })
    await core.api['calendar.settings.update']({ intervalMinutes: 25 })
    const job = (await core.api['jobs.list']({})).find((j) => j.id.startsWith('calendar'))
    expect(job?.schedule).toEqual({ kind: 'interval', minutes: 25, jitterSeconds: 30 })
  })
})

describe('calendar pairs by script: add, patch', () => {
  const pair = {
    id: 'u0001',
    number: 1,
    name: '山田 太郎',
    source: { kind: 'ics', url: 'https://groupware.example.jp/feed/u0001.ics' },
    target: { kind: 'caldav', url: 'https://cal.example.jp/yamada/work/', username: 'yamada' },
  } as const

  it('add refuses an id already taken and leaves the pair as it was', async () => {
    await core.api['calendar.pairs.add'](pair)
    const error = await refusal(core.api['calendar.pairs.add']({ ...pair, number: 2, name: '別人' }))
    expect(error.localized.ja).toContain('ID「u0001」はすでに「山田 太郎」が使っています')
    expect(error.localized.en).toContain('already used by "山田 太郎"')
    expect((await core.api['calendar.pairs.get']({ id: 'u0001' })).name).toBe('山田 太郎')
  })

  it('update merges into the stored pair, and refuses an invalid whole or a new id without changing anything', async () => {
    await core.api['calendar.pairs.add'](pair)
    const status = await core.api['calendar.pairs.update']({
      id: 'u0001',
      patch: { target: { username: 'taro' }, permitted: false },
    })
    expect(status).toMatchObject({ id: 'u0001', state: 'disabled' })
    const stored = await core.api['calendar.pairs.get']({ id: 'u0001' })
    expect(stored.target).toEqual({ ...pair.target, username: 'taro', preset: 'generic', auth: 'basic' })
    expect(stored.source.url).toBe(pair.source.url)

    const twoWay = await refusal(
      core.api['calendar.pairs.update']({ id: 'u0001', patch: { direction: 'two-way' } }),
    )
    expect(twoWay.localized.ja).toContain('direction: ')
    expect(twoWay.localized.en).toContain('two-way sync needs a CalDAV source')
    const renamed = await refusal(core.api['calendar.pairs.update']({ id: 'u0001', patch: { id: 'u0002' } }))
    expect(renamed.localized.en).toContain('The id cannot be changed')
    expect(await core.api['calendar.pairs.get']({ id: 'u0001' })).toEqual(stored)
  })
})
