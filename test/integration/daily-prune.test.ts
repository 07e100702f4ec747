import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { makeEntries, writeJsonl } from '../support/history-fixtures'
import { openTestCore, tempDataDir } from '../support/test-core'

describe('daily history pruning (unattended)', () => {
  it('runs at 03:30 local time and removes exactly the entries older than the retention', async () => {
    const start = Date.parse('2026-11-23T22:00:00+09:00')
    const clock = new TestClock(start)
    const dataDir = tempDataDir('renkei-daily-')
    const core = await openTestCore(dataDir, { version: 't', clock, startScheduler: true })
    try {
      const pruneAt = Date.parse('2026-11-24T03:30:00+09:00')
      const cutoff = Date.parse('2025-11-24T03:30:00+09:00')
      const archive = join(dataDir, 'seed.jsonl')
      writeJsonl(archive, [
        ...makeEntries({ count: 300, site: '旧', newest: cutoff - 1, stepMs: 60_000 }),
        ...makeEntries({ count: 200, site: '新', newest: start, stepMs: 60_000 }),
        {
          uid: 'edge',
          ts: cutoff,
          direction: 'local',
          category: 'edge',
          level: 'info',
          message: 'ちょうど1年前',
        },
      ])
      core.files.importHistory(archive)
      const [job] = await core.api['jobs.list']({})
      expect(job).toMatchObject({ id: 'history.prune', nextRunAt: pruneAt })

      await clock.advance(pruneAt - start)
      await vi.waitFor(async () => expect((await core.api['jobs.list']({}))[0]?.lastOutcome).toBe('ok'))

      expect((await core.api['history.count']({ filter: { site: '旧' } })).count).toBe(0)
      expect((await core.api['history.count']({ filter: { site: '新' } })).count).toBe(200)
      expect((await core.api['history.count']({ filter: { category: 'edge' } })).count).toBe(1)
      const [record] = (await core.api['history.search']({ filter: { category: 'scheduler' } })).entries
      expect(record?.message).toBe('同期履歴の自動削除: 1年より前の履歴を 300 件削除しました')
      expect(record?.messageEn).toBe('Sync history pruning: Removed 300 entries older than 1 year(s)')
      expect((await core.api['jobs.list']({}))[0]?.nextRunAt).toBe(pruneAt + 86_400_000)
    } finally {
      await core.close()
    }
  })
})
