/**
 * Issue 9 item 8: a SCIM first run writes one request per new person, several at once; a run with nothing
 * to change only pages through the collections. Against SCIMMY, seen through a pass-through layer that
 * counts the requests in flight.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startRewritingProxy, type RunningRewritingProxy } from '../support/scim-rewriting-proxy'
import { startScimServer, type RunningScimServer } from '../support/scim-server'

const staff = 60
let server: RunningScimServer
let proxy: RunningRewritingProxy
let core: Core

beforeAll(async () => {
  server = await startScimServer()
  proxy = await startRewritingProxy(server.baseUrl)
  const dir = mkdtempSync(join(tmpdir(), 'renkei-scim-writes-'))
  const secrets = new MemorySecretStore()
  await secrets.set(directorySecretNames.targetScimToken, server.token)
  const clock = new TestClock(Date.parse('2026-12-01T09:00:00+09:00'))
  core = await createCore({
    dataDir: dir,
    runtime: 'test',
    version: 'test',
    secrets,
    clock,
    startScheduler: false,
  })
  await core.api['directory.config.update']({
    source: { kind: 'csv', ...writeDirectoryCsv(dir, people(staff)) },
    target: { kind: 'scim', baseUrl: proxy.baseUrl },
  })
})
afterAll(async () => {
  await core.close()
  await proxy.stop()
  await server.stop()
})

describe('SCIM writes at scale (SCIMMY)', () => {
  it('a first run sends one POST per new person, no lookups, several at once', async () => {
    expect((await core.api['directory.run']({})).outcome).toBe('ok')
    const requests = proxy.requests()
    expect(requests.filter((r) => r.startsWith('POST /scim/v2/Users'))).toHaveLength(staff)
    expect(requests.filter((r) => r.startsWith('POST /scim/v2/Groups'))).toHaveLength(1)
    expect(requests.filter((r) => r.includes('filter='))).toEqual([])
    expect(server.users()).toHaveLength(staff)
    expect(proxy.maxInFlight()).toBeGreaterThan(1)
  })

  it('a run with nothing to change reads the collections page by page and writes nothing', async () => {
    const from = proxy.requests().length
    const run = await core.api['directory.run']({})
    expect(run.message.en).toBe('No changes')
    const requests = proxy.requests().slice(from)
    expect(requests.every((r) => /^GET \/scim\/v2\/(Users|Groups)\?startIndex=/.test(r))).toBe(true)
    // A page, then (SCIMMY starts over past the end) one more page and a one-resource probe, per collection.
    expect(requests.length).toBeLessThanOrEqual(6)
  })
})
