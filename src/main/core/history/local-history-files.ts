import { renameSync, rmSync, writeFileSync } from 'node:fs'
import type { LocalFiles } from '../core-types'
import { writeAudit } from '../audit'
import { importArchive, writeArchive } from './history-archive'
import { exportHistory } from './history-export'
import { pruneHistory } from './history-pruner'
import type { HistoryRepository } from './history-repository'

/** Writes through a temporary name so a failed write (full disk) never leaves a partial file behind. */
function writeAtomically(file: string, content: string): void {
  const partial = `${file}.partial`
  try {
    // Owner-only whatever the umask: the history names people and systems.
    writeFileSync(partial, content, { mode: 0o600 })
    renameSync(partial, file)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

export function createLocalHistoryFiles(history: HistoryRepository, now: () => number): LocalFiles {
  return {
    exportHistory(filter, format, file, language) {
      const rows =
        format === 'csv'
          ? (() => {
              const csv = exportHistory(history, filter, 'csv', language, now())
              writeAtomically(file, csv.content)
              return csv.rows
            })()
          : writeArchive(history, filter, file)
      writeAudit(
        history,
        { ja: `履歴を ${rows} 件 ${file} に出力しました`, en: `Exported ${rows} history entries to ${file}` },
        { filter, format },
      )
      return rows
    },
    // No audit line here: the archive's own entries are the record, and an extra line would make
    // "import 12,000, export" report 12,001.
    importHistory: (file) => importArchive(history, file),
    async pruneHistory(cutoff) {
      const result = await pruneHistory(history, cutoff)
      writeAudit(
        history,
        {
          ja: `${new Date(cutoff).toISOString()} より前の履歴を ${result.deleted} 件削除しました`,
          en: `Removed ${result.deleted} history entries older than ${new Date(cutoff).toISOString()}`,
        },
        { cutoff, deleted: result.deleted },
      )
      return result
    },
  }
}
