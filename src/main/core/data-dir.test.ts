import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir, repairPrivateModes } from './data-dir'

describe('default data directory (same as Electron userData for "renkei")', () => {
  it('follows each platform', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toMatch(
      /Roaming[\\/]renkei$/,
    )
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/renkei')
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/renkei')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/renkei')
  })
})

describe('repairing modes on start', () => {
  const modeOf = (path: string): string => (statSync(path).mode & 0o7777).toString(8)

  /** A folder as an older Renkei under umask 022 (or a person) left it. */
  function readableFolder(name: string, mode = 0o755): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'modes-')), name)
    mkdirSync(join(dir, 'sub'), { recursive: true })
    for (const file of ['renkei.sqlite', 'renkei.sqlite-wal', 'notes.txt', 'sub/old.csv'])
      writeFileSync(join(dir, file), 'x', { mode: 0o644 })
    chmodSync(join(dir, 'sub'), 0o755)
    chmodSync(dir, mode)
    return dir
  }

  it("makes Renkei's own folder and everything in it owner-only, and lists what it changed", () => {
    const dir = readableFolder('renkei')
    const repairs = repairPrivateModes(dir, 'renkei.sqlite', '/nonexistent-home')
    expect(
      [dir, 'sub', 'sub/old.csv', 'notes.txt', 'renkei.sqlite'].map((p) => modeOf(resolve(dir, p))),
    ).toEqual(['700', '700', '600', '600', '600'])
    expect(repairs).toContainEqual({ path: join(dir, 'notes.txt'), from: '0644', to: '0600' })
    expect(repairs).toHaveLength(6)
    expect(repairPrivateModes(dir, 'renkei.sqlite', '/nonexistent-home')).toEqual([])
  })

  it.each([
    ['the home folder', 'home', 0o755, true],
    ['a sticky shared folder like /tmp', 'renkei-tmp', 0o1777, false],
    ['a folder holding other things, not named for Renkei', 'shared-data', 0o755, false],
  ])('in %s only the database files change', (_what, name, mode, isHome) => {
    const dir = readableFolder(name, mode)
    const repairs = repairPrivateModes(dir, 'renkei.sqlite', isHome ? dir : '/nonexistent-home')
    expect(repairs.map((r) => r.path).sort()).toEqual([
      join(dir, 'renkei.sqlite'),
      join(dir, 'renkei.sqlite-wal'),
    ])
    expect([dir, 'sub', 'sub/old.csv', 'notes.txt'].map((p) => modeOf(resolve(dir, p)))).toEqual([
      mode.toString(8),
      '755',
      '644',
      '644',
    ])
  })
})
