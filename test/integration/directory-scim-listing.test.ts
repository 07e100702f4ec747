/**
 * Issue 9 item 2: a partial SCIM listing must never drive a plan. Two independent SCIM servers (SCIMMY and
 * Better Auth's SCIM plugin) hold more than one page of people; a rewriting layer in front of each reproduces
 * listing faults they do not show by themselves (python scim2-server's totalResults = page length, a server
 * that ignores startIndex, a page that keeps failing).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { startBetterAuthScim } from '../support/better-auth-scim-server'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startRewritingProxy, type RunningRewritingProxy } from '../support/scim-rewriting-proxy'
import { startScimServer } from '../support/scim-server'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

interface Upstream {
  readonly baseUrl: string
  readonly token: string
  stop(): Promise<void>
}

/** People on the server: more than one page on both (SCIMMY sends 200 a page, Better Auth 100). */
const staff = 230
/** The last ones listed, so that a read of page 1 only misses them. */
const leavers = 8

/**
 * Better Auth 1.7.5 refuses a group of more than 100 members ("One or more Group members are invalid": its
 * member check reads the users back with the adapter's default limit of 100), so groups stay off there.
 */
const servers: [string, () => Promise<Upstream>, number, boolean][] = [
  ['SCIMMY', () => startScimServer(), 200, true],
  ['Better Auth SCIM', () => startBetterAuthScim(), 100, false],
]

describe.each(servers)(
  'SCIM listings read whole (%s, more than one page)',
  (_name, start, pageSize, groups) => {
    let upstream: Upstream
    let proxy: RunningRewritingProxy
    let dir: string
    let core: Core

    beforeAll(async () => {
      upstream = await start()
      proxy = await startRewritingProxy(upstream.baseUrl)
      dir = tempDataDir('renkei-scim-listing-')
      const secrets = new MemorySecretStore()
      await secrets.set(directorySecretNames.targetScimToken, upstream.token)
      const clock = new TestClock(Date.parse('2026-12-01T09:00:00+09:00'))
      core = await openTestCore(dir, { secrets, clock })
      await configure(staff)
      expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
    }, 120_000)
    afterAll(async () => {
      await core.close()
      await proxy.stop()
      await upstream.stop()
    })
    beforeEach(() => {
      Object.assign(proxy.faults, {
        underReportTotals: true,
        ignoreStartIndex: false,
        failPagesFrom: null,
        refuseExcludedAttributes: false,
      })
    })
    afterEach(async () => {
      await configure(staff)
    })

    async function configure(count: number): Promise<void> {
      await core.api['directory.config.update']({
        source: { kind: 'csv', ...writeDirectoryCsv(dir, people(count)) },
        target: { kind: 'scim', baseUrl: proxy.baseUrl, provisionGroups: groups },
      })
    }

    const writesSince = (from: number): string[] =>
      proxy
        .requests()
        .slice(from)
        .filter((r) => !r.startsWith('GET '))

    /** Counted straight from the server (not through the layer), by its own honest totalResults. */
    async function activeOnServer(): Promise<number> {
      let active = 0
      for (let startIndex = 1, total = 1; startIndex <= total; startIndex += pageSize) {
        const url = `${upstream.baseUrl}/Users?startIndex=${startIndex}&count=${pageSize}`
        const response = await fetch(url, { headers: { authorization: `Bearer ${upstream.token}` } })
        const page = (await response.json()) as { totalResults: number; Resources?: { active?: boolean }[] }
        total = page.totalResults
        active += (page.Resources ?? []).filter((u) => u.active !== false).length
      }
      return active
    }

    it('under-reported totalResults (injected fault): a complete, correct run', async () => {
      await configure(staff - leavers)
      const plan = await core.api['directory.preview']({})
      expect(plan.counts.user.create).toBe(0)
      expect(plan.counts.user.suspend).toBe(leavers)
      expect(plan.counts.group.create).toBe(0)
      const from = proxy.requests().length
      const run = await confirmedDirectoryRun(core.api)
      expect(run.outcome).toBe('ok')
      expect(writesSince(from).filter((r) => r.startsWith('POST'))).toEqual([])
      expect(await activeOnServer()).toBe(staff - leavers)
      const listed = proxy
        .requests()
        .slice(from)
        .filter((r) => r.startsWith('GET') && r.includes('/Users?start'))
      expect(listed.length).toBeGreaterThanOrEqual(Math.ceil(staff / pageSize))
    })

    it('a server refusing excludedAttributes (injected fault): asked again as before, a complete, correct run', async () => {
      const asUsual = (await core.api['directory.preview']({})).counts
      proxy.faults.refuseExcludedAttributes = true
      const from = proxy.requests().length
      const plan = await core.api['directory.preview']({})
      // Page 1 alone would plan the people of the later pages as creates.
      expect(plan.counts.user.create).toBe(0)
      expect(plan.counts).toEqual(asUsual)
      const listed = proxy
        .requests()
        .slice(from)
        .filter((r) => r.startsWith('GET') && /\/(Users|Groups)\?start/.test(r))
      // One refused request, then every page asked as before (Groups too): the whole listing, all pages.
      expect(listed.filter((r) => r.includes('excludedAttributes'))).toHaveLength(1)
      const plainUsers = listed.filter((r) => r.includes('/Users?start') && !r.includes('excludedAttributes'))
      expect(plainUsers.length).toBeGreaterThanOrEqual(Math.ceil(staff / pageSize))
    })

    it('listings leave out what the planner never reads, and the server honours it', async () => {
      const from = proxy.requests().length
      const plan = await core.api['directory.preview']({})
      expect(plan.counts.user.update).toBe(0)
      const listed = proxy
        .requests()
        .slice(from)
        .filter((r) => r.startsWith('GET') && /\/(Users|Groups)\?start/.test(r))
      expect(listed.length).toBeGreaterThan(0)
      expect(listed.every((r) => r.includes('excludedAttributes='))).toBe(true)
      const page = await fetch(`${proxy.baseUrl}/Users?startIndex=1&count=2&excludedAttributes=meta,groups`, {
        headers: { authorization: `Bearer ${upstream.token}` },
      })
      const users = ((await page.json()) as { Resources: Record<string, unknown>[] }).Resources
      expect(users.map((u) => Object.keys(u).filter((k) => k === 'meta' || k === 'groups'))).toEqual([[], []])
    })

    async function expectStoppedBeforePlanning(): Promise<void> {
      await configure(staff - 2 * leavers)
      const activeBefore = await activeOnServer()
      const from = proxy.requests().length
      const run = await confirmedDirectoryRun(core.api)
      expect(run.outcome).toBe('error')
      expect(run.message.en).toContain('stopped before planning anything (no suspension, no deletion)')
      expect(run.message.ja).toContain('何も計画せず')
      expect(writesSince(from)).toEqual([])
      expect(await activeOnServer()).toBe(activeBefore)
      const history = await core.api['history.search']({ filter: { category: 'directory', level: 'error' } })
      expect(history.entries[0]!.messageEn).toContain('listing could not be read completely')
      expect((await core.api['directory.status']({})).lastRun?.outcome).toBe('error')
    }

    it('a listing page that keeps failing (injected fault): the run stops, nothing is suspended or deleted', async () => {
      Object.assign(proxy.faults, { failPagesFrom: pageSize + 1, failStatus: 400 })
      await expectStoppedBeforePlanning()
    })

    it('a server ignoring startIndex (injected fault): the run stops, nothing is suspended or deleted', async () => {
      proxy.faults.ignoreStartIndex = true
      await expectStoppedBeforePlanning()
    })
  },
)
