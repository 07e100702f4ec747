import type { Command } from 'commander'
import type { CalendarCheckResult, CalendarStatus } from '../../shared/model/calendar'
import { printJson } from './cli-output'
import { withCore, type GlobalOptions } from './with-core'

const stateText = {
  syncing: 'enabled (syncing)',
  stopped: 'enabled (stopped)',
  disabled: 'disabled',
} as const

function statusText(status: CalendarStatus): string {
  const { syncing, stopped, disabled } = status.counts
  const rows = status.pairs.map(
    (p) =>
      `  ${String(p.number).padStart(4)}  ${p.id}  ${p.name}  ${stateText[p.state]}${p.stopReason ? ` (${p.stopReason})` : ''}  events ${p.eventCount}  errors ${p.errorsInWindow}`,
  )
  return [`users: ${syncing} syncing, ${stopped} stopped, ${disabled} disabled`, ...rows].join('\n')
}

function checkText(result: CalendarCheckResult): string {
  const mark = (ok: boolean | null): string => (ok === null ? '-' : ok ? 'ok' : 'FAILED')
  return result.steps
    .map((s) => `${mark(s.ok).padEnd(6)} ${s.id}: ${s.message.en}${s.fix ? `\n       fix: ${s.fix.en}` : ''}`)
    .join('\n')
}

/** `renkei calendar status|run|check|resume`: the Calendar screen's actions for scripts (exit 1 on failure). */
export function registerCalendarCommands(program: Command, globals: () => GlobalOptions): void {
  const calendar = program.command('calendar').description('calendar sync (one pair per user)')
  calendar
    .command('status')
    .description('the user list with states, event counts and recent errors')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const status = await core.api['calendar.status']({})
        if (options.json) return printJson(status)
        process.stdout.write(`${statusText(status)}\n`)
      })
    })
  calendar
    .command('run <id>')
    .description("sync one user's pair now")
    .option('--json', 'print the result as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const summary = await core.api['calendar.run']({ id })
        if (options.json) printJson(summary)
        else
          process.stdout.write(
            `${summary.outcome}: ${summary.message.ja}\n${summary.outcome}: ${summary.message.en}\n`,
          )
        if (summary.outcome === 'error') process.exitCode = 1
      })
    })
  calendar
    .command('check <id>')
    .description('diagnostics: reachable, credentials, calendar writable, time zone, clock')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const result = await core.api['calendar.check']({ id })
        if (options.json) printJson(result)
        else process.stdout.write(`${checkText(result)}\n`)
        if (!result.ok) process.exitCode = 1
      })
    })
  calendar
    .command('resume <id>')
    .description('back to syncing after an automatic stop')
    .action(async (id: string) => {
      await withCore(globals(), async (core) => {
        const status = await core.api['calendar.resume']({ id })
        process.stdout.write(`${statusText(status)}\n`)
      })
    })
}
