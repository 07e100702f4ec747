import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DirectoryPlan, SourceProblemReport } from '../../src/shared/model/directory'
import { runCli } from '../support/cli'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { openTestCore, tempDataDir } from '../support/test-core'

let dir: string

/** The settings live in the data directory: write them the way the UI would, then drive the CLI. */
async function configureCsv(count: number): Promise<void> {
  const core = await openTestCore(dir)
  await core.api['directory.config.update']({
    source: { kind: 'csv', ...writeDirectoryCsv(dir, people(count)) },
  })
  await core.close()
}

beforeEach(() => {
  dir = tempDataDir('renkei-dir-cli-')
})

describe('renkei directory', () => {
  it('preview --json prints the whole plan and writes nothing', async () => {
    await configureCsv(4)
    const result = runCli(['--data-dir', dir, 'directory', 'preview', '--json'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const plan = JSON.parse(result.stdout) as DirectoryPlan
    expect(plan.source.employees).toBe(4)
    expect(plan.homeChanges.filter((c) => c.kind === 'employee').map((c) => c.key)).toEqual([
      'E0001',
      'E0002',
      'E0003',
      'E0004',
    ])
    expect(plan.blocked).toBeNull()
    const status = runCli(['--data-dir', dir, 'directory', 'status', '--json'])
    expect(JSON.parse(status.stdout).counts.employees).toBe(0)
  })

  it('run shows the counts and, with no terminal to ask on (CI), writes nothing without --yes', async () => {
    await configureCsv(4)
    const asked = runCli(['--data-dir', dir, 'directory', 'run'])
    expect(asked.status).toBe(2)
    expect(asked.stdout).toContain('home directory changes / ホームディレクトリの変更: ')
    expect(asked.stderr).toContain('確認なしでは書き込みません')
    expect(asked.stderr).toContain('run again with --yes')
    const status = () => JSON.parse(runCli(['--data-dir', dir, 'directory', 'status', '--json']).stdout)
    expect(status().counts.employees).toBe(0)

    const confirmed = runCli(['--data-dir', dir, 'directory', 'run', '--yes', '--json'])
    expect(confirmed.status).toBe(0)
    expect(confirmed.stderr).toContain('home directory changes / ホームディレクトリの変更: ')
    expect(JSON.parse(confirmed.stdout).outcome).toBe('ok')
    expect(status().counts.employees).toBe(4)
  })

  it('run exits 1 when the deletion guard stops it, and --approve-deletions lets that one run through', async () => {
    await configureCsv(20)
    expect(runCli(['--data-dir', dir, 'directory', 'run', '--yes']).status).toBe(0)
    writeDirectoryCsv(dir, people(10))
    const blocked = runCli(['--data-dir', dir, 'directory', 'run', '--yes'])
    expect(blocked.status).toBe(1)
    expect(blocked.stdout).toContain('削除ガード')
    expect(blocked.stdout).toContain('deletion guard')
    const approved = runCli(['--data-dir', dir, 'directory', 'run', '--yes', '--approve-deletions'])
    expect(approved.status).toBe(0)
    expect(
      JSON.parse(runCli(['--data-dir', dir, 'directory', 'status', '--json']).stdout).counts,
    ).toMatchObject({ employees: 20, activeEmployees: 10 })
  })

  it('preview lists every problem, in Japanese and English, and --json carries the complete list', async () => {
    await configureCsv(3)
    const broken = Array.from({ length: 120 }, (_, i) => `X${i},broken\r\n`).join('')
    appendFileSync(join(dir, 'users.csv'), broken)
    const text = runCli(['--data-dir', dir, 'directory', 'preview'])
    expect(text.status).toBe(1)
    expect(text.stderr).toContain('120 件')
    expect(text.stderr).toContain('120 problems')
    for (const line of [5, 64, 124]) {
      expect(text.stderr).toContain(`users.csv の ${line} 行目: 列数が見出しと一致しません`)
      expect(text.stderr).toContain(`users.csv line ${line}: the row has 2 cells`)
    }
    expect(text.stderr).not.toMatch(/and \d+ more|ほか \d+ 件/)

    const json = runCli(['--data-dir', dir, 'directory', 'preview', '--json'])
    expect(json.status).toBe(1)
    const output = JSON.parse(json.stdout) as { error: { code: string }; sourceProblems: SourceProblemReport }
    expect(output.error.code).toBe('import-failed')
    expect(output.sourceProblems.problems).toHaveLength(120)
    expect(output.sourceProblems.omitted).toBe(0)
    expect(output.sourceProblems.problems[119]).toMatchObject({ where: 'users.csv', line: 124 })
  })

  it('preview warns loudly, in both languages, when the mapping leaves under half of the people active', async () => {
    const fixtures = join(import.meta.dirname, '..', 'fixtures', 'directory')
    const core = await openTestCore(dir)
    await core.api['directory.config.update']({
      source: {
        kind: 'csv',
        preset: 'desknets-neo',
        usersFile: join(fixtures, 'desknets-users.csv'),
        departmentsFile: join(fixtures, 'desknets-organizations.csv'),
        inactiveValues: ['0'],
      },
    })
    await core.close()
    const result = runCli(['--data-dir', dir, 'directory', 'preview'])
    expect(result.status).toBe(0)
    const [ja, en] = result.stdout.split('\n')
    expect(ja).toMatch(/^WARNING: 有効な社員が 12 人中 2 人しかいません/)
    expect(en).toMatch(/^WARNING: only 2 of 12 people are active/)
  })
})
