import { renameSync, rmSync, writeFileSync } from 'node:fs'
import type { Localized } from '../../../shared/model/localized'
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

/**
 * The prune's one audit line, written before the first batch and rewritten in every batch's
 * transaction: a prune killed midway still says exactly how many entries it deleted.
 */
function pruneMessage(cutoff: number, deleted: number, finished: boolean): Localized {
  const before = new Date(cutoff).toISOString()
  if (finished)
    return {
      ja: `${before} より前の履歴を ${deleted} 件削除しました`,
      en: `Removed ${deleted} history entries older than ${before}`,
    }
  return {
    ja: `${before} より前の履歴の削除を開始しました。これまでに ${deleted} 件を削除しています（完了の記録はまだありません）`,
    en: `Started removing history entries older than ${before}: ${deleted} removed so far (not recorded as finished)`,
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
      history.imports.sweepStale()
      const line = writeAudit(history, pruneMessage(cutoff, 0, false), {
        cutoff,
        deleted: 0,
        finished: false,
      })
      const result = await pruneHistory(history, cutoff, {
        recordProgress: (deleted) =>
          history.rewrite(line, pruneMessage(cutoff, deleted, false), {
            cutoff,
            deleted,
            finished: false,
          }),
      })
      const { deleted } = result
      history.rewrite(line, pruneMessage(cutoff, deleted, true), { cutoff, deleted, finished: true })
      return result
    },
  }
}
