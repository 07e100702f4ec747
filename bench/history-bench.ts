import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HistoryCursor, HistoryFilter } from '../src/shared/api'
import type { Direction, Level, NewHistoryEntry } from '../src/shared/model/history'
import { exportHistory } from '../src/main/core/history/history-export'
import { pruneHistory, retentionCutoff } from '../src/main/core/history/history-pruner'
import { HistoryRepository } from '../src/main/core/history/history-repository'
import { openDatabase, type Db } from '../src/main/core/store/database'

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

/** Bytes of the tables whose names match a LIKE pattern (SQLite's dbstat). */
function bytesOf(db: Db, pattern: string): number {
  const sql = 'SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE name LIKE ?'
  return (db.prepare(sql).get(pattern) as { n: number }).n
}

/** What the trigram index costs: its share of the file, and the insert time with and without it. */
function printIndexCost(db: Db, now: number): void {
  const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`
  const text = bytesOf(db, 'history_fts_%')
  const table = bytesOf(db, 'history') + bytesOf(db, 'history_%') - text
  row('size: history table and its indexes', mib(table))
  row('size: trigram text index (all months)', mib(text), `(+${((100 * text) / table).toFixed(0)}%)`)
  const sample = [...generate(100_000, now, 86_400_000)]
  const dir = mkdtempSync(join(tmpdir(), 'renkei-bench-cost-'))
  const scratch = openDatabase(dir)
  try {
    const withIndex = new HistoryRepository(scratch, () => now)
    let start = performance.now()
    withIndex.appendMany(sample)
    const indexedUs = (ms(start) * 1000) / sample.length
    const plain = scratch.prepare(
      `INSERT INTO history (uid, ts, site, direction, category, level, message, message_en, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
    )
    start = performance.now()
    scratch.transaction(() => {
      sample.forEach((e, i) => plain.run(`p${i}`, e.ts, e.site, e.direction, e.category, e.level, e.message))
    })()
    const plainUs = (ms(start) * 1000) / sample.length
    row(
      'insert cost per entry with / without the text index',
      `${indexedUs.toFixed(1)} / ${plainUs.toFixed(1)} µs`,
    )
  } finally {
    scratch.close()
    rmSync(dir, { recursive: true, force: true })
  }
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
      'insert rate (100k-row transactions, text index included)',
      `${Math.round(total / (insertMs / 1000)).toLocaleString()} /s`,
      `(${(insertMs / 1000).toFixed(1)} s total)`,
    )
    printIndexCost(db, now)

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
    const texts: [string, HistoryFilter][] = [
      ['rare, 3+ characters (trigram index)', { text: '12345件目' }],
      ['common, 3+ characters', { text: '送信しました' }],
      ['rare, 3+ characters, with a site', { text: '12345件目', site: '拠点06' }],
      ['old entries only, 3+ characters', { text: '在席状況を送信', to: now - 400 * 86_400_000 }],
      ['common, 2 characters (LIKE over the newest)', { text: '拠点' }],
      ['absent, 1 character (bounded LIKE window)', { text: '稀' }],
    ]
    for (const [label, filter] of texts) {
      start = performance.now()
      history.search(filter, 100)
      const latency = ms(start)
      row(`first page, free text: ${label}`, `${latency.toFixed(1)} ms`, verdict(latency, 100))
    }
    for (const [label, filter] of texts.slice(0, 2)) {
      start = performance.now()
      const count = history.countCapped(filter, 10_000)
      const shown = `${count.count}${count.atLeast ? '+' : ''}`
      row(`count for the 10,000 rule, free text: ${label} (${shown})`, `${ms(start).toFixed(1)} ms`)
    }

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
    const batchMs: number[] = []
    const result = await pruneHistory(history, cutoff, { onBatch: (elapsed) => batchMs.push(elapsed) })
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
    batchMs.sort((a, b) => a - b)
    const at = (q: number): string => (batchMs[Math.floor(q * (batchMs.length - 1))] ?? 0).toFixed(1)
    row(
      '  prune batch times p50 / p99 / p99.9',
      `${at(0.5)} / ${at(0.99)} / ${at(0.999)} ms`,
      `(${batchMs.filter((t) => t >= 50).length} of ${batchMs.length} at 50 ms or more)`,
    )
    row(
      `  text index months dropped (${result.droppedMonths})`,
      `${result.longestDropMs.toFixed(1)} ms`,
      `longest drop; ${verdict(result.longestDropMs, 50)}`,
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
