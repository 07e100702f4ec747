import { createHash } from 'node:crypto'
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/store/database'
import { migrations } from '../../src/main/core/store/migrations'
import { runCli, type CliResult } from '../support/cli'

/** Names and contents of every file under `dir`: equal before and after means nothing changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name)
        return [path, createHash('sha256').update(readFileSync(path)).digest('hex')]
      }),
  )
}

/** The usual CLI refusal: exit 2 for a bad --data-dir (a bad command line), 1 otherwise; Japanese then English on stderr, no stack trace, nothing on stdout. */
function expectBilingualRefusal(result: CliResult, ja: RegExp, en: RegExp, exitCode = 2): void {
  expect(result.status).toBe(exitCode)
  expect(result.stdout).toBe('')
  const [jaLine, enLine, ...rest] = result.stderr.trimEnd().split('\n')
  expect(jaLine).toMatch(ja)
  expect(enLine).toMatch(en)
  expect(rest).toEqual([])
  expect(result.stderr).not.toMatch(/\n\s+at |SqliteError|ENOTDIR|EEXIST/)
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'renkei-bad-dir-'))

describe('--data-dir that cannot be used: bilingual errors, non-zero exit, nothing changed', () => {
  it('a file instead of a folder', () => {
    const parent = tempDir()
    const file = join(parent, 'not-a-folder')
    writeFileSync(file, 'hello')
    const before = snapshot(parent)
    const result = runCli(['--data-dir', file, 'status'])
    expectBilingualRefusal(result, /フォルダーではなくファイル/, /it is a file, not a folder/)
    expect(snapshot(parent)).toEqual(before)
  })

  it('a folder this user cannot write', () => {
    const dataDir = tempDir()
    // root writes anywhere: run the CLI as "nobody" against a folder root owns.
    const asRoot = process.getuid?.() === 0
    chmodSync(dataDir, asRoot ? 0o755 : 0o555)
    const result = runCli(
      ['--data-dir', dataDir, 'status'],
      asRoot ? { user: { uid: 65534, gid: 65534 } } : {},
    )
    chmodSync(dataDir, 0o700)
    expectBilingualRefusal(result, /書き込みできません/, /cannot be created or written/)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('a database written by a newer Renkei', () => {
    const dataDir = tempDir()
    const db = openDatabase(dataDir)
    db.pragma(`user_version = ${migrations.length + 3}`)
    db.close()
    const before = snapshot(dataDir)
    const result = runCli(['--data-dir', dataDir, 'history', 'search'])
    expectBilingualRefusal(result, /新しいバージョンの Renkei/, /written by a newer Renkei/)
    expect(snapshot(dataDir)).toEqual(before)
  })

  it('a renkei.sqlite that is not a database', () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'renkei.sqlite'), 'name,mail\r\n山田,yamada@example.jp\r\n'.repeat(200))
    const before = snapshot(dataDir)
    const result = runCli(['--data-dir', dataDir, 'status'])
    expectBilingualRefusal(result, /データベース（SQLite）ではない/, /is not a Renkei database/)
    expect(snapshot(dataDir)).toEqual(before)
  })
})

describe('other failures of the CLI', () => {
  it('an export into a folder that does not exist: bilingual, naming the file, exit 1', () => {
    const dataDir = tempDir()
    const out = join(dataDir, 'no-such-folder', 'history.csv')
    const result = runCli(['--data-dir', dataDir, 'history', 'export', '--out', out])
    expectBilingualRefusal(
      result,
      new RegExp(`${out} を使用できません（ファイルまたはフォルダーがありません）`),
      /no such file or folder/,
      1,
    )
  })
})
