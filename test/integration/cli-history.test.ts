import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { makeEntries, writeJsonl } from '../support/history-fixtures'

// The CLI opens the keychain only for secrets; history commands must work without one.
const noBus = { DBUS_SESSION_BUS_ADDRESS: '' }
const now = Date.now()
let dataDir: string

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'renkei-cli-'))
  // Outside the data directory: a 0644 file inside it would be repaired, and that repair is a history line.
  const archive = join(mkdtempSync(join(tmpdir(), 'renkei-cli-seed-')), 'seed.jsonl')
  writeJsonl(archive, [
    ...makeEntries({ count: 9000, site: 'A社', newest: now - 1000 }),
    ...makeEntries({ count: 3000, site: 'B社', newest: now - 1000 }),
  ])
  const imported = runCli(['--data-dir', dataDir, 'history', 'import', archive], { env: noBus })
  expect(imported.stderr).toBe('')
  expect(imported.stdout).toContain('12000 imported')
})

describe('renkei history export', () => {
  it('refuses a CSV of 12,000 entries, names 12,000 and 10,000, exits non-zero and writes no file', () => {
    const out = join(dataDir, 'all.csv')
    const result = runCli(['--data-dir', dataDir, 'history', 'export', '--out', out], { env: noBus })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('12,000')
    expect(result.stderr).toContain('10,000')
    expect(existsSync(out)).toBe(false)
    expect(existsSync(`${out}.partial`)).toBe(false)
  })

  it('writes a BOM-prefixed CSV with 9,000 rows plus a header for a filter matching 9,000', () => {
    const out = join(dataDir, 'a.csv')
    const result = runCli(['--data-dir', dataDir, 'history', 'export', '--site', 'A社', '--out', out], {
      env: noBus,
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const content = readFileSync(out, 'utf8')
    expect(content.charCodeAt(0)).toBe(0xfeff)
    const lines = content.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe('日時,サイト,連携方向,区分,レベル,内容,詳細')
    expect(lines).toHaveLength(9001)
    expect(lines.slice(1).every((l) => l.includes(',A社,'))).toBe(true)
  })

  it('archives everything as JSON Lines, beyond the CSV limit', () => {
    const out = join(dataDir, 'all.jsonl')
    const result = runCli(
      ['--data-dir', dataDir, 'history', 'export', '--format', 'jsonl', '--site', 'A社', '--out', out],
      { env: noBus },
    )
    expect(result.status).toBe(0)
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(9000)
  })

  it('explains a bad date and exits 2', () => {
    const result = runCli(['--data-dir', dataDir, 'history', 'search', '--from', 'yesterday'], { env: noBus })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--from "yesterday" is not a date/time')
  })
})

describe('renkei history search and prune', () => {
  it('searches with filters and prints JSON', () => {
    const result = runCli(
      [
        '--data-dir',
        dataDir,
        'history',
        'search',
        '--site',
        'B社',
        '--level',
        'error',
        '--limit',
        '5',
        '--json',
      ],
      { env: noBus },
    )
    const entries = JSON.parse(result.stdout) as { site: string; level: string }[]
    expect(entries).toHaveLength(5)
    expect(entries.every((e) => e.site === 'B社' && e.level === 'error')).toBe(true)
  })

  it('prunes exactly the entries older than one year', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-prune-'))
    const yearAgo = new Date(now)
    yearAgo.setFullYear(yearAgo.getFullYear() - 1)
    const archive = join(dir, 'old.jsonl')
    // 30 entries straddling the cutoff one hour apart: 6 newer than a year (with a margin for the run), 24 older.
    writeJsonl(
      archive,
      makeEntries({
        count: 30,
        site: 'C社',
        newest: yearAgo.getTime() + 6 * 3_600_000 - 60_000,
        stepMs: 3_600_000,
      }),
    )
    expect(runCli(['--data-dir', dir, 'history', 'import', archive], { env: noBus }).status).toBe(0)
    const pruned = runCli(['--data-dir', dir, 'history', 'prune', '--older-than', '1y'], { env: noBus })
    expect(pruned.stdout).toMatch(/^24 entries older than/)
    const left = JSON.parse(
      runCli(['--data-dir', dir, 'history', 'search', '--site', 'C社', '--json'], { env: noBus }).stdout,
    ) as unknown[]
    expect(left).toHaveLength(6)
  })
})
