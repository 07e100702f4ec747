import { rmSync } from 'node:fs'
import { afterEach, expect, it, vi } from 'vitest'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { confirmedDirectoryRun } from '../support/directory-run'
import { openLinkedPair } from '../support/exchange-sites'

const MINUTE = 60_000
let close: () => Promise<void> = async () => {}

afterEach(async () => {
  await close()
})

it('a directory import plans a send of employees, departments and positions that goes 15 minutes later (in-process transport)', async () => {
  const clock = new TestClock(Date.parse('2026-12-02T13:00:00+09:00'))
  const pair = await openLinkedPair({ clock, startScheduler: true })
  const { a, b } = pair
  close = async () => {
    await pair.close()
    for (const site of [a, b]) rmSync(site.dir, { recursive: true, force: true })
  }
  await a.core.api['directory.config.update']({
    source: { kind: 'csv', ...writeDirectoryCsv(a.dir, people(5)) },
  })
  const importedAt = clock.now()
  await confirmedDirectoryRun(a.core.api)

  expect(await a.core.api['link.activity']({ id: a.linkId })).toMatchObject({
    // 'rules' too: group targets travel with their members, which the import may have changed.
    plannedKinds: ['employee', 'department', 'position', 'rules'],
    plannedSendAt: importedAt + 15 * MINUTE,
  })
  await clock.advance(15 * MINUTE - 1)
  expect(a.sent).toEqual([])
  await clock.advance(1)
  await vi.waitFor(async () =>
    expect((await b.core.api['link.partnerDirectory']({ id: b.linkId, query: '山田' })).total).toBe(5),
  )
  const sender = await a.core.api['link.activity']({ id: a.linkId })
  expect(sender).toMatchObject({
    plannedKinds: [],
    plannedSendAt: null,
    lastSendAt: importedAt + 15 * MINUTE,
  })
})
