/**
 * `renkei link …` as an administrator runs it: the built CLI on the data directory of a site that was
 * linked to another over the in-process transport. The CLI's own transport is the real one, so what it tells
 * that partner (a name that does not resolve) fails visibly and is kept on the link.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { skipWithoutKeychain } from '../support/keychain'
import { TestSites, type TestSite } from '../support/sitelink-sites'
import { tempDataDir } from '../support/test-core'

describe.skipIf(skipWithoutKeychain())('renkei link (in-process transport)', () => {
  let a: TestSite
  let atA: string
  const cli = (...args: string[]) => runCli(['--data-dir', a.dataDir, 'link', ...args])

  beforeAll(async () => {
    const sites = new TestSites()
    a = await sites.open('A商事株式会社', 'A本社', 'a.renkei.test', '管理者A')
    const b = await sites.open('B工業株式会社', null, 'b.renkei.test', '管理者B')
    atA = (await sites.linked(a, b)).requesterLink
    await sites.close()
  })

  it('lists links and shows one with its transitions', () => {
    const list = cli('list', '--json')
    expect(list.status).toBe(0)
    expect(JSON.parse(list.stdout)).toMatchObject({
      activeCount: 1,
      links: [{ id: atA, state: 'linked', role: 'requester', partner: { companyName: 'B工業株式会社' } }],
    })
    const text = cli('get', atA)
    expect(text.stdout).toContain('B工業株式会社')
    expect(text.stdout).toMatch(
      /request {2}管理者A \(A本社\)[\s\S]*accept {2}管理者B \(B工業株式会社\)[\s\S]*start/,
    )
  })

  it('pauses and resumes here even when the partner cannot be told', () => {
    const paused = cli('pause', atA, '--json')
    expect(paused.status).toBe(0)
    expect(JSON.parse(paused.stdout)).toMatchObject({
      summary: { paused: true, lastError: { ja: expect.any(String) } },
    })
    expect(cli('pause', atA).stderr).toMatch(/何も変更していません[\s\S]*Nothing was changed/)
    expect(JSON.parse(cli('resume', atA, '--json').stdout).summary.paused).toBe(false)
  })

  it('refuses what does not fit, in both languages, with a failing exit code', () => {
    const start = cli('start', atA)
    expect(start.status).not.toBe(0)
    expect(start.stderr).toContain('開始待ちのリンクだけです')
    expect(start.stderr).toContain('Only a pending link')
    const unknown = cli('unlink', 'no-such-link')
    expect(unknown.status).not.toBe(0)
    expect(unknown.stderr).toContain('no-such-link')
    const badUrl = cli('site', '--url', 'http://a.renkei.test:8080/')
    expect(badUrl.status).not.toBe(0)
    expect(badUrl.stderr).toMatch(/https:\/\/[\s\S]*only SSL \(HTTPS\)/)
    expect(cli('site', '--json').stdout).toContain('"linkUrl": "https://a.renkei.test/"')
  })

  it('sets the site profile of a fresh data directory', () => {
    const dataDir = tempDataDir('renkei-link-cli-')
    const set = runCli([
      '--data-dir',
      dataDir,
      'link',
      'site',
      '--company',
      'C物産',
      '--url',
      'https://c.renkei.test',
      '--json',
    ])
    expect(set.status).toBe(0)
    expect(JSON.parse(set.stdout)).toMatchObject({
      companyName: 'C物産',
      linkUrl: 'https://c.renkei.test/',
      ready: true,
    })
    expect(JSON.parse(runCli(['--data-dir', dataDir, 'link', 'list', '--json']).stdout).links).toEqual([])
  })
})
