import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HistoryCursor, HistoryFilter } from '../src/shared/api'
import type { Direction, Level, NewHistoryEntry } from '../src/shared/model/history'
import { exportHistory } from '../src/main/core/history/history-export'
import { pruneHistory, retentionCutoff } from '../src/main/core/history/history-pruner'
import { HistoryRepository } from '../src/main/core/history/history-repository'
import { openDatabase } from '../src/main/core/store/database'

const sites = Array.from({ length: 20 }, (_, i) => `拠点${String(i + 1).padStart(2, '0')}`)
const directions: Direction[] = ['send', 'receive', 'local']
const levels: Level[] = [
  'info',
  'info',
  'info',
  'info',
  'info',
  'info',
  'info',
  'warning',
  'warning',
  'error',
]
const categories = ['社員', '部署', '役職', 'スケジュール', '在席状況', 'audit', 'scheduler']

function* generate(count: number, newest: number, spanMs: number): Generator<NewHistoryEntry> {
  for (let i = 0; i < count; i++) {
    yield {
      ts: newest - Math.floor((i / count) * spanMs),
      site: sites[i % sites.length]!,
      direction: directions[i % 3]!,
      category: categories[i % categories.length]!,
      level: levels[i % levels.length]!,
      message: `${sites[i % sites.length]}へ${categories[i % categories.length]}を送信しました（${i}件目）`,
      detail: i % 10 === 0 ? { index: i } : null,
    }
  }
}

function ms(start: number): number {
  return performance.now() - start
}

function row(label: string, value: string, goal = ''): void {
  console.log(`  ${label.padEnd(52)} ${value.padStart(14)}  ${goal}`)
}

function verdict(value: number, goal: number): string {
  return `goal < ${goal} ms: ${value < goal ? 'met' : 'NOT met'}`
}

/** Walks the keyset cursor to the requested page and times that page alone; null when there are fewer pages. */
function pageLatency(history: HistoryRepository, filter: HistoryFilter, pageNumber: number): number | null {
  let cursor: HistoryCursor | undefined
  for (let i = 1; i < pageNumber; i++) {
    cursor = history.search(filter, 100, cursor).nextCursor ?? undefined
    if (!cursor) return null
  }
  const start = performance.now()
  history.search(filter, 100, cursor)
  return ms(start)
}

export async function runHistoryBench(total: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-bench-'))
  const now = Date.now()
  const db = openDatabase(dir)
  const history = new HistoryRepository(db, () => now)
  try {
    console.log(`\nSync history: ${total.toLocaleString()} entries over 2 years, 20 sites (data dir ${dir})`)
    let start = performance.now()
    const batch = 100_000
    const source = generate(total, now, 2 * 365 * 86_400_000)
    for (let done = 0; done < total; done += batch) {
      const chunk: NewHistoryEntry[] = []
      for (let i = 0; i < batch; i++) {
        const next = source.next()
        if (next.done) break
        chunk.push(next.value)
      }
      history.appendMany(chunk)
    }
    const insertMs = ms(start)
    row(
      'insert rate (100k-row transactions)',
      `${Math.round(total / (insertMs / 1000)).toLocaleString()} /s`,
      `(${(insertMs / 1000).toFixed(1)} s total)`,
    )

    const filters: [string, HistoryFilter][] = [
      ['no filter', {}],
      ['site', { site: '拠点07' }],
      ['site + level warning', { site: '拠点08', level: 'warning' }],
      // Site and level are correlated in this data set: no entry matches, the worst case for an index walk.
      ['site + level error (none match)', { site: '拠点07', level: 'error' }],
      ['category + direction', { category: 'スケジュール', direction: 'send' }],
    ]
    for (const [label, filter] of filters) {
      for (const page of [1, 1000]) {
        const latency = pageLatency(history, filter, page)
        const label2 = `page ${page.toLocaleString()} (100 each, keyset), ${label}`
        if (latency === null) row(label2, 'n/a', '(fewer pages match)')
        else row(label2, `${latency.toFixed(2)} ms`, verdict(latency, 50))
      }
    }
    start = performance.now()
    history.search({ text: '12345件目' }, 100)
    row('first page, free text (LIKE scan, rare match)', `${ms(start).toFixed(0)} ms`, '(no goal set)')

    // The newest 10,000 entries of one site: the largest export the rule allows.
    let oldestOfTenThousand = now
    for (const entry of history.iterate({ site: '拠点07' }, 10_000)) oldestOfTenThousand = entry.ts
    const narrow: HistoryFilter = { site: '拠点07', from: oldestOfTenThousand }
    const matching = history.countAll(narrow)
    start = performance.now()
    const csv = exportHistory(history, narrow, 'csv', 'ja', now)
    const exportMs = ms(start)
    row(
      `CSV export (${csv.rows.toLocaleString()} rows of ${matching.toLocaleString()} matching)`,
      `${exportMs.toFixed(0)} ms`,
      verdict(exportMs, 300),
    )

    start = performance.now()
    const capped = history.countCapped({ site: '拠点07' }, 10_000)
    row(
      `count for the 10,000 rule (capped: ${capped.count}${capped.atLeast ? '+' : ''})`,
      `${ms(start).toFixed(2)} ms`,
    )
    start = performance.now()
    const exact = history.countAll({ site: '拠点07' })
    row(`exact count for the refusal message (${exact.toLocaleString()})`, `${ms(start).toFixed(0)} ms`)

    const cutoff = retentionCutoff(now, 12)
    const old = history.countAll({ to: cutoff })
    const result = await pruneHistory(history, cutoff)
    row(
      `prune older than 1 year (${result.deleted.toLocaleString()} of ${old.toLocaleString()})`,
      `${(result.totalMs / 1000).toFixed(1)} s`,
      `${result.batches} batches`,
    )
    row(
      '  longest single prune batch',
      `${result.longestBatchMs.toFixed(1)} ms`,
      verdict(result.longestBatchMs, 50),
    )
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runHistoryBench(Number(process.env.BENCH_HISTORY_ENTRIES ?? 5_000_000)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
