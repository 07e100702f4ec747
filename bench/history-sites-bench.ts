import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HistoryFilter } from '../src/shared/api'
import { maxCsvExportRows } from '../src/shared/model/history'
import { HistoryRepository } from '../src/main/core/history/history-repository'
import { openDatabase, type Db } from '../src/main/core/store/database'

/**
 * The history screen's site pick list and prefix filter on a large history: one site holds most entries
 * (the worst case for a prefix that matches it), 300 more share the rest, a tenth are local (no site).
 */
const minorSites = Array.from({ length: 300 }, (_, i) =>
  i === 7 ? '山田商事' : `拠点${String(i).padStart(3, '0')}`,
)

function fill(db: Db, total: number, now: number): void {
  const insert = db.prepare(
    `INSERT INTO history (uid, ts, site, direction, category, level, message)
     VALUES (?, ?, ?, 'send', ?, 'info', 'bench')`,
  )
  const batch = 100_000
  for (let done = 0; done < total; done += batch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(total, done + batch); i++) {
        const site =
          i % 10 === 0 ? '' : i % 10 < 7 ? 'A社' : minorSites[Math.floor(i / 10) % minorSites.length]!
        insert.run(`b${i}`, now - (total - i) * 60_000, site, i % 3 ? 'calendar' : 'audit')
      }
    })()
  }
  db.pragma('optimize')
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = run()
  return { ms: performance.now() - start, value }
}

function row(label: string, ms: number, goal: number): void {
  const verdict = ms < goal ? 'met' : 'NOT met'
  console.log(`  ${label.padEnd(56)} ${`${ms.toFixed(1)} ms`.padStart(12)}  goal < ${goal} ms: ${verdict}`)
}

export function runSitesBench(total: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-bench-sites-'))
  const now = Date.now()
  const db = openDatabase(dir)
  try {
    console.log(`\nHistory sites: ${total.toLocaleString()} entries, ${minorSites.length + 1} sites`)
    fill(db, total, now)
    const history = new HistoryRepository(db, () => now)
    const facets = time(() => history.facets())
    row(
      `pick list: ${facets.value.sites.length} sites, ${facets.value.categories.length} categories`,
      facets.ms,
      20,
    )
    const filters: [string, HistoryFilter][] = [
      ['prefix of the big site "A"', { site: 'A' }],
      ['prefix of a small site "山田"', { site: '山田' }],
      ['prefix of 300 sites "拠点"', { site: '拠点' }],
      ['prefix nothing starts with "50%_"', { site: '50%_' }],
    ]
    for (const [label, filter] of filters) {
      row(`first page, ${label}`, time(() => history.search(filter, 100)).ms, 50)
      row(`export count, ${label}`, time(() => history.countCapped(filter, maxCsvExportRows)).ms, 100)
    }
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) runSitesBench(Number(process.env.BENCH_HISTORY_ENTRIES ?? 1_000_000))
