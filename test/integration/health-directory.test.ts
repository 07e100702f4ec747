import { rmSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import type { HealthSubject } from '../../src/shared/model/health'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

let dir: string
let clock: TestClock
let core: Core

beforeEach(async () => {
  dir = tempDataDir('renkei-health-dir-')
  clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  core = await openTestCore(dir, { clock })
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

async function directoryHealth(): Promise<HealthSubject> {
  const overview = await core.api['health.get']({})
  return overview.engines.find((engine) => engine.engine.engine === 'directory')!.engine
}

describe('health of directory sync', () => {
  it('is disabled without a source and never-run once one is set', async () => {
    expect((await directoryHealth()).state).toBe('disabled')
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(2)) },
    })
    expect(await directoryHealth()).toMatchObject({ state: 'never-run', lastSuccessAt: null, errorStreak: 0 })
  })

  it('fails with its reason after a failed run, is listed for attention, and recovers after a good run', async () => {
    const files = writeDirectoryCsv(dir, people(3))
    await core.api['directory.config.update']({ source: { kind: 'csv', ...files } })
    const okAt = clock.now()
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    expect(await directoryHealth()).toMatchObject({ state: 'ok', lastSuccessAt: okAt, errorStreak: 0 })

    unlinkSync(files.usersFile)
    await clock.advance(60_000)
    const failedAt = clock.now()
    await confirmedDirectoryRun(core.api)
    await clock.advance(60_000)
    await confirmedDirectoryRun(core.api)
    const failing = await directoryHealth()
    expect(failing).toMatchObject({ state: 'failing', errorStreak: 2, lastSuccessAt: okAt })
    expect(failing.lastFailureAt).toBeGreaterThan(failedAt)
    expect(failing.lastFailure?.ja).toContain('users.csv')
    expect(failing.lastFailure?.en).toContain('users.csv')
    expect(failing.errors24h).toBeGreaterThanOrEqual(2)
    const overview = await core.api['health.get']({})
    expect(overview.attention.map((s) => [s.engine, s.state])).toContainEqual(['directory', 'failing'])

    writeDirectoryCsv(dir, people(3))
    await clock.advance(60_000)
    await confirmedDirectoryRun(core.api)
    expect(await directoryHealth()).toMatchObject({ state: 'ok', errorStreak: 0, lastSuccessAt: clock.now() })
    expect((await core.api['health.get']({})).attention).toEqual([])
  })

  it('shows a run started from the Directory screen in the jobs table', async () => {
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(2)) },
    })
    await confirmedDirectoryRun(core.api)
    const job = (await core.api['jobs.list']({})).find((j) => j.id === 'directory.sync')!
    expect(job).toMatchObject({ lastOutcome: 'ok', lastFinishedAt: clock.now(), running: false })
    expect(job.lastMessage?.en).toBeTruthy()
  })

  it('is stopped while its job is paused', async () => {
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(2)) },
    })
    await core.api['jobs.pause']({ id: 'directory.sync' })
    expect(await directoryHealth()).toMatchObject({ state: 'stopped', nextRunAt: null })
  })
})

describe('a run from another process', () => {
  it('shows in the jobs table of a running app that holds an older result (the CLI beside the daemon)', async () => {
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(2)) },
    })
    await confirmedDirectoryRun(core.api)
    await clock.advance(60_000)
    const cli = await openTestCore(dir, { clock })
    try {
      unlinkSync(join(dir, 'users.csv'))
      await confirmedDirectoryRun(cli.api)
    } finally {
      await cli.close()
    }
    const job = (await core.api['jobs.list']({})).find((j) => j.id === 'directory.sync')!
    expect(job).toMatchObject({ lastOutcome: 'error', lastFinishedAt: clock.now() })
    // The app's own next write (a pause) keeps the later result.
    await core.api['jobs.pause']({ id: 'directory.sync' })
    const reopened = await openTestCore(dir, { clock })
    try {
      const stored = (await reopened.api['jobs.list']({})).find((j) => j.id === 'directory.sync')!
      expect(stored.lastOutcome).toBe('error')
    } finally {
      await reopened.close()
    }
  })
})
