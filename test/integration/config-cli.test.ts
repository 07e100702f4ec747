import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CalendarPairConfig } from '../../src/shared/model/calendar-config'
import type { DirectoryConfig } from '../../src/shared/model/directory-config'
import { runCli } from '../support/cli'
import { skipWithoutKeychain } from '../support/keychain'

let dir: string
const cli = (args: readonly string[], input?: string) =>
  runCli(['--data-dir', dir, ...args], input === undefined ? {} : { input })
const directoryConfig = (): DirectoryConfig =>
  JSON.parse(cli(['directory', 'config', 'get', '--json']).stdout) as DirectoryConfig

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-config-cli-'))
})

const csvPatch = {
  source: { kind: 'csv', usersFile: '/srv/export/users.csv', departmentsFile: '/srv/export/departments.csv' },
  at: '06:30',
}

describe('renkei directory config', () => {
  it('get --json prints the settings with defaults filled in', () => {
    const result = cli(['directory', 'config', 'get', '--json'])
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ at: '00:00', graceDays: 30, source: { kind: 'none' } })
  })

  it('set takes a merge patch from the argument, stdin (-) or --file, and prints the result', () => {
    const fromArgument = cli(['directory', 'config', 'set', JSON.stringify(csvPatch)])
    expect(fromArgument.stderr).toBe('')
    expect(fromArgument.status).toBe(0)
    expect(JSON.parse(fromArgument.stdout)).toMatchObject({ at: '06:30', source: { encoding: 'auto' } })

    const fromStdin = cli(['directory', 'config', 'set', '-'], '{"deletionGuard": {"maxCount": 20}}\n')
    expect(fromStdin.status).toBe(0)
    const file = join(dir, 'patch.json')
    writeFileSync(file, '\uFEFF{"graceDays": 7, "source": {"encoding": "shift_jis"}}')
    expect(cli(['directory', 'config', 'set', '--file', file]).status).toBe(0)

    expect(directoryConfig()).toMatchObject({
      at: '06:30',
      graceDays: 7,
      deletionGuard: { maxCount: 20, maxPercent: 10 },
      source: { kind: 'csv', usersFile: '/srv/export/users.csv', encoding: 'shift_jis' },
    })
    const unchanged = cli(['directory', 'config', 'set', '{}'])
    expect(JSON.parse(unchanged.stdout)).toEqual(directoryConfig())
    expect(directoryConfig().graceDays).toBe(7)
  })

  it('exits 2 with both languages and changes nothing for broken JSON, an invalid result or no JSON', () => {
    cli(['directory', 'config', 'set', JSON.stringify(csvPatch)])
    const before = directoryConfig()

    const broken = cli(['directory', 'config', 'set', '{"at": "07:00",'])
    expect(broken.status).toBe(2)
    expect(broken.stderr).toContain('引数の JSON を読めません')
    expect(broken.stderr).toContain('The JSON in the argument cannot be read')

    const invalid = cli([
      'directory',
      'config',
      'set',
      '{"at": "07:00", "graceDays": -1, "target": {"kind": "scim"}}',
    ])
    expect(invalid.status).toBe(2)
    expect(invalid.stdout).toBe('')
    expect(invalid.stderr).toContain('graceDays: 0以上にしてください')
    expect(invalid.stderr).toContain('graceDays: must be at least 0')
    expect(invalid.stderr).toContain('target.baseUrl: 必須です')
    expect(invalid.stderr).toContain('target.baseUrl: is required')

    const none = cli(['directory', 'config', 'set'])
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('JSON を 1 つだけ渡してください')
    const both = cli(['directory', 'config', 'set', '{}', '--file', join(dir, 'patch.json')])
    expect(both.status).toBe(2)
    const missing = cli(['directory', 'config', 'set', '--file', join(dir, 'nope.json')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('ENOENT')

    expect(directoryConfig()).toEqual(before)
  })
})

const pair = {
  id: 'cli-conf-u0001',
  number: 1,
  name: '山田 太郎',
  source: { kind: 'ics', url: 'https://groupware.example.jp/feed/u0001.ics' },
  target: { kind: 'caldav', url: 'https://cal.example.jp/yamada/work/', username: 'yamada' },
}

describe('renkei calendar pair', () => {
  it('add prints the pair with defaults; set merges a patch; both refuse bad input with exit 2', () => {
    const added = cli(['calendar', 'pair', 'add', '-'], JSON.stringify(pair))
    expect(added.stderr).toBe('')
    expect(added.status).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ ...pair, direction: 'one-way', permitted: true })

    const again = cli(['calendar', 'pair', 'add', JSON.stringify({ ...pair, number: 2 })])
    expect(again.status).toBe(2)
    expect(again.stderr).toContain('ID「cli-conf-u0001」はすでに「山田 太郎」が使っています')
    expect(again.stderr).toContain('already used by "山田 太郎"')

    const set = cli(['calendar', 'pair', 'set', pair.id, '{"target": {"username": "taro"}, "number": 5}'])
    expect(set.status).toBe(0)
    const stored = JSON.parse(set.stdout) as CalendarPairConfig
    expect(stored).toMatchObject({ number: 5, target: { url: pair.target.url, username: 'taro' } })

    const invalid = cli(['calendar', 'pair', 'set', pair.id, '{"direction": "two-way", "number": 0}'])
    expect(invalid.status).toBe(2)
    expect(invalid.stderr).toContain('number: 1以上にしてください')
    expect(invalid.stderr).toContain('number: must be at least 1')
    const incomplete = cli(['calendar', 'pair', 'add', '{"id": "cli-conf-u0002", "number": 2}'])
    expect(incomplete.status).toBe(2)
    expect(incomplete.stderr).toContain('name: 必須です')
    expect(incomplete.stderr).toContain('source: is required')

    expect(JSON.parse(cli(['calendar', 'pair', 'get', pair.id]).stdout)).toEqual(stored)
    const status = JSON.parse(cli(['calendar', 'status', '--json']).stdout) as { pairs: unknown[] }
    expect(status.pairs).toHaveLength(1)
  })

  it('set and remove of an unknown id exit 1 and name it', () => {
    const set = cli(['calendar', 'pair', 'set', 'nobody', '{"name": "x"}'])
    expect(set.status).toBe(1)
    expect(set.stderr).toContain('カレンダー同期のユーザー「nobody」はありません')
    expect(cli(['calendar', 'pair', 'remove', 'nobody']).status).toBe(1)
  })
})

describe('renkei calendar settings', () => {
  it('get prints the shared settings; set patches them and refuses a bad value with exit 2', () => {
    expect(JSON.parse(cli(['calendar', 'settings', 'get']).stdout)).toMatchObject({ intervalMinutes: 10 })
    const set = cli(['calendar', 'settings', 'set', '{"intervalMinutes": 15, "oauth": {"clientId": "c-1"}}'])
    expect(set.status).toBe(0)
    expect(JSON.parse(set.stdout)).toMatchObject({
      intervalMinutes: 15,
      concurrency: 4,
      oauth: { clientId: 'c-1' },
    })
    const bad = cli(['calendar', 'settings', 'set', '{"windowFutureDays": 0}'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('windowFutureDays: 1以上にしてください')
    expect(JSON.parse(cli(['calendar', 'settings', 'get']).stdout)).toMatchObject({
      intervalMinutes: 15,
      windowFutureDays: 370,
    })
  })
})

describe.skipIf(skipWithoutKeychain())('with the real keychain (gnome-keyring)', () => {
  it('config get says which secrets are set and never shows a value', () => {
    const token = `tok-${Date.now()}`
    expect(cli(['secret', 'set', 'directory.target.scim.token'], `${token}\n`).status).toBe(0)
    const shown = cli(['directory', 'config', 'get'])
    expect(shown.status).toBe(0)
    expect(shown.stdout).toContain('directory.target.scim.token: set')
    expect(shown.stdout).toContain('directory.source.ldap.password: not set')
    expect(shown.stdout).not.toContain(token)
    expect(cli(['directory', 'config', 'set', '{"graceDays": 3}']).stdout).not.toContain(token)
    cli(['secret', 'clear', 'directory.target.scim.token'])
  })

  it('pair remove forgets the pair and its keychain entries', () => {
    expect(cli(['calendar', 'pair', 'add', JSON.stringify(pair)]).status).toBe(0)
    expect(cli(['secret', 'set', `calendar.${pair.id}.target`], 'pw\n').status).toBe(0)
    const removed = cli(['calendar', 'pair', 'remove', pair.id])
    expect(removed.stderr).toBe('')
    expect(removed.status).toBe(0)
    expect(removed.stdout).toContain(`${pair.id}: removed / 削除しました`)
    expect(cli(['calendar', 'pair', 'get', pair.id]).status).toBe(1)
    expect(() =>
      execFileSync('secret-tool', ['lookup', 'service', 'renkei', 'account', `calendar.${pair.id}.target`]),
    ).toThrow()
  })
})
