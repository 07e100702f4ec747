import type { Command } from 'commander'
import type { MethodInput } from '../../shared/api'
import { sourceProblemReport, type DirectoryRunSummary } from '../../shared/model/directory'
import { directorySecretNames } from '../../shared/model/directory-config'
import { ApiError } from '../../shared/model/errors'
import type { Core } from '../core/core-types'
import { printJson } from './cli-output'
import { planText, problemsJson, problemsText } from './directory-output'
import { readJsonInput, type JsonInputOptions } from './json-input'
import { withCore, type GlobalOptions } from './with-core'

function summaryText(summary: DirectoryRunSummary): string {
  return `${summary.outcome}: ${summary.message.ja}\n${summary.outcome}: ${summary.message.en}`
}

/** Which of the directory's keychain entries are set; the values themselves never leave the keychain. */
async function secretsText(core: Core): Promise<string> {
  const title = 'secrets (keychain; set with `renkei secret set NAME`) / シークレット（キーチェーン）:'
  let set: Set<string>
  try {
    set = new Set((await core.api['secrets.list']({})).map((s) => s.name))
  } catch (error) {
    const reason = error instanceof ApiError ? error.localized : { ja: String(error), en: String(error) }
    return `${title}\n  ${reason.ja}\n  ${reason.en}`
  }
  const lines = Object.values(directorySecretNames).map(
    (name) => `  ${name}: ${set.has(name) ? 'set / 設定済み' : 'not set / 未設定'}`,
  )
  return [title, ...lines].join('\n')
}

/** `renkei directory config get|set`: the settings as JSON, changed by merge patches (RFC 7396), for servers set up by script. */
function registerConfigCommands(directory: Command, globals: () => GlobalOptions): void {
  const config = directory.command('config').description('directory sync settings as JSON (secrets excluded)')
  config
    .command('get')
    .description('print the settings as JSON, with defaults filled in')
    .option('--json', 'print the JSON only (without the keychain summary)')
    .action(async (options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        printJson(await core.api['directory.config.get']({}))
        if (!options.json) process.stdout.write(`${await secretsText(core)}\n`)
      })
    })
  config
    .command('set [json]')
    .description('apply a JSON Merge Patch (RFC 7396; "-" reads stdin); prints the resulting settings')
    .option('--file <file>', 'read the patch from a file')
    .action(async (json: string | undefined, options: JsonInputOptions) => {
      const patch = await readJsonInput(json, options)
      await withCore(globals(), async (core) => {
        printJson(await core.api['directory.config.update'](patch as MethodInput<'directory.config.update'>))
      })
    })
}

/** The plan; a source with problems lists every one of them (stderr, or stdout with --json) and exits 1. */
async function preview(core: Core, json: boolean): Promise<void> {
  try {
    const plan = await core.api['directory.preview']({ limit: 1_000_000 })
    if (json) printJson(plan)
    else process.stdout.write(`${planText(plan)}\n`)
  } catch (error) {
    const report = error instanceof ApiError ? sourceProblemReport(error.detail) : null
    if (!(error instanceof ApiError) || !report) throw error
    if (json) printJson(problemsJson(error, report))
    else process.stderr.write(problemsText(error, report))
    process.exitCode = 1
  }
}

/** `renkei directory preview|run|status|config`: the dry run and the run, for scripts and for admins without the UI. */
export function registerDirectoryCommands(program: Command, globals: () => GlobalOptions): void {
  const directory = program
    .command('directory')
    .description('directory sync (users, departments, positions, groups)')
  directory
    .command('preview')
    .description('compute the plan (dry run): writes nothing')
    .option('--json', 'print the whole plan as JSON')
    .action(async (options: { json?: boolean }) => {
      await withCore(globals(), (core) => preview(core, options.json ?? false))
    })
  directory
    .command('run')
    .description('synchronise now (exit 1 when blocked or failed)')
    .option('--approve-deletions', 'let this one run past the deletion guard (the threshold is unchanged)')
    .option('--approve-adoptions', 'adopt the existing accounts the preview lists as "adopt" (this run only)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { approveDeletions?: boolean; approveAdoptions?: boolean; json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const summary = await core.api['directory.run']({
          approveDeletions: options.approveDeletions ?? false,
          approveAdoptions: options.approveAdoptions ?? false,
        })
        if (options.json) printJson(summary)
        else process.stdout.write(`${summaryText(summary)}\n`)
        if (summary.outcome === 'error' || summary.outcome === 'blocked') process.exitCode = 1
      })
    })
  directory
    .command('status')
    .description('home directory counts, last run, import in progress')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const status = await core.api['directory.status']({})
        if (options.json) return printJson(status)
        const { counts, lastRun } = status
        process.stdout.write(
          [
            `employees: ${counts.employees} (${counts.activeEmployees} active), departments: ${counts.departments}, positions: ${counts.positions}, groups: ${counts.groups}`,
            `import in progress: ${status.importInProgress ? 'yes' : 'no'}`,
            `last run: ${lastRun ? summaryText(lastRun) : '-'}`,
          ].join('\n') + '\n',
        )
      })
    })
  registerConfigCommands(directory, globals)
}
