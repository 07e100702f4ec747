/**
 * The rooms core inside the whole core (openTestCore): settings persist across a restart, marked groups of an
 * imported home directory become communities, and an event taken in through the API is a replay the second
 * time. The target part is not exercised here (rooms-core.test.ts drives runs through a recording double).
 */
import { rmSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { openTestCore, tempDataDir } from '../support/test-core'

const dir = tempDataDir('renkei-rooms-wiring-')
let core: Core | null = null
afterEach(async () => {
  await core?.close()
  rmSync(dir, { recursive: true, force: true })
})

it('reads marked groups, takes an event in once and keeps both across a restart', async () => {
  const staff = [testEmployee(1, { groups: ['COM-a'] }), testEmployee(2, { groups: ['COM-a'] })]
  writeHome(dir, { ...testSnapshot(staff), groups: [{ code: 'COM-a', nameJa: 'A 会', nameEn: null }] })
  core = await openTestCore(dir)
  await core.api['rooms.settings.update']({
    enabled: true,
    communities: { codePatterns: ['COM-*'], defaultOwner: 'E000001' },
  })
  const event = {
    id: 'e-1',
    kind: 'community.created' as const,
    community: { code: 'ext-1', name: '外部', creator: 'user2' },
    members: ['user1', 'nobody'],
  }
  expect(await core.api['rooms.events.ingest']({ event })).toMatchObject({
    accepted: true,
    unknown: ['nobody'],
  })
  expect(await core.api['rooms.events.ingest']({ event })).toMatchObject({ accepted: false })
  await core.close()
  core = await openTestCore(dir)
  expect((await core.api['rooms.settings.get']({})).communities.codePatterns).toEqual(['COM-*'])
  const page = await core.api['rooms.communities.list']({})
  expect(page.communities.map((c) => [c.code, c.source, c.members])).toEqual([
    ['COM-a', 'directory', 2],
    ['ext-1', 'inbound', 1],
  ])
})
