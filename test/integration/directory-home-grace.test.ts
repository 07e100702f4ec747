import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { people, writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

const day = 24 * 60 * 60 * 1000
let dir: string
let clock: TestClock
let core: Core

beforeEach(async () => {
  dir = tempDataDir('renkei-dir-grace-')
  clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  core = await openTestCore(dir, { clock })
})
afterEach(async () => {
  await core.close()
})

/** No target: the home directory is all there is. */
async function importPeople(persons: CsvPerson[]): Promise<void> {
  await core.api['directory.config.update']({ source: { kind: 'csv', ...writeDirectoryCsv(dir, persons) } })
  const run = await confirmedDirectoryRun(core.api)
  expect(run.outcome, run.message.en).toBe('ok')
}

const person = async (key: string) =>
  (await core.api['directory.employees']({ text: key })).employees.find((e) => e.key === key) ?? null
const counts = async () => (await core.api['directory.status']({})).counts
const history = async (): Promise<string[]> =>
  (await core.api['history.search']({ filter: { category: 'directory' }, limit: 500 })).entries.map(
    (e) => e.message,
  )

describe('home directory without a target: the grace period the screen promises', () => {
  it('a leaver is suspended at once, kept for 30 days from the first run that saw them gone, then deleted', async () => {
    await importPeople(people(20))
    const staying = people(20).filter((p) => p.key !== 'E0020')

    writeDirectoryCsv(dir, staying)
    const plan = await core.api['directory.preview']({})
    expect(plan.homeChanges).toEqual([
      expect.objectContaining({
        key: 'E0020',
        action: 'suspended',
        fields: [{ field: 'active', before: true, after: false }],
        reason: expect.objectContaining({ en: expect.stringContaining('deleted from 2026-12-23') }),
      }),
    ])
    await confirmedDirectoryRun(core.api)
    expect(await counts()).toMatchObject({ employees: 20, activeEmployees: 19 })
    expect(await person('E0020')).toMatchObject({ nameJa: '山田 太郎20', active: false })
    expect(await history()).toContain(
      'ホームディレクトリ: 社員「山田 太郎20」(E0020) を無効化しました (active): ソースにいないため無効にします（猶予期間 30 日、2026-12-23 以降に削除）',
    )

    clock.jump(29 * day + 23 * 60 * 60 * 1000)
    expect((await confirmedDirectoryRun(core.api)).message.en).toBe('No changes')
    expect(await person('E0020')).toMatchObject({ active: false })

    clock.jump(60 * 60 * 1000)
    const deletion = await core.api['directory.preview']({})
    expect(deletion.homeChanges).toEqual([expect.objectContaining({ key: 'E0020', action: 'deleted' })])
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    expect(await counts()).toMatchObject({ employees: 19, activeEmployees: 19 })
    expect(await person('E0020')).toBeNull()
    expect(
      (await history()).some((m) => m.includes('(E0020) を削除しました: 2026-11-23 からソースになく')),
    ).toBe(true)
  })

  it('a leaver back in the source within the period is reactivated, keeps their record, and the clock starts afresh', async () => {
    await importPeople(people(20))
    writeDirectoryCsv(dir, people(19))
    await confirmedDirectoryRun(core.api)

    clock.jump(10 * day)
    const back = people(20).map((p) => (p.key === 'E0020' ? { ...p, email: 'back@example.jp' } : p))
    writeDirectoryCsv(dir, back)
    const plan = await core.api['directory.preview']({})
    expect(plan.homeChanges).toEqual([
      expect.objectContaining({
        key: 'E0020',
        action: 'reactivated',
        reason: expect.objectContaining({ ja: 'ソースに戻ったため、削除の予定を取り消しました' }),
      }),
    ])
    await confirmedDirectoryRun(core.api)
    expect(await person('E0020')).toMatchObject({ active: true, email: 'back@example.jp' })

    // Gone again 25 days later: a new grace period from that run, not from the first departure.
    clock.jump(25 * day)
    writeDirectoryCsv(dir, people(19))
    await confirmedDirectoryRun(core.api)
    clock.jump(29 * day)
    await confirmedDirectoryRun(core.api)
    expect(await person('E0020')).toMatchObject({ active: false })
    clock.jump(day)
    await confirmedDirectoryRun(core.api)
    expect(await person('E0020')).toBeNull()
  })

  it('a person suspended in the source who then leaves it, and comes back suspended, is never deleted', async () => {
    const persons = people(20)
    persons[19] = { ...persons[19]!, status: '休職' }
    await importPeople(persons)
    writeDirectoryCsv(dir, persons.slice(0, 19))
    const leaving = await core.api['directory.preview']({})
    expect(leaving.homeChanges).toEqual([
      expect.objectContaining({ key: 'E0020', action: 'suspended', fields: [] }),
    ])
    await confirmedDirectoryRun(core.api)

    clock.jump(5 * day)
    writeDirectoryCsv(dir, persons)
    const returning = await core.api['directory.preview']({})
    expect(returning.homeChanges).toEqual([
      expect.objectContaining({ key: 'E0020', action: 'updated', fields: [] }),
    ])
    await confirmedDirectoryRun(core.api)
    clock.jump(40 * day)
    expect((await confirmedDirectoryRun(core.api)).message.en).toBe('No changes')
    expect(await person('E0020')).toMatchObject({ active: false })
  })

  it('grace period 0 deletes a leaver on the first run that sees them gone', async () => {
    await core.api['directory.config.update']({ graceDays: 0 })
    await importPeople(people(20))
    writeDirectoryCsv(dir, people(19))
    await confirmedDirectoryRun(core.api)
    expect(await counts()).toMatchObject({ employees: 19 })
  })
})

describe('deletion guard without a target counts every person taken out', () => {
  it('people marked suspended in the source count as removals', async () => {
    await importPeople(people(20))
    const persons = people(20).map((p, i) => (i < 3 ? { ...p, status: '無効' } : p))
    writeDirectoryCsv(dir, persons)
    const plan = await core.api['directory.preview']({})
    expect(plan.deletion).toMatchObject({ removals: 3, base: 20, tripped: true })
    const run = await confirmedDirectoryRun(core.api)
    expect(run.outcome).toBe('blocked')
    expect(run.message.en).toContain('3 users (15%)')
    expect(await counts()).toMatchObject({ activeEmployees: 20 })
  })

  it('leavers count as removals when suspended and again when deleted after the grace period', async () => {
    await importPeople(people(20))
    writeDirectoryCsv(dir, people(17))
    expect((await confirmedDirectoryRun(core.api)).outcome).toBe('blocked')
    expect(await counts()).toMatchObject({ employees: 20, activeEmployees: 20 })
    expect((await confirmedDirectoryRun(core.api, { approveDeletions: true })).outcome).toBe('ok')
    expect(await counts()).toMatchObject({ employees: 20, activeEmployees: 17 })

    clock.jump(30 * day)
    const deletion = await core.api['directory.preview']({})
    expect(deletion.deletion).toMatchObject({ removals: 3, tripped: true })
    expect((await confirmedDirectoryRun(core.api, { approveDeletions: true })).outcome).toBe('ok')
    expect(await counts()).toMatchObject({ employees: 17, activeEmployees: 17 })
  })
})
