/**
 * `renkei rooms list|preview|send-notices` as an administrator runs them (the built CLI): refusals of a bad
 * command line, then the answers about a marked group's community over a data directory a core set up.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { skipWithoutKeychain } from '../support/keychain'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { openTestCore, tempDataDir } from '../support/test-core'

describe.skipIf(skipWithoutKeychain())('renkei rooms refusals (built CLI)', () => {
  const dir = tempDataDir('renkei-rooms-cli-usage-')
  const cli = (args: string[]) => runCli(['--data-dir', dir, 'rooms', ...args])

  it('refuses a bad --limit in both languages with exit 2, before opening the core', () => {
    for (const limit of ['0', '501', 'ten']) {
      const refused = cli(['list', '--limit', limit])
      expect(refused.status).toBe(2)
      expect(refused.stderr).toMatch(/1 から 500 までの整数[\s\S]*whole number from 1 to 500/)
    }
  })

  it('refuses an unknown subcommand and extra arguments', () => {
    expect(cli(['lists']).status).not.toBe(0)
    expect(cli(['preview', 'a', 'b']).status).not.toBe(0)
  })
})

describe.skipIf(skipWithoutKeychain())('renkei rooms over a marked group (built CLI)', () => {
  const dir = tempDataDir('renkei-rooms-cli-')
  const cli = (args: string[]) => runCli(['--data-dir', dir, 'rooms', ...args])

  beforeAll(async () => {
    writeHome(dir, {
      ...testSnapshot([1, 2].map((n) => testEmployee(n, { groups: ['comm-sales'] }))),
      groups: [{ code: 'comm-sales', nameJa: '営業部会', nameEn: 'Sales' }],
    })
    const core = await openTestCore(dir)
    try {
      await core.api['rooms.settings.update']({
        enabled: true,
        communities: { codes: ['comm-sales'], defaultOwner: 'E000001' },
        target: { roomBaseUrl: 'https://rooms.example.co.jp/room/' },
      })
    } finally {
      await core.close()
    }
  })

  it('lists the community with its planned room', () => {
    const listed = cli(['list', '--json'])
    expect(listed.status).toBe(0)
    const page = JSON.parse(listed.stdout) as {
      communities: { code: string; room: { status: string } | null }[]
    }
    expect(page.communities.map((c) => [c.code, c.room?.status])).toEqual([['comm-sales', 'planned']])
    expect(cli(['list']).stdout).toContain('営業部会')
  })

  it("previews one community's 23 values, each with its rule", () => {
    const preview = cli(['preview', 'comm-sales', '--json'])
    expect(preview.status).toBe(0)
    const rows = (
      JSON.parse(preview.stdout) as { defaults: { rows: { item: number; rule: { ja: string } }[] } }
    ).defaults.rows
    expect(new Set(rows.map((r) => r.item)).size).toBe(23)
    expect(rows.every((r) => r.rule.ja.trim() !== '')).toBe(true)
  })

  it('send-notices without a notice target refuses in both languages and exits non-zero', () => {
    const sent = cli(['send-notices'])
    expect(sent.status).not.toBe(0)
    expect(sent.stderr).toMatch(/通知先[\s\S]*notice target/)
  })
})
