import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import type { NewHistoryEntry } from '../../src/shared/model/history'
import { makeEntries, writeJsonl } from '../support/history-fixtures'
import { openTestCore, tempDataDir } from '../support/test-core'

/** Issue 10 item 7: the site pick list, site prefix match, count == export, labels in the CSV. */
const now = Date.parse('2026-11-23T12:00:00+09:00')
let dataDir: string
let core: Core

function seed(entries: readonly NewHistoryEntry[]): void {
  const file = join(dataDir, `seed-${Math.random()}.jsonl`)
  writeJsonl(file, entries)
  core.files.importHistory(file)
}

/** The site column of every entry a filter finds, page after page. */
async function sitesFound(site: string): Promise<string[]> {
  const found: string[] = []
  let cursor: { ts: number; id: number } | undefined
  for (;;) {
    const page = await core.api['history.search']({ filter: { site }, limit: 500, cursor })
    found.push(...page.entries.map((e) => e.site))
    if (!page.nextCursor) return found
    cursor = page.nextCursor
  }
}

const tally = (sites: readonly string[]): Record<string, number> =>
  sites.reduce<Record<string, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {})

beforeEach(async () => {
  dataDir = tempDataDir('renkei-history-sites-')
  core = await openTestCore(dataDir)
})
afterEach(async () => {
  await core.close()
})

describe('site pick list and prefix match', () => {
  beforeEach(() => {
    seed([
      ...makeEntries({ count: 30, site: '山田商事', newest: now }),
      ...makeEntries({ count: 20, site: '山田工業', newest: now - 1000 }),
      ...makeEntries({ count: 10, site: '小山田', newest: now - 2000 }),
      ...makeEntries({ count: 5, site: '50%_off', newest: now - 3000 }),
      ...makeEntries({ count: 5, site: '500社', newest: now - 4000 }),
      ...makeEntries({ count: 5, site: '5x0', newest: now - 5000 }),
      ...makeEntries({ count: 3, site: '', newest: now - 6000, uidPrefix: 'local' }),
    ])
  })

  it('lists every distinct site once, in order, without the empty site of local entries; and the categories', async () => {
    const facets = await core.api['history.facets']({})
    expect(facets.sites).toEqual(['500社', '50%_off', '5x0', '小山田', '山田商事', '山田工業'].sort())
    expect(facets.categories).toEqual(expect.arrayContaining(['社員', '部署', 'スケジュール', '在席状況']))
    expect(facets.truncated).toBe(false)
  })

  it('matches sites that start with the text: 「山田」 finds 山田商事 and 山田工業, not 小山田', async () => {
    expect(tally(await sitesFound('山田'))).toEqual({ 山田商事: 30, 山田工業: 20 })
    expect(tally(await sitesFound('山田商'))).toEqual({ 山田商事: 30 })
    expect(tally(await sitesFound('山田商事'))).toEqual({ 山田商事: 30 })
    expect(await sitesFound('田')).toEqual([])
    const count = await core.api['history.count']({ filter: { site: '山田' } })
    expect(count).toMatchObject({ count: 50, atLeast: false })
  })

  it('takes %, _ and \\ literally', async () => {
    expect(tally(await sitesFound('50%'))).toEqual({ '50%_off': 5 })
    expect(tally(await sitesFound('5_'))).toEqual({})
    expect(tally(await sitesFound('%'))).toEqual({})
    expect(tally(await sitesFound('5'))).toEqual({ '50%_off': 5, '500社': 5, '5x0': 5 })
    expect(await sitesFound('\\')).toEqual([])
  })
})

it('finds the same entries, newest first, when a prefix matches more than 10,000 entries of several sites', async () => {
  seed([
    ...makeEntries({ count: 10_500, site: '拠点A', newest: now, stepMs: 1000 }),
    ...makeEntries({ count: 600, site: '拠点B', newest: now - 500, stepMs: 1000 }),
    ...makeEntries({ count: 50, site: '本社', newest: now - 700, stepMs: 1000 }),
  ])
  const page = await core.api['history.search']({ filter: { site: '拠点' }, limit: 500 })
  expect(new Set(page.entries.map((e) => e.site))).toEqual(new Set(['拠点A', '拠点B']))
  const times = page.entries.map((e) => e.ts)
  expect([...times].sort((a, b) => b - a)).toEqual(times)
  expect(await core.api['history.count']({ filter: { site: '拠点' } })).toMatchObject({ atLeast: true })
  expect(await core.api['history.count']({ filter: { site: '拠点B' } })).toMatchObject({ count: 600 })
})

describe('the count shown before an export is what the export writes', () => {
  it('a JSONL export after a CSV export writes the counted entries, not the CSV export’s audit line', async () => {
    seed(makeEntries({ count: 16, site: 'A社', newest: now }))
    // No filter, so the audit lines the exports write would match it too.
    const count = await core.api['history.count']({ filter: {} })
    expect(count.count).toBe(16)
    const csv = await core.api['history.export']({ filter: {}, format: 'csv', throughId: count.throughId })
    expect(csv.rows).toBe(16)
    const jsonl = await core.api['history.export']({
      filter: {},
      format: 'jsonl',
      throughId: count.throughId,
    })
    expect(jsonl.rows).toBe(16)
    expect(jsonl.content.trimEnd().split('\n')).toHaveLength(16)
    expect(jsonl.content).not.toContain('履歴を')
    // A fresh count includes the two audit lines, and an export with it writes them all.
    const fresh = await core.api['history.count']({ filter: {} })
    expect(fresh.count).toBe(18)
    const again = await core.api['history.export']({
      filter: {},
      format: 'jsonl',
      throughId: fresh.throughId,
    })
    expect(again.rows).toBe(18)
    expect(again.content.trimEnd().split('\n')).toHaveLength(18)
  })

  it('rows is the number of lines written, for CSV too', async () => {
    seed(makeEntries({ count: 7, site: 'B社', newest: now }))
    const file = await core.api['history.export']({ filter: { site: 'B社' }, format: 'csv' })
    const records = parse(file.content.slice(1), { relax_column_count: false }) as string[][]
    expect(file.rows).toBe(records.length - 1)
    expect(file.rows).toBe(7)
  })
})

describe('CSV labels follow the export language', () => {
  beforeEach(() => {
    seed([
      {
        uid: 'c1',
        ts: now,
        site: '',
        direction: 'local',
        category: 'calendar',
        level: 'info',
        message: 'カレンダー',
      },
      {
        uid: 'c2',
        ts: now - 1,
        site: '',
        direction: 'local',
        category: 'audit',
        level: 'info',
        message: '管理',
      },
      {
        uid: 'c3',
        ts: now - 2,
        site: 'A社',
        direction: 'send',
        category: 'directory',
        level: 'error',
        message: 'ディレクトリ',
      },
      {
        uid: 'c4',
        ts: now - 3,
        site: 'A社',
        direction: 'receive',
        category: '社員',
        level: 'info',
        message: '社員',
      },
    ])
  })

  async function csvRows(language: 'ja' | 'en'): Promise<string[][]> {
    const file = await core.api['history.export']({ filter: {}, format: 'csv', language })
    return (parse(file.content.slice(1)) as string[][]).slice(1)
  }

  it('Japanese: category words, and このマシン for local entries', async () => {
    const rows = await csvRows('ja')
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ['このマシン', 'カレンダー同期'],
      ['このマシン', '管理操作'],
      ['A社', 'ディレクトリ同期'],
      ['A社', '社員'],
    ])
  })

  it('English: category words, and This machine for local entries', async () => {
    const rows = await csvRows('en')
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ['This machine', 'Calendar sync'],
      ['This machine', 'Admin action'],
      ['A社', 'Directory sync'],
      ['A社', '社員'],
    ])
  })

  it('JSON Lines stays exact: codes and the empty site', async () => {
    const file = await core.api['history.export']({ filter: {}, format: 'jsonl', language: 'en' })
    const first = JSON.parse(file.content.split('\n')[0]!) as { site: string; category: string }
    expect(first).toMatchObject({ site: '', category: 'calendar' })
  })
})
