import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { ApiError } from '../../src/shared/model/errors'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { openTestCore, tempDataDir } from '../support/test-core'

let server: RunningScimServer
let dir: string
let core: Core

beforeAll(async () => {
  server = await startScimServer()
})
afterAll(async () => {
  await server.stop()
})

beforeEach(async () => {
  for (const user of server.users())
    await fetch(`${server.baseUrl}/Users/${String(user.id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.token}` },
    })
  dir = tempDataDir('renkei-dir-confirm-')
  const secrets = new MemorySecretStore()
  await secrets.set(directorySecretNames.targetScimToken, server.token)
  core = await openTestCore(dir, { secrets })
  await core.api['directory.config.update']({
    source: { kind: 'csv', ...writeDirectoryCsv(dir, people(4)) },
    target: { kind: 'scim', baseUrl: server.baseUrl, provisionGroups: false },
  })
})
afterEach(async () => {
  await core.close()
})

const writes = (): number => server.requests().filter((r) => r.method !== 'GET').length
const homeEmployees = async (): Promise<number> => (await core.api['directory.status']({})).counts.employees

/** The rejection of a call, which must be an ApiError in both languages. */
async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('nothing is written to a directory target without a look at the preview', () => {
  it('"send now" for all leaves the directory run out and asks the UIs to show its confirmation', async () => {
    const requested: (readonly string[])[] = []
    core.subscribe('jobs.confirmationRequested', ({ jobs }) => requested.push(jobs))
    const jobs = await core.api['jobs.list']({})
    expect(jobs.find((j) => j.id === 'directory.sync')?.needsConfirmation).toBe(true)
    expect(jobs.filter((j) => j.id !== 'directory.sync').every((j) => !j.needsConfirmation)).toBe(true)

    const result = await core.api['jobs.runNow']({})
    expect(result.needsConfirmation).toEqual(['directory.sync'])
    expect(result.started).not.toContain('directory.sync')
    expect(result.started.length).toBeGreaterThan(0)
    expect(requested).toEqual([['directory.sync']])
    // Let the jobs that did start finish: still nothing in the home directory or the target.
    while ((await core.api['jobs.list']({})).some((j) => j.running))
      await new Promise((r) => setTimeout(r, 20))
    expect(await homeEmployees()).toBe(0)
    expect(writes()).toBe(0)
  })

  it('"run now" of the directory job alone is refused, in Japanese and English', async () => {
    const error = await refusal(core.api['jobs.runNow']({ id: 'directory.sync' }))
    expect(error.code).toBe('invalid-input')
    expect(error.localized.ja).toContain('プレビューで変更内容を確認してから実行します')
    expect(error.localized.en).toContain('runs only after you look at its preview and confirm it')
    expect(await homeEmployees()).toBe(0)
    expect(writes()).toBe(0)
  })

  it('a run without the preview it carries out is refused and writes nothing', async () => {
    const error = await refusal(core.api['directory.run']({}))
    expect(error.localized.ja).toContain('プレビューで変更内容')
    expect(error.localized.en).toContain('Look at the preview first')
    expect(await homeEmployees()).toBe(0)
    expect(writes()).toBe(0)
    const audit = await core.api['history.search']({ filter: { text: 'Ran directory sync' } })
    expect(audit.entries).toHaveLength(0)
  })

  it('a run whose plan changed since the preview is refused; the new preview runs', async () => {
    const seen = await core.api['directory.preview']({ limit: 0 })
    expect(seen.counts.user.create).toBe(4)
    // A fifth person arrives between the look and the click.
    writeDirectoryCsv(dir, people(5))
    const error = await refusal(core.api['directory.run']({ plan: seen.fingerprint }))
    expect(error.localized.ja).toContain('プレビューの後で変更内容が変わりました')
    expect(error.localized.en).toContain('differ from the preview you confirmed')
    expect(await homeEmployees()).toBe(0)
    expect(writes()).toBe(0)
    expect((await core.api['directory.status']({})).lastRun).toBeNull()

    const fresh = await core.api['directory.preview']({ limit: 0 })
    expect(fresh.counts.user.create).toBe(5)
    expect(fresh.fingerprint).not.toBe(seen.fingerprint)
    const run = await core.api['directory.run']({ plan: fresh.fingerprint })
    expect(run.outcome).toBe('ok')
    expect(server.users()).toHaveLength(5)
    expect(await homeEmployees()).toBe(5)
  })

  it('the same writes computed again give the same fingerprint', async () => {
    const first = await core.api['directory.preview']({ limit: 0 })
    const second = await core.api['directory.preview']({ limit: 10 })
    expect(second.fingerprint).toBe(first.fingerprint)
  })
})
