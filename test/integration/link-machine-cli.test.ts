/**
 * `renkei link machine` on a data directory copied from another machine (the identity it remembers is
 * another machine's; this one is read by the real reader): the CLI's own start pauses the links, then the
 * admin keeps the copy paused or makes this machine the production site. The partners are names that do
 * not resolve (.invalid): telling them fails visibly and is kept on each link.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { seedCopiedDataDir } from '../e2e/fixtures/seed-machine'
import type { SeedLink } from '../e2e/fixtures/seed-links'
import { runCli } from '../support/cli'
import { skipWithoutKeychain } from '../support/keychain'
import { tempDataDir } from '../support/test-core'

const at = Date.UTC(2026, 10, 20, 1, 0)
const linked = (id: string, company: string): SeedLink => ({
  id,
  company,
  siteName: null,
  linkUrl: `https://${id}.renkei.invalid/`,
  role: 'requester',
  state: 'linked',
  transitions: ['request', 'accept', 'start'].map((kind, i) => ({
    kind: kind as SeedLink['transitions'][number]['kind'],
    at: at + i * 60_000,
    actor: '桜川 弘',
    siteName: 'A東京',
  })),
})

describe.skipIf(skipWithoutKeychain())('renkei link machine (test copies)', () => {
  const dataDir = tempDataDir('renkei-machine-cli-')
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const machine = (...args: string[]) => runCli(['--data-dir', dataDir, 'link', 'machine', ...args])
  const state = (...args: string[]) => {
    const result = machine(...args, '--json')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    return JSON.parse(result.stdout) as { state: string; pausedLinks: { id: string }[] }
  }

  it('a copy pauses its links at its first start; keep paused, then resume here', () => {
    seedCopiedDataDir(dataDir, [linked('lnk_b', 'B工業株式会社'), linked('lnk_c', 'C商事株式会社')])

    const text = machine()
    expect(text.status).toBe(0)
    expect(text.stdout).toContain('別の端末')
    expect(text.stdout).toContain('B工業株式会社 (lnk_b)')
    expect(text.stdout).toContain('renkei link machine --resume-here')

    const both = machine('--resume-here', '--keep-paused')
    expect(both.status).not.toBe(0)
    expect(both.stderr).toContain('同時に指定できません')
    expect(both.stderr).toContain('cannot be given together')

    expect(state('--keep-paused')).toMatchObject({ state: 'test-copy', pausedLinks: [{}, {}] })
    expect(state()).toMatchObject({ state: 'test-copy', pausedLinks: [{}, {}] })

    expect(state('--resume-here')).toEqual({ state: 'same', detectedAt: null, pausedLinks: [] })
    const list = JSON.parse(runCli(['--data-dir', dataDir, 'link', 'list', '--json']).stdout) as {
      links: { paused: boolean }[]
    }
    expect(list.links.map((l) => l.paused)).toEqual([false, false])
  })
})
