import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { sourceProblemReport } from '../../src/shared/model/directory'
import { ApiError } from '../../src/shared/model/errors'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

let dir: string
let core: Core

beforeEach(async () => {
  dir = tempDataDir('renkei-dir-csv-')
  core = await openTestCore(dir)
})
afterEach(async () => {
  await core.close()
})

async function configureCsv(files: { usersFile: string; departmentsFile: string }): Promise<void> {
  await core.api['directory.config.update']({ source: { kind: 'csv', ...files } })
}

const directoryHistory = async (): Promise<string[]> =>
  (await core.api['history.search']({ filter: { category: 'directory' }, limit: 500 })).entries.map(
    (e) => e.message,
  )

describe('directory sync from CSV into the home directory', () => {
  it('previews without writing, imports on run, and a second run changes nothing', async () => {
    await configureCsv(writeDirectoryCsv(dir, people(5)))
    const plan = await core.api['directory.preview']({})
    expect(plan.source).toEqual({ employees: 5, departments: 3, positions: 0, groups: 1 })
    expect(plan.homeChangesTotal).toBe(9)
    expect(plan.blocked).toBeNull()
    expect((await core.api['directory.status']({})).counts.employees).toBe(0)

    const first = await confirmedDirectoryRun(core.api)
    expect(first.outcome).toBe('ok')
    const status = await core.api['directory.status']({})
    expect(status.counts).toMatchObject({ employees: 5, activeEmployees: 5, departments: 3, groups: 1 })
    expect(status.lastRun?.outcome).toBe('ok')
    const tree = await core.api['directory.departments']({})
    expect(tree.map((d) => [d.code, d.parent, d.employeeCount])).toEqual([
      ['HQ', null, 0],
      ['S1', 'SALES', 5],
      ['SALES', 'HQ', 0],
    ])
    expect((await core.api['directory.groups']({})).map((g) => g.nameJa)).toEqual(['営業プロジェクト'])

    const second = await confirmedDirectoryRun(core.api)
    expect(second.message.en).toBe('No changes')
    expect((await core.api['directory.preview']({})).homeChangesTotal).toBe(0)
  })

  it('names the departments a person moves between, and only those', async () => {
    await configureCsv(writeDirectoryCsv(dir, people(2)))
    await confirmedDirectoryRun(core.api)
    const moved = people(2)
    moved[1] = { ...moved[1]!, dept: 'SALES' }
    writeDirectoryCsv(dir, moved)
    const plan = await core.api['directory.preview']({})
    const change = plan.homeChanges.find((c) => c.key === 'E0002')
    expect(change?.fields).toContainEqual({ field: 'mainDepartment', before: 'S1', after: 'SALES' })
    // 本社 (HQ) is in the source but no listed change mentions it: it is not sent.
    expect(plan.departmentNames).toEqual({
      S1: { nameJa: '営業1課', nameEn: null },
      SALES: { nameJa: '営業本部', nameEn: null },
    })
  })

  it('records each change between two imports in the history', async () => {
    const files = writeDirectoryCsv(dir, people(3))
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...files },
      deletionGuard: { maxCount: 10, maxPercent: 100 },
    })
    await confirmedDirectoryRun(core.api)
    const changed = people(3)
    changed[0] = { ...changed[0]!, email: 'new@example.jp' }
    changed[1] = { ...changed[1]!, status: '無効' }
    writeDirectoryCsv(dir, changed.slice(0, 2).concat([{ key: 'E0009', name: '佐藤 花子', dept: 'SALES' }]))
    await confirmedDirectoryRun(core.api)
    const messages = await directoryHistory()
    expect(messages).toEqual(
      expect.arrayContaining([
        'ホームディレクトリ: 社員「山田 太郎1」(E0001) を変更しました (email)',
        'ホームディレクトリ: 社員「山田 太郎2」(E0002) を無効化しました (active)',
        // Gone from the source: suspended now, deleted after the grace period.
        expect.stringMatching(
          /^ホームディレクトリ: 社員「山田 太郎3」\(E0003\) を無効化しました \(active\): ソースにいないため無効にします（猶予期間 30 日、\d{4}-\d\d-\d\d 以降に削除）$/,
        ),
        'ホームディレクトリ: 社員「佐藤 花子」(E0009) を追加しました',
      ]),
    )
  })

  it('a broken row stops the import with its line number and leaves the home directory as it was', async () => {
    const files = writeDirectoryCsv(dir, people(4))
    await configureCsv(files)
    await confirmedDirectoryRun(core.api)
    writeDirectoryCsv(dir, people(6))
    writeFileSync(
      files.usersFile,
      `${(await import('node:fs')).readFileSync(files.usersFile, 'utf8')}E0099,broken\r\n`,
    )
    await expect(core.api['directory.preview']({})).rejects.toThrow(/users\.csv line 8/)
    const run = await confirmedDirectoryRun(core.api)
    expect(run.outcome).toBe('error')
    expect(run.message.ja).toContain('users.csv の 8 行目')
    expect((await core.api['directory.status']({})).counts.employees).toBe(4)
    expect((await directoryHistory()).some((m) => m.includes('users.csv の 8 行目'))).toBe(true)
  })

  it('an unknown department code is reported with the employee line and nothing is applied', async () => {
    await configureCsv(
      writeDirectoryCsv(dir, [...people(2), { key: 'E0100', name: '鈴木 一郎', dept: 'NOPE' }]),
    )
    const run = await confirmedDirectoryRun(core.api)
    expect(run.outcome).toBe('error')
    expect(run.message.ja).toMatch(/users\.csv の 4 行目: 社員「E0100」の部署コード「NOPE」/)
    expect((await core.api['directory.status']({})).counts.employees).toBe(0)
  })

  it('the deletion guard stops a run that would remove too many, and one approval lets it through', async () => {
    await configureCsv(writeDirectoryCsv(dir, people(20)))
    await confirmedDirectoryRun(core.api)
    writeDirectoryCsv(dir, people(15))
    const blocked = await confirmedDirectoryRun(core.api)
    expect(blocked.outcome).toBe('blocked')
    expect(blocked.message.en).toContain('5 users (25%)')
    expect((await core.api['directory.status']({})).counts.employees).toBe(20)
    const approved = await confirmedDirectoryRun(core.api, { approveDeletions: true })
    expect(approved.outcome).toBe('ok')
    // The five who left stay, suspended, for the grace period.
    expect((await core.api['directory.status']({})).counts).toMatchObject({
      employees: 20,
      activeEmployees: 15,
    })
    expect((await core.api['directory.config.get']({})).deletionGuard).toEqual({
      maxCount: 500,
      maxPercent: 10,
    })
  })

  it('the licence guard blocks a source over the licence count and says by how many', async () => {
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(12)) },
      licenceCount: 10,
    })
    const plan = await core.api['directory.preview']({})
    expect(plan.licence).toMatchObject({ limit: 10, activeSourceUsers: 12, over: 2 })
    const run = await confirmedDirectoryRun(core.api)
    expect(run.outcome).toBe('blocked')
    expect(run.message.ja).toContain('2 人超えています')
    expect((await core.api['directory.status']({})).counts.employees).toBe(0)
  })

  it('counts only active people as new users (a person imported suspended takes no seat)', async () => {
    const persons = people(4)
    persons[3] = { ...persons[3]!, status: '停止' }
    await configureCsv(writeDirectoryCsv(dir, persons))
    const plan = await core.api['directory.preview']({})
    expect(plan.licence).toMatchObject({ activeSourceUsers: 3, newUsers: 3 })
  })

  it('switching the daily schedule off leaves the job to "run now" only; the time moves the next run', async () => {
    await configureCsv(writeDirectoryCsv(dir, people(1)))
    const job = async () => (await core.api['jobs.list']({})).find((j) => j.id === 'directory.sync')!
    expect((await job()).schedule).toEqual({ kind: 'daily', at: '00:00' })
    await core.api['directory.config.update']({
      ...(await core.api['directory.config.get']({})),
      at: '06:30',
    })
    expect(new Date((await job()).nextRunAt!).getHours()).toBe(6)
    await core.api['directory.config.update']({
      ...(await core.api['directory.config.get']({})),
      scheduleEnabled: false,
    })
    expect(await job()).toMatchObject({ schedule: { kind: 'manual' }, nextRunAt: null })
  })
})

describe('every problem of the source, in one pass', () => {
  it('preview lists row problems and cross-record problems together, in Japanese and English', async () => {
    const persons = [
      ...people(3),
      { key: 'E0001', name: '重複 一郎', dept: 'S1', login: 'dup.one' },
      { key: 'E0200', name: '部署 なし', dept: 'NOPE' },
    ]
    const files = writeDirectoryCsv(dir, persons)
    const text = readFileSync(files.usersFile, 'utf8')
    writeFileSync(files.usersFile, `${text}E0300,broken\r\n`)
    await configureCsv(files)
    const error: unknown = await core.api['directory.preview']({}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const report = sourceProblemReport((error as ApiError).detail)
    expect(report?.omitted).toBe(0)
    expect(report?.problems.map((p) => [p.where, p.line])).toEqual([
      ['users.csv', 7],
      ['users.csv', 5],
      ['users.csv', 6],
    ])
    expect(report?.problems[1]?.message.ja).toContain('社員のキー「E0001」が重複しています')
    expect(report?.problems[2]?.message.en).toContain('department "NOPE"')
    expect((error as ApiError).localized.ja).toContain('3 件')
  })
})

describe('a broken organisation row', () => {
  it('is one problem, not one more for every person in that department', async () => {
    const files = writeDirectoryCsv(dir, people(5))
    // S1 gets an unquoted comma in its name: six cells where the header has five.
    const departments = readFileSync(files.departmentsFile, 'utf8').replace('S1,営業1課,', 'S1,営業1課,東京,')
    writeFileSync(files.departmentsFile, departments)
    await configureCsv(files)
    const error: unknown = await core.api['directory.preview']({}).catch((e: unknown) => e)
    const report = sourceProblemReport((error as ApiError).detail)
    expect(report?.problems.map((p) => [p.where, p.line])).toEqual([['departments.csv', 4]])
  })
})
