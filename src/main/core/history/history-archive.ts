import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { z } from 'zod'
import type { HistoryFilter } from '../../../shared/api'
import { ApiError } from '../../../shared/model/errors'
import { directions, levels, type NewHistoryEntry } from '../../../shared/model/history'
import type { HistoryRepository } from './history-repository'
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

/** Validates every line before inserting any: a bad archive changes nothing. */
export function parseArchive(text: string, file: string): NewHistoryEntry[] {
  const entries: NewHistoryEntry[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      throw lineError(file, index + 1, 'not JSON')
    }
    const parsed = archivedEntry.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw lineError(file, index + 1, `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`)
    }
    entries.push(parsed.data)
  })
  return entries
}

/** Imports a JSON Lines archive in one transaction; entries already present (same uid) are skipped. */
export function importArchive(
  history: HistoryRepository,
  file: string,
): { inserted: number; skipped: number } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ApiError(
      'import-failed',
      {
        ja: `${file} を開けません。パスと読み取り権限を確認してください。`,
        en: `Cannot open ${file}. Check the path and read permission.`,
      },
      { cause: String(error) },
    )
  }
  return history.appendMany(parseArchive(text, file))
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
