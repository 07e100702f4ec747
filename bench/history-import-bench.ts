/**
 * Importing a large JSON Lines archive (what `history export --format jsonl` writes before a prune):
 * the import streams it, so memory stays bounded whatever the file's size.
 * Size: BENCH_HISTORY_IMPORT_ENTRIES (2,000,000, a file over 512 MiB).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importArchive } from '../src/main/core/history/history-archive'
import { HistoryRepository } from '../src/main/core/history/history-repository'
import { openDatabase } from '../src/main/core/store/database'

/** Peak resident memory of this process so far (Linux), in MiB. */
function peakRssMiB(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1048576
}

function row(label: string, value: string, goal = ''): void {
  console.log(`  ${label.padEnd(52)} ${value.padStart(14)}  ${goal}`)
}

function writeArchiveFile(file: string, count: number, newest: number): void {
  const fd = openSync(file, 'w')
  let chunk: string[] = []
  for (let i = 0; i < count; i++) {
    const site = `拠点${String((i % 20) + 1).padStart(2, '0')}`
    chunk.push(
      JSON.stringify({
        uid: `bench-${i}`,
        ts: newest - i * 15_000,
        site,
        direction: 'send',
        category: 'スケジュール',
        level: 'info',
        message: `${site}へスケジュールを送信しました（${i}件目）。件名「定例会議」`,
        messageEn: `Sent a schedule to ${site} (entry ${i}), subject "weekly meeting"`,
        detail: { index: i, attempt: 1 },
      }),
    )
    if (chunk.length === 10_000) {
      writeSync(fd, `${chunk.join('\n')}\n`)
      chunk = []
    }
  }
  if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`)
  closeSync(fd)
}

export function runHistoryImportBench(count: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-bench-import-'))
  const file = join(dir, 'archive.jsonl')
  try {
    console.log(`\nHistory import: a ${count.toLocaleString()}-entry JSON Lines archive (data dir ${dir})`)
    writeArchiveFile(file, count, Date.now())
    const size = statSync(file).size
    row('archive size', `${(size / 1048576).toFixed(0)} MiB`, size > 512 * 1048576 ? '(over 512 MiB)' : '')
    const before = peakRssMiB()
    const db = openDatabase(dir)
    try {
      const history = new HistoryRepository(db, () => Date.now())
      const start = performance.now()
      const result = importArchive(history, file)
      const seconds = (performance.now() - start) / 1000
      row('entries imported', result.inserted.toLocaleString(), `(${seconds.toFixed(0)} s)`)
      row(
        'import rate (1,000-entry transactions)',
        `${Math.round(result.inserted / seconds).toLocaleString()} /s`,
      )
      const peak = peakRssMiB()
      row(
        'peak RSS (whole process)',
        `${peak.toFixed(0)} MiB`,
        `goal < 300 MiB: ${peak < 300 ? 'met' : 'NOT met'}`,
      )
      row('  of which before the import', `${before.toFixed(0)} MiB`)
    } finally {
      db.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runHistoryImportBench(Number(process.env.BENCH_HISTORY_IMPORT_ENTRIES ?? 2_000_000))
}
