/**
 * Presence (在席状況) of home employees through the API and the built CLI: set, list, clear, the onChanged
 * hook the outbox listens on, and every bad input refused in Japanese and English with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { PresenceRepository } from '../../src/main/core/engines/sitelink/presence-repository'
import { PresenceService, type PresenceChange } from '../../src/main/core/engines/sitelink/presence-service'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { openDatabase } from '../../src/main/core/store/database'
import { ApiError } from '../../src/shared/model/errors'
import { runCli } from '../support/cli'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { confirmedDirectoryRun } from '../support/directory-run'
import { skipWithoutKeychain } from '../support/keychain'
import { openTestCore, tempDataDir } from '../support/test-core'

let dir: string
let core: Core

beforeAll(async () => {
  dir = tempDataDir('renkei-presence-')
  core = await openTestCore(dir)
  await core.api['directory.config.update']({ source: { kind: 'csv', ...writeDirectoryCsv(dir, people(3)) } })
  await confirmedDirectoryRun(core.api)
})

afterAll(async () => {
  await core?.close()
})

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  const apiError = error as ApiError
  expect(apiError.code).toBe('invalid-input')
  expect(apiError.localized.ja).not.toBe(apiError.localized.en)
  return apiError
}

describe('presence API', () => {
  it('sets, replaces, lists and clears an employee’s presence for a day', async () => {
    const set = await core.api['presence.set']({
      employeeKey: 'E0001',
      date: '２０２６/12/2',
      kind: 'out',
      destination: '  大阪支店  ',
      returnAt: '１７：３０',
      note: '',
    })
    expect(set).toMatchObject({
      employeeKey: 'E0001',
      date: '2026-12-02',
      kind: 'out',
      destination: '大阪支店',
      returnAt: new Date(2026, 11, 2, 17, 30).getTime(),
      note: null,
    })
    await core.api['presence.set']({ employeeKey: 'E0002', date: '2026-12-02', kind: 'in' })
    await core.api['presence.set']({
      employeeKey: 'E0001',
      date: '2026-12-03',
      kind: 'trip',
      returnAt: '2026-12-05 09:00',
    })
    // Replacing the day's entry leaves one row.
    await core.api['presence.set']({
      employeeKey: 'E0002',
      date: '2026-12-02',
      kind: 'meeting',
      note: '午後は会議',
    })
    const day = await core.api['presence.list']({ date: '2026-12-02' })
    expect(day.map((e) => [e.employeeKey, e.kind, e.note])).toEqual([
      ['E0001', 'out', null],
      ['E0002', 'meeting', '午後は会議'],
    ])
    const mine = await core.api['presence.list']({ employeeKey: 'E0001' })
    expect(mine.map((e) => [e.date, e.returnAt])).toEqual([
      ['2026-12-02', new Date(2026, 11, 2, 17, 30).getTime()],
      ['2026-12-03', new Date(2026, 11, 5, 9, 0).getTime()],
    ])
    expect(await core.api['presence.clear']({ employeeKey: 'E0002', date: '2026-12-02' })).toEqual({
      cleared: true,
    })
    expect(await core.api['presence.clear']({ employeeKey: 'E0002', date: '2026-12-02' })).toEqual({
      cleared: false,
    })
    expect((await core.api['presence.list']({ date: '2026-12-02' })).map((e) => e.employeeKey)).toEqual([
      'E0001',
    ])
    const audit = await core.api['history.search']({ filter: { category: 'audit', text: '在席状況' } })
    expect(audit.entries.length).toBeGreaterThanOrEqual(5)
  })

  it('refuses bad input in both languages and changes nothing', async () => {
    const before = await core.api['presence.list']({})
    const base = { employeeKey: 'E0003', date: '2026-12-02', kind: 'in' } as const
    const unknown = await refusal(core.api['presence.set']({ ...base, employeeKey: 'X9999' }))
    expect(unknown.localized.ja).toContain('X9999')
    expect(unknown.localized.en).toContain('no employee "X9999"')
    const badDay = await refusal(core.api['presence.set']({ ...base, date: '2026-02-30' }))
    expect(badDay.localized.ja).toContain('日付「2026-02-30」')
    expect(badDay.localized.en).toContain('The date "2026-02-30" is not valid')
    const badTime = await refusal(core.api['presence.set']({ ...base, returnAt: '25:00' }))
    expect(badTime.localized.ja).toContain('帰社日時「25:00」')
    expect(badTime.localized.en).toContain('return time "25:00"')
    const long = await refusal(core.api['presence.set']({ ...base, destination: 'あ'.repeat(101) }))
    expect(long.localized.ja).toContain('destination')
    expect(long.localized.en).toContain('100')
    await refusal(core.api['presence.set']({ ...base, note: 'x'.repeat(501) }))
    await refusal(core.api['presence.set']({ ...base, kind: 'sleeping' as 'in' }))
    await refusal(core.api['presence.list']({ date: 'tomorrow' }))
    expect(await core.api['presence.list']({})).toEqual(before)
  })
})

describe('presence change hook', () => {
  it('tells listeners after each stored change, and not for a refused one or a clear of nothing', () => {
    const db = openDatabase(dir, 'hook.sqlite')
    const service = new PresenceService({
      presence: new PresenceRepository(db),
      // One known employee: the service asks the home directory only by id.
      home: {
        objects: (ids) =>
          new Map(
            ids.filter((id) => id === 'employee\tE0001').map((id) => [id, { nameJa: '山田' } as never]),
          ),
      },
      history: new HistoryRepository(db, () => 1),
      now: () => 42,
    })
    const changes: PresenceChange[] = []
    const stop = service.onChanged((change) => changes.push(change))
    service.set({
      employeeKey: 'E0001',
      date: '2026-12-04',
      kind: 'leave',
      destination: null,
      returnAt: null,
      note: null,
    })
    expect(() =>
      service.set({
        employeeKey: 'E0002',
        date: '2026-12-04',
        kind: 'leave',
        destination: null,
        returnAt: null,
        note: null,
      }),
    ).toThrow(ApiError)
    service.clear({ employeeKey: 'E0001', date: '2026-12-04' })
    service.clear({ employeeKey: 'E0001', date: '2026-12-04' })
    stop()
    service.set({
      employeeKey: 'E0001',
      date: '2026-12-05',
      kind: 'in',
      destination: null,
      returnAt: null,
      note: null,
    })
    expect(changes).toEqual([
      {
        employeeKey: 'E0001',
        date: '2026-12-04',
        entry: expect.objectContaining({ kind: 'leave', updatedAt: 42 }),
      },
      { employeeKey: 'E0001', date: '2026-12-04', entry: null },
    ])
    db.close()
  })
})

describe.skipIf(skipWithoutKeychain())('renkei presence', () => {
  beforeAll(async () => {
    // The CLI opens the data dir itself (with the real keychain): the test core must let go of it.
    await core.close()
  })

  const cli = (...args: string[]) => runCli(['--data-dir', dir, 'presence', ...args])

  it('sets, lists and clears with --json, and accepts the Japanese kind names', () => {
    const set = cli(
      'set',
      'E0003',
      '2026-12-10',
      '外出',
      '--destination',
      '東京本社',
      '--return-at',
      '16:00',
      '--json',
    )
    expect(set.stderr).toBe('')
    expect(set.status).toBe(0)
    expect(JSON.parse(set.stdout)).toMatchObject({
      employeeKey: 'E0003',
      kind: 'out',
      destination: '東京本社',
    })
    const text = cli('list', '--date', '2026-12-10')
    expect(text.stdout).toContain(
      '2026-12-10  E0003  外出 / Out  行先 destination: 東京本社  帰社 back: 2026-12-10 16:00',
    )
    const list = cli('list', '--employee', 'E0003', '--json')
    expect(JSON.parse(list.stdout)).toHaveLength(1)
    expect(JSON.parse(cli('clear', 'E0003', '2026-12-10', '--json').stdout)).toEqual({ cleared: true })
    expect(cli('list', '--date', '2026-12-10').stdout).toBe('no entries\n')
  })

  it('refuses an unknown employee, kind or date with exit code 2 in both languages', () => {
    const before = cli('list', '--json').stdout
    const unknown = cli('set', 'X0001', '2026-12-10', 'in')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('社員「X0001」はホームディレクトリにいません')
    expect(unknown.stderr).toContain('There is no employee "X0001"')
    const kind = cli('set', 'E0003', '2026-12-10', '昼寝')
    expect(kind.status).toBe(2)
    expect(kind.stderr).toContain('在席区分「昼寝」はありません')
    const date = cli('clear', 'E0003', '12/10')
    expect(date.status).toBe(2)
    expect(date.stderr).toContain('The date "12/10" is not valid')
    expect(cli('list', '--json').stdout).toBe(before)
  })
})
