import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { z } from 'zod'
import type { HistoryFilter } from '../../../shared/api'
import { ApiError } from '../../../shared/model/errors'
import { directions, levels, type NewHistoryEntry } from '../../../shared/model/history'
import type { HistoryRepository } from './history-repository'
import { readLines, type TextLine } from './line-reader'
import { jsonlLine } from './history-format'

const archivedEntry = z.object({
  uid: z.string().min(1).max(100).optional(),
  ts: z.number().int().nonnegative(),
  site: z.string().max(200).default(''),
  direction: z.enum(directions),
  category: z.string().min(1).max(100),
  level: z.enum(levels),
  message: z.string(),
  messageEn: z.string().nullable().optional(),
  detail: z.unknown().optional(),
})

function lineError(file: string, line: number, problem: string): ApiError {
  return new ApiError(
    'import-failed',
    {
      ja: `${file} の ${line} 行目を読み込めません（${problem}）。ファイルを修正してからもう一度取り込んでください。何も取り込んでいません。`,
      en: `Cannot read line ${line} of ${file} (${problem}). Fix the file and import it again. Nothing was imported.`,
    },
    { file, line, problem },
  )
}

/** One archive line as an entry, or a bilingual error naming the line. */
export function parseArchiveLine(raw: string, file: string, line: number): NewHistoryEntry {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw lineError(file, line, 'not JSON')
  }
  const parsed = archivedEntry.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw lineError(file, line, `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`)
  }
  return parsed.data
}

function cannotOpen(file: string, error: unknown): ApiError {
  return new ApiError(
    'import-failed',
    {
      ja: `${file} を開けません。パスと読み取り権限を確認してください。`,
      en: `Cannot open ${file}. Check the path and read permission.`,
    },
    { cause: String(error) },
  )
}

/**
 * Rows (and characters) per transaction: a few milliseconds each, so the running app's own writes never
 * wait long, and a batch of entries with large details never holds much memory.
 */
const importBatchRows = 1000
const importBatchChars = 8 << 20

const restCell = new Int32Array(new SharedArrayBuffer(4))

/**
 * Leaves the database to other processes as long as the last batch held it: SQLite's lock is not a
 * queue, and a writer that starts its next batch at once starves the running app's writes.
 */
function restSync(ms: number): void {
  Atomics.wait(restCell, 0, 0, Math.ceil(ms))
}

/**
 * Streams a JSON Lines archive of any size into the history; entries already present (same uid) are
 * skipped. All-or-nothing by the import record, not by one long lock: the entries stay invisible until
 * the last line is in, a bad line discards what was written, and a killed import is swept next time.
 */
export function importArchive(
  history: HistoryRepository,
  file: string,
): { inserted: number; skipped: number } {
  const imports = history.imports
  let lines: Generator<TextLine>
  try {
    lines = readLines(file)
    lines = withFirst(lines.next(), lines)
  } catch (error) {
    throw cannotOpen(file, error)
  }
  imports.sweepStale()
  const id = imports.begin(file)
  const total = { inserted: 0, skipped: 0 }
  const flush = (batch: NewHistoryEntry[]): void => {
    const started = performance.now()
    const written = history.appendImported(batch, id)
    total.inserted += written.inserted
    total.skipped += written.skipped
    imports.heartbeat(id)
    restSync(performance.now() - started)
  }
  try {
    let batch: NewHistoryEntry[] = []
    let chars = 0
    for (const { text, number } of lines) {
      if (text.trim() === '') continue
      batch.push(parseArchiveLine(text, file, number))
      chars += text.length
      if (batch.length === importBatchRows || chars > importBatchChars) {
        flush(batch)
        batch = []
        chars = 0
      }
    }
    flush(batch)
  } catch (error) {
    imports.discard(id)
    throw error
  }
  imports.complete(id)
  history.announceBulk(total.inserted)
  return total
}

/** Puts back the line already read (reading it is what reveals an unreadable file). */
function* withFirst(first: IteratorResult<TextLine>, rest: Generator<TextLine>): Generator<TextLine> {
  if (first.done) return
  yield first.value
  yield* rest
}

/**
 * Writes every matching entry (no 10,000 cap: archives exist to keep everything before pruning).
 * Written to a temporary file and renamed, so a full disk or a crash never leaves half an archive.
 */
export function writeArchive(history: HistoryRepository, filter: HistoryFilter, file: string): number {
  const partial = `${file}.partial`
  const fd = openSync(partial, 'w', 0o600)
  let rows = 0
  try {
    let chunk: string[] = []
    for (const entry of history.iterate(filter)) {
      chunk.push(jsonlLine(entry))
      rows++
      if (chunk.length === 5000) {
        writeSync(fd, `${chunk.join('\n')}\n`)
        chunk = []
      }
    }
    if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`)
    closeSync(fd)
    renameSync(partial, file)
    return rows
  } catch (error) {
    closeSync(fd)
    rmSync(partial, { force: true })
    throw error
  }
}
