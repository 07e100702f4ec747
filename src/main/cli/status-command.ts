import type { Command } from 'commander'
import { formatLocalTime } from '../core/history/history-format'
import { printJson } from './cli-output'
import { withCore, type GlobalOptions } from './with-core'

const when = (ts: number | null): string => (ts === null ? '-' : formatLocalTime(ts))

export function registerStatusCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('status')
    .description('data directory, keychain and jobs')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const status = await core.api['app.status']({})
        const jobs = await core.api['jobs.list']({})
        if (options.json) return printJson({ ...status, jobs })
        const out: string[] = [
          `Renkei ${status.version}`,
          `data directory: ${status.dataDir}`,
          `keychain: ${status.keychain.available ? 'available' : `NOT available: ${status.keychain.problem?.en ?? ''}`}`,
          `history entries: ${status.historyCount}`,
          `all jobs paused: ${status.allPaused ? 'yes' : 'no'}`,
          'jobs:',
          ...jobs.map(
            (j) =>
              `  ${j.id}  ${j.paused ? 'paused' : j.running ? 'running' : 'waiting'}  next ${when(j.nextRunAt)}  ` +
              `last ${j.lastOutcome ?? '-'} ${when(j.lastFinishedAt)}`,
          ),
        ]
        process.stdout.write(`${out.join('\n')}\n`)
      })
    })
}
