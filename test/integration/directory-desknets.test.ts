import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

/** desknet's NEO's own export pair (Shift_JIS, CRLF): see test/fixtures/directory/make-desknets-fixtures.py. */
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'directory')
const files = {
  usersFile: join(fixtures, 'desknets-users.csv'),
  departmentsFile: join(fixtures, 'desknets-organizations.csv'),
}

let dir: string
let core: Core

beforeEach(async () => {
  dir = tempDataDir('renkei-desknets-')
  core = await openTestCore(dir)
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("desknet's NEO export pair", () => {
  it('imports with the preset and no hand-editing: @references, 使用停止フラグ, full-width codes', async () => {
    await core.api['directory.config.update']({
      source: { kind: 'csv', preset: 'desknets-neo', ...files },
    })
    const plan = await core.api['directory.preview']({})
    expect(plan.source).toMatchObject({ employees: 12, departments: 7 })
    expect(plan.blocked).toBeNull()
    const notes = plan.sourceNotices.map((n) => n.message.ja).join('\n')
    expect(notes).toMatch(/2 件.*全角/)
    expect(plan.sourceNotices.every((n) => n.level === 'info')).toBe(true)

    const run = await confirmedDirectoryRun(core.api)
    expect(run.outcome).toBe('ok')
    const status = await core.api['directory.status']({})
    expect(status.counts).toMatchObject({ employees: 12, activeEmployees: 10, departments: 7 })
    const tree = await core.api['directory.departments']({})
    expect(Object.fromEntries(tree.map((d) => [d.code, d.parent]))).toEqual({
      NEO0001: null,
      NEO0100: 'NEO0001',
      NEO0110: 'NEO0100',
      NEO0120: 'NEO0100',
      NEO0200: 'NEO0001',
      NEO0210: 'NEO0200',
      NEO0220: 'NEO0200',
    })
    const people = await core.api['directory.employees']({ limit: 100 })
    const byKey = new Map(people.employees.map((e) => [e.key, e]))
    expect(byKey.get('1012')).toMatchObject({ login: 'yamamoto.ryo', mainDepartment: 'NEO0110' })
    expect(byKey.get('1008')).toMatchObject({ mainDepartment: 'NEO0210', active: true })
    expect(byKey.get('1006')?.active).toBe(false)
    expect(byKey.get('1001')).toMatchObject({
      email: 'yamada.taro@renge.example.jp',
      positions: ['代表取締役社長'],
    })
    // The visit rules' pickers: every position a person holds is listed, most senior first.
    const positions = await core.api['directory.positions']({})
    expect(positions.map((p) => p.code)).toContain('代表取締役社長')
    const ranks = positions.map((p) => p.rank)
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y))
  })

  it('warns loudly when the generic mapping reads 使用停止フラグ with its default inactive values', async () => {
    await core.api['directory.config.update']({
      source: {
        kind: 'csv',
        preset: 'desknets-neo',
        ...files,
        inactiveValues: ['無効', '停止', '0', 'false'],
      },
    })
    const plan = await core.api['directory.preview']({})
    const warnings = plan.sourceNotices.filter((n) => n.level === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.message.ja).toContain('12 人中 2 人')
    expect(warnings[0]?.message.en).toContain('2 of 12')
    expect(warnings[0]?.message.ja).toContain('使用停止フラグ')

    // The nightly run nobody watches says it too, in the history.
    await confirmedDirectoryRun(core.api)
    const history = await core.api['history.search']({
      filter: { category: 'directory', level: 'warning' },
      limit: 10,
    })
    expect(history.entries.map((e) => e.message)).toEqual([expect.stringContaining('12 人中 2 人')])
  })
})

describe('directory.csv.headers', () => {
  it('reads the header names of a Shift_JIS export for the mapping form', async () => {
    const users = await core.api['directory.csv.headers']({
      file: files.usersFile,
      lookFor: ['ID', 'ログインID', '氏名'],
    })
    expect(users).toMatchObject({ fileName: 'desknets-users.csv', encoding: 'shift_jis', line: 1 })
    expect(users.headers).toContain('使用停止フラグ')
    expect(users.headers).toHaveLength(16)
  })

  it('answers a missing file with a bilingual, actionable error', async () => {
    const error: unknown = await core.api['directory.csv.headers']({ file: join(dir, 'nope.csv') }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'invalid-input' })
    expect((error as { localized: { ja: string; en: string } }).localized.ja).toContain(
      'ファイルが見つかりません',
    )
    expect((error as { localized: { ja: string; en: string } }).localized.en).toContain('File not found')
  })
})
