import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import type { NewHistoryEntry } from '../../src/shared/model/history'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { writeJsonl } from '../support/history-fixtures'
import { openTestCore, tempDataDir } from '../support/test-core'
import { confirmedDirectoryRun } from '../support/directory-run'

let dir: string
let core: Core
/** Noon, local time, so every offset below lands on a known local day. */
const now = new Date(2026, 10, 23, 12, 0, 0).getTime()
const at = (daysBack: number, hour: number): number => new Date(2026, 10, 23 - daysBack, hour, 30).getTime()

beforeEach(async () => {
  dir = tempDataDir('renkei-health-series-')
  core = await openTestCore(dir, { clock: new TestClock(now) })
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

let uid = 0
function entry(ts: number, category: string, level: NewHistoryEntry['level']): NewHistoryEntry {
  return { uid: `series-${++uid}`, ts, direction: 'local', category, level, message: 'x', messageEn: 'x' }
}

describe('the 7-day series of runs and errors', () => {
  it('counts job runs and error entries per local day from the history, oldest first', async () => {
    const file = join(dir, 'seed.jsonl')
    writeJsonl(file, [
      entry(at(8, 10), 'scheduler', 'info'), // too old: outside the 7 days
      entry(at(6, 0), 'scheduler', 'info'),
      entry(at(6, 23), 'scheduler', 'warning'),
      entry(at(6, 9), 'calendar', 'error'),
      entry(at(3, 1), 'calendar', 'error'),
      entry(at(3, 2), 'directory', 'error'),
      entry(at(3, 3), 'calendar', 'info'),
      entry(at(0, 8), 'scheduler', 'error'), // a failed run is a run and an error
    ])
    core.files.importHistory(file)
    // A real run today adds the scheduler's own line.
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(1)) },
    })
    await confirmedDirectoryRun(core.api)

    const { series } = await core.api['health.get']({})
    expect(series.map((d) => d.day)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ])
    expect(series.map((d) => [d.runs, d.errors])).toEqual([
      [2, 1],
      [0, 0],
      [0, 0],
      [0, 2],
      [0, 0],
      [0, 0],
      [2, 1],
    ])
  })
})
