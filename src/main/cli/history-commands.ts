import type { Command } from 'commander'
import type { HistoryEntry } from '../../shared/model/history'
import { retentionCutoff, parseAge } from '../core/history/history-pruner'
import { formatLocalTime } from '../core/history/history-format'
import { printJson, UsageError } from './cli-output'
import { addFilterOptions, toFilter, type FilterOptions } from './history-filter-options'
import { withCore, type GlobalOptions } from './with-core'

function line(entry: HistoryEntry): string {
  const site = entry.site || '-'
  return `${formatLocalTime(entry.ts)}  ${entry.level.padEnd(7)} ${entry.direction.padEnd(7)} ${site}  [${entry.category}]  ${entry.message}`
}

export function registerHistoryCommands(program: Command, globals: () => GlobalOptions): void {
  const history = program.command('history').description('search, export, import and prune the sync history')

  addFilterOptions(history.command('search').description('newest first'))
    .option('--limit <n>', 'how many entries (1-500)', '50')
    .option('--json', 'print JSON')
    .action(async (options: FilterOptions & { limit: string; json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const page = await core.api['history.search']({
          filter: toFilter(options),
          limit: Number(options.limit),
        })
        if (options.json) return printJson(page.entries)
        if (page.entries.length === 0)
          process.stdout.write('No entries match. / 該当するログはありません。\n')
        for (const entry of page.entries) process.stdout.write(`${line(entry)}\n`)
      })
    })

  addFilterOptions(history.command('export').description('CSV (at most 10,000 entries) or JSON Lines (all)'))
    .requiredOption('--out <file>', 'file to write')
    .option('--format <format>', 'csv | jsonl', 'csv')
    .option('--lang <lang>', 'CSV header and labels: ja | en', 'ja')
    .action(async (options: FilterOptions & { out: string; format: string; lang: string }) => {
      if (options.format !== 'csv' && options.format !== 'jsonl')
        throw new UsageError('--format must be csv or jsonl')
      if (options.lang !== 'ja' && options.lang !== 'en') throw new UsageError('--lang must be ja or en')
      const { format, lang } = options
      await withCore(globals(), async (core) => {
        const rows = core.files.exportHistory(toFilter(options), format, options.out, lang)
        process.stdout.write(`${rows} entries written to ${options.out}\n`)
      })
    })

  history
    .command('import <file>')
    .description('import a JSON Lines archive (entries already present are skipped)')
    .action(async (file: string) => {
      await withCore(globals(), async (core) => {
        const result = core.files.importHistory(file)
        process.stdout.write(`${result.inserted} imported, ${result.skipped} already present\n`)
      })
    })

  history
    .command('prune')
    .description('delete entries older than the retention period (default: the setting, 1 year)')
    .option('--older-than <age>', 'e.g. 1y, 18m, 90d')
    .action(async (options: { olderThan?: string }) => {
      await withCore(globals(), async (core) => {
        const now = Date.now()
        let cutoff: number
        try {
          cutoff = options.olderThan
            ? parseAge(options.olderThan, now)
            : retentionCutoff(now, (await core.api['settings.get']({})).historyRetentionMonths)
        } catch (error) {
          throw new UsageError((error as Error).message)
        }
        const result = await core.files.pruneHistory(cutoff)
        process.stdout.write(
          `${result.deleted} entries older than ${new Date(cutoff).toISOString()} deleted ` +
            `(${result.batches} batches, longest ${result.longestBatchMs.toFixed(1)} ms)\n`,
        )
      })
    })
}
