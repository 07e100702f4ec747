import type { Command } from 'commander'
import type { CalendarCheckResult, CalendarStatus } from '../../shared/model/calendar'
import type { MethodInput } from '../../shared/api'
import { printJson } from './cli-output'
import { readJsonInput, type JsonInputOptions } from './json-input'
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

/**
 * `renkei calendar pair get|add|set|remove`: one user's pair as JSON, for servers set up by script. Secrets
 * stay in the keychain (`renkei secret set calendar.<id>.source|target`); each command prints the pair.
 */
function registerPairCommands(calendar: Command, globals: () => GlobalOptions): void {
  const pair = calendar.command('pair').description("one user's pair as JSON (secrets excluded)")
  pair
    .command('get <id>')
    .description('print the pair as JSON, with defaults filled in')
    .action(async (id: string) => {
      await withCore(globals(), async (core) => printJson(await core.api['calendar.pairs.get']({ id })))
    })
  pair
    .command('add [json]')
    .description('add a pair (the whole pair as JSON; "-" reads stdin); refused when the id is taken')
    .option('--file <file>', 'read the JSON from a file')
    .action(async (json: string | undefined, options: JsonInputOptions) => {
      const config = (await readJsonInput(json, options)) as MethodInput<'calendar.pairs.add'>
      await withCore(globals(), async (core) => {
        const added = await core.api['calendar.pairs.add'](config)
        printJson(await core.api['calendar.pairs.get']({ id: added.id }))
      })
    })
  pair
    .command('set <id> [json]')
    .description('apply a JSON Merge Patch (RFC 7396) to a pair; prints the resulting pair')
    .option('--file <file>', 'read the patch from a file')
    .action(async (id: string, json: string | undefined, options: JsonInputOptions) => {
      const patch = (await readJsonInput(json, options)) as MethodInput<'calendar.pairs.update'>['patch']
      await withCore(globals(), async (core) => {
        await core.api['calendar.pairs.update']({ id, patch })
        printJson(await core.api['calendar.pairs.get']({ id }))
      })
    })
  pair
    .command('remove <id>')
    .description('forget a pair and its keychain entries (events already copied stay)')
    .action(async (id: string) => {
      await withCore(globals(), async (core) => {
        const status = await core.api['calendar.pairs.remove']({ id })
        process.stdout.write(`${id}: removed / 削除しました\n${statusText(status)}\n`)
      })
    })
}

/** `renkei calendar settings get|set`: the settings every pair shares (interval, window, auto-stop, OAuth client). */
function registerSettingsCommands(calendar: Command, globals: () => GlobalOptions): void {
  const settings = calendar.command('settings').description('shared settings as JSON (secrets excluded)')
  settings
    .command('get')
    .description('print the shared settings as JSON')
    .action(async () => {
      await withCore(globals(), async (core) => printJson((await core.api['calendar.status']({})).settings))
    })
  settings
    .command('set [json]')
    .description('apply a JSON Merge Patch (RFC 7396; "-" reads stdin); prints the resulting settings')
    .option('--file <file>', 'read the patch from a file')
    .action(async (json: string | undefined, options: JsonInputOptions) => {
      const patch = (await readJsonInput(json, options)) as MethodInput<'calendar.settings.update'>
      await withCore(globals(), async (core) => printJson(await core.api['calendar.settings.update'](patch)))
    })
}

/** `renkei calendar status|run|check|resume|pair|settings`: the Calendar screen's actions for scripts (exit 1 on failure). */
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
  registerPairCommands(calendar, globals)
  registerSettingsCommands(calendar, globals)
}
