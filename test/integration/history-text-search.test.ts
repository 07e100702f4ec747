import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryCursor, HistoryFilter } from '../../src/shared/api'
import type { Core } from '../../src/main/core/core-types'
import type { HistoryEntry, NewHistoryEntry } from '../../src/shared/model/history'
import { makeEntries, writeJsonl } from '../support/history-fixtures'
import { openTestCore, tempDataDir } from '../support/test-core'

const now = Date.parse('2026-11-23T12:00:00+09:00')
const day = 86_400_000
let dataDir: string
let core: Core

beforeEach(async () => {
  dataDir = tempDataDir('renkei-text-search-')
  core = await openTestCore(dataDir)
})
afterEach(async () => {
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
})

function seed(entries: readonly NewHistoryEntry[]): void {
  const file = join(dataDir, `seed-${Math.random()}.jsonl`)
  writeJsonl(file, entries)
  core.files.importHistory(file)
}

/** Every page, following the cursor to the end. */
async function searchAll(filter: HistoryFilter): Promise<HistoryEntry[]> {
  const found: HistoryEntry[] = []
  let cursor: HistoryCursor | undefined
  for (;;) {
    const page = await core.api['history.search']({ filter, limit: 100, cursor })
    expect(page.entries.length).toBeLessThanOrEqual(100)
    found.push(...page.entries)
    if (!page.nextCursor) return found
    cursor = page.nextCursor
  }
}

const messages = [
  '大阪支社の社員を連携しました',
  '東京本社へ予定を送信しました',
  '社員「山田 太郎」を停止しました',
  'ＬＤＡＰ接続に失敗しました（全角）',
  'Synchronised 50%_off "quoted" item',
  '𠮷野家の予定を連携しました',
]

describe('free-text search through the trigram index', () => {
  it('finds exactly what a substring match finds, for 1, 2 and 3+ characters, across months', async () => {
    const entries = Array.from({ length: 600 }, (_, i) => ({
      uid: `m-${i}`,
      ts: now - i * 4 * 3_600_000, // 100 days: four months of index
      direction: 'local' as const,
      category: '社員',
      level: 'info' as const,
      message: messages[i % messages.length]!,
      messageEn: i % 2 ? `English line ${i}` : null,
    }))
    seed(entries)
    const queries = [
      '連携しました',
      '社員',
      '社',
      '𠮷野',
      '送信',
      'ＬＤＡＰ',
      '50%_off',
      '"quoted"',
      'line 13',
      'LINE 13',
      '該当なし',
    ]
    for (const text of queries) {
      const expected = entries
        .filter((e) =>
          [e.message, e.messageEn ?? ''].some((m) => m.toLowerCase().includes(text.toLowerCase())),
        )
        .map((e) => e.uid)
      const found = (await searchAll({ text })).map((e) => e.uid)
      expect(found, text).toEqual(expected)
      const count = await core.api['history.count']({ filter: { text } })
      expect(count.count, text).toBe(expected.length)
    }
    const inPeriod = await searchAll({ text: '連携しました', from: now - 10 * day, to: now - 5 * day })
    expect(inPeriod.length).toBeGreaterThan(0)
    expect(inPeriod.every((e) => e.ts >= now - 10 * day && e.ts < now - 5 * day)).toBe(true)
  })

  it('pages a 1-2 character search in bounded steps and still finds a match older than 100,000 entries', async () => {
    seed([
      ...makeEntries({ count: 100_050, site: 'A社', newest: now, stepMs: 1000 }),
      ...['稀な障害', '稀少', '稀'].map((message, i) => ({
        uid: `rare-${i}`,
        ts: now - 200 * day - i,
        direction: 'local' as const,
        category: 'x',
        level: 'error' as const,
        message,
      })),
    ])
    const first = await core.api['history.search']({ filter: { text: '稀' }, limit: 100 })
    expect(first.entries).toHaveLength(0)
    expect(first.nextCursor).not.toBeNull()
    expect((await searchAll({ text: '稀' })).map((e) => e.uid)).toEqual(['rare-0', 'rare-1', 'rare-2'])
    expect((await searchAll({ text: '稀少' })).map((e) => e.uid)).toEqual(['rare-1'])
    // 3+ characters use the index: one page, at once.
    const indexed = await core.api['history.search']({ filter: { text: '稀な障害' }, limit: 100 })
    expect(indexed.entries.map((e) => e.uid)).toEqual(['rare-0'])
    expect(indexed.nextCursor).toBeNull()
  }, 120_000)

  it('after a prune, finds the rewritten audit line by its final text and the entries left', async () => {
    seed([
      ...makeEntries({ count: 300, site: '旧', newest: now - 400 * day, stepMs: 3_600_000 }),
      ...makeEntries({ count: 30, site: '新', newest: now, stepMs: 3_600_000 }),
    ])
    const result = await core.files.pruneHistory(now - 365 * day)
    expect(result.deleted).toBe(300)
    const done = await searchAll({ text: '件削除しました', category: 'audit' })
    expect(done).toHaveLength(1)
    expect(await searchAll({ text: 'これまでに' })).toHaveLength(0)
    expect(await searchAll({ text: '旧の社員' })).toHaveLength(0)
    expect((await searchAll({ text: '新の社員' })).length).toBeGreaterThan(0)
  })
})
