import type { Command } from 'commander'
import type { MethodInput } from '../../shared/api'
import { directorySecretNames } from '../../shared/model/directory-config'
import { ApiError } from '../../shared/model/errors'
import type { Core } from '../core/core-types'
import { printJson } from './cli-output'
import { planText, summaryText } from './directory-output'
import { previewOrReport } from './directory-preview'
import { registerDirectoryRun } from './directory-run-command'
import { readJsonInput, type JsonInputOptions } from './json-input'
import { withCore, type GlobalOptions } from './with-core'

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
      await withCore(globals(), async (core) => {
        const plan = await previewOrReport(core, options.json ?? false, 1_000_000)
        if (!plan) return
        if (options.json) printJson(plan)
        else process.stdout.write(`${planText(plan)}\n`)
      })
    })
  registerDirectoryRun(directory, globals)
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
