/**
 * `renkei link rules export|import` and `renkei link explain` as an administrator runs them: the built CLI
 * on the data directory of a site linked to another over the in-process transport (each side already holds
 * the other's directory). The CLI's own transport is the real one; what it sends after a save fails and waits.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../support/cli'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { TestSites, type TestSite } from '../support/sitelink-sites'
import { tempDataDir } from '../support/test-core'

describe.skipIf(skipWithoutKeychain())('renkei link rules and explain (in-process transport)', () => {
  let a: TestSite
  const dir = tempDataDir('renkei-rules-cli-')
  const cli = (...args: string[]) => runCli(['--data-dir', a.dataDir, 'link', ...args])
  const exported = () => JSON.parse(cli('rules', 'export').stdout) as unknown[]

  beforeAll(async () => {
    const sites = new TestSites()
    a = await sites.open('A商事株式会社', 'A本社', 'a.renkei.test', '管理者A')
    const b = await sites.open('B工業株式会社', null, 'b.renkei.test', '管理者B')
    writeHome(a.dataDir, testSnapshot([1, 2, 3].map((n) => testEmployee(n))))
    writeHome(b.dataDir, testSnapshot([101, 102].map((n) => testEmployee(n))))
    const { requesterLink, acceptorLink } = await sites.linked(a, b)
    await vi.waitFor(
      async () => {
        const atA = await a.core.api['link.partnerDirectory']({ id: requesterLink, query: 'E' })
        const atB = await b.core.api['link.partnerDirectory']({ id: acceptorLink, query: 'E' })
        expect([atA.total, atB.total]).toEqual([2, 3])
      },
      { timeout: 10_000 },
    )
    await sites.close()
  })

  const rules = {
    site: 'B工業株式会社',
    visit: { everyone: false, targets: [{ kind: 'employee', key: 'E000001' }] },
    accept: {
      rules: [
        { id: 'global', scope: 'global', permission: 'read', networks: [], products: null, view: null },
        {
          id: 'no-101',
          scope: 'employee',
          employee: 'E000101',
          permission: 'none',
          networks: [],
          products: null,
          view: null,
        },
      ],
    },
  }

  it('exports the defaults, imports a file and exports it again unchanged', () => {
    expect(exported()).toEqual([
      expect.objectContaining({ site: 'B工業株式会社', visit: { everyone: true, targets: [] } }),
    ])
    const file = join(dir, 'rules.json')
    writeFileSync(file, JSON.stringify([rules]))
    const imported = cli('rules', 'import', file)
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    // The CLI's real transport cannot reach b.renkei.test: saved, and it says the partner does not have them yet.
    expect(imported.stdout).toContain('B工業株式会社: saved; the partner has not received them yet')
    const out = join(dir, 'exported.json')
    expect(cli('rules', 'export', '--site', 'B工業株式会社', '--out', out).status).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([rules])
    expect(statSync(out).mode & 0o777).toBe(0o600)
  })

  it('refuses a file with any error, in both languages, and changes nothing', () => {
    const before = exported()
    const file = join(dir, 'bad.json')
    const bad = {
      ...rules,
      visit: { everyone: false, targets: [{ kind: 'department', code: 'NOPE' }] },
    }
    writeFileSync(file, JSON.stringify([bad, { ...rules, site: 'どこにもないサイト' }]))
    const refused = cli('rules', 'import', file)
    expect(refused.status).not.toBe(0)
    expect(refused.stderr).toMatch(/何も変更していません[\s\S]*NOPE[\s\S]*どこにもないサイト/)
    expect(refused.stderr).toMatch(/Nothing was changed[\s\S]*"NOPE"/)
    writeFileSync(file, '{"site": "B工業株式会社", "visit": {"everyone": "yes"}}')
    expect(cli('rules', 'import', file).status).not.toBe(0)
    expect(exported()).toEqual(before)
  })

  it('explains who may visit, both ways, as text and as JSON', () => {
    const allowed = JSON.parse(cli('explain', 'E000001', '--json').stdout)
    expect(allowed).toMatchObject({
      employee: { key: 'E000001', name: '社員 1' },
      direction: 'outgoing',
      links: [{ partnerName: 'B工業株式会社', outcome: { allowed: true, accept: { permission: 'read' } } }],
    })
    const denied = JSON.parse(cli('explain', 'E000002', '--json').stdout)
    expect(denied.links[0].outcome).toMatchObject({ allowed: false, accept: null })
    const incoming = JSON.parse(
      cli('explain', 'E000101', '--incoming', '--site', 'B工業株式会社', '--json').stdout,
    )
    expect(incoming.links[0].outcome).toMatchObject({
      allowed: false,
      accept: { permission: 'none', ruleId: 'no-101' },
    })
    const text = cli('explain', 'E000002')
    expect(text.stdout).toMatch(/B工業株式会社 \[.+\]: denied/)
    expect(text.stdout).toContain('rule trail:')
    const unknown = cli('explain', 'E999999')
    expect(unknown.status).not.toBe(0)
    expect(unknown.stderr).toMatch(/E999999[\s\S]*E999999/)
  })
})
