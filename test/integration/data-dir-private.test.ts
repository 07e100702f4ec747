import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { skipBecause } from '../support/skip-reason'
import { openTestCore } from '../support/test-core'

const modeOf = (path: string): number => statSync(path).mode & 0o777

/** Every file and folder of the data directory with its mode, the directory itself first. */
function modes(dataDir: string): Record<string, string> {
  const all: Record<string, string> = { '.': modeOf(dataDir).toString(8) }
  for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    all[path.slice(dataDir.length + 1)] = modeOf(path).toString(8)
  }
  return all
}

function startCore(dataDir: string) {
  return openTestCore(dataDir, { version: 't' })
}

/** What an older Renkei left under umask 022: everything readable by every local user. */
function worldReadable(dataDir: string): void {
  mkdirSync(join(dataDir, 'exports'), { recursive: true })
  writeFileSync(join(dataDir, 'exports', 'old.csv'), 'name\r\n')
  for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644)
  }
  chmodSync(dataDir, 0o755)
}

let umaskBefore: number
beforeEach(() => {
  umaskBefore = process.umask(0o022)
})
afterEach(() => {
  process.umask(umaskBefore)
})

describe('private data at rest under umask 022 (core start)', () => {
  it('creates the data directory 0700 and the database, -wal and -shm 0600; exports too', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'renkei-modes-'))
    const dataDir = join(parent, 'data')
    const core = await startCore(dataDir)
    try {
      await core.api['settings.update']({ historyRetentionMonths: 18 })
      const all = modes(dataDir)
      expect(Object.keys(all)).toEqual(
        expect.arrayContaining(['renkei.sqlite', 'renkei.sqlite-wal', 'renkei.sqlite-shm']),
      )
      expect(all).toEqual(
        Object.fromEntries(Object.keys(all).map((name) => [name, name === '.' ? '700' : '600'])),
      )
      expect(core.files.exportHistory({}, 'csv', join(parent, 'out.csv'), 'ja')).toBe(1)
      expect(core.files.exportHistory({}, 'jsonl', join(parent, 'out.jsonl'), 'ja')).toBe(2)
      expect(modeOf(join(parent, 'out.csv'))).toBe(0o600)
      expect(modeOf(join(parent, 'out.jsonl'))).toBe(0o600)
    } finally {
      await core.close()
    }
  })

  it('repairs a data directory left readable by others and says what it repaired in the history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'renkei-modes-'))
    await (await startCore(dataDir)).close()
    worldReadable(dataDir)
    const core = await startCore(dataDir)
    try {
      expect(Object.values(modes(dataDir)).every((mode) => mode === '700' || mode === '600')).toBe(true)
      expect(modeOf(join(dataDir, 'exports'))).toBe(0o700)
      const [line] = (await core.api['history.search']({ filter: { category: 'audit', level: 'warning' } }))
        .entries
      expect(line?.messageEn).toMatch(/readable by other users and are now owner-only/)
      expect(line?.message).toContain('所有者だけ')
      expect(line?.messageEn).toContain(join(dataDir, 'exports', 'old.csv'))
      expect(line?.messageEn).toContain(join(dataDir, 'renkei.sqlite'))
    } finally {
      await core.close()
    }
  })
})

describe('private data at rest under umask 022 (CLI)', () => {
  it('creates the data directory 0700 and its files 0600', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'renkei-modes-')), 'data')
    const result = runCli(['--data-dir', dataDir, 'history', 'search', '--json'])
    expect(result.stderr).toBe('')
    const all = modes(dataDir)
    expect(all['.']).toBe('700')
    expect(all['renkei.sqlite']).toBe('600')
    expect(Object.values(all).filter((mode) => mode !== '600' && mode !== '700')).toEqual([])
  })

  it('repairs what an older run left readable and lists it in the history', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'renkei-modes-'))
    expect(runCli(['--data-dir', dataDir, 'status']).status).toBe(0)
    worldReadable(dataDir)
    const search = runCli(['--data-dir', dataDir, 'history', 'search', '--level', 'warning', '--json'])
    expect(search.status).toBe(0)
    expect(search.stdout).toContain('old.csv')
    expect(Object.values(modes(dataDir)).filter((mode) => mode !== '600' && mode !== '700')).toEqual([])
  })

  const notRoot = skipBecause(
    process.getuid?.() !== 0,
    'needs root, to leave a file the CLI user cannot chmod',
  )
  it.skipIf(notRoot)('starts anyway when a file cannot be repaired, and says which and why', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'renkei-modes-'))
    writeFileSync(join(dataDir, 'left-by-root.txt'), 'x', { mode: 0o644 })
    chownSync(dataDir, 65534, 65534)
    const nobody = { uid: 65534, gid: 65534 }
    const search = runCli(['--data-dir', dataDir, 'history', 'search', '--level', 'warning', '--json'], {
      user: nobody,
    })
    expect(search.status).toBe(0)
    const [line] = JSON.parse(search.stdout) as { message: string; messageEn: string }[]
    expect(line?.messageEn).toContain(
      `could not be changed; check their owner and mode: ${join(dataDir, 'left-by-root.txt')} (EPERM)`,
    )
    expect(line?.message).toContain('修正できませんでした')
  })
})
