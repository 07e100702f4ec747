import { createInterface } from 'node:readline/promises'
import type { Command } from 'commander'
import type { DirectoryPlan } from '../../shared/model/directory'
import type { Core } from '../core/core-types'
import { printJson, UsageError } from './cli-output'
import { summaryText } from './directory-output'
import { previewOrReport } from './directory-preview'
import { withCore, type GlobalOptions } from './with-core'

interface RunOptions {
  readonly yes?: boolean
  readonly approveDeletions?: boolean
  readonly approveAdoptions?: boolean
  readonly json?: boolean
}

/** What the run would write, as the confirmation in the UI shows it: one line per kind of write. */
export function confirmationText(plan: DirectoryPlan): string {
  const sum = (action: keyof DirectoryPlan['counts']['user']): number =>
    plan.counts.user[action] + plan.counts.group[action]
  const lines = [
    `home directory changes / ホームディレクトリの変更: ${plan.homeChangesTotal}`,
    plan.hasTarget
      ? `target / 反映先: create 作成 ${sum('create')}, update 更新 ${sum('update') + sum('reactivate')}, suspend 停止 ${sum('suspend')}, delete 削除 ${sum('delete')}, adopt 引き継ぎ ${plan.adoption.candidates}`
      : 'target / 反映先: none / なし',
  ]
  if (plan.blocked) lines.push(`blocked / 停止: ${plan.blocked.ja} / ${plan.blocked.en}`)
  return lines.join('\n')
}

/**
 * Asks on a terminal; anywhere else (CI, cron, a pipe) refuses, since nobody would read the counts:
 * scripts say --yes, as `terraform apply -auto-approve` or `apt-get -y` do.
 */
async function confirmed(): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new UsageError({
      ja: 'ディレクトリ同期は確認なしでは書き込みません。上の件数を確認し、スクリプトからは --yes を付けて実行してください。何も書き込んでいません。',
      en: 'A directory run writes nothing without a confirmation. Check the counts above; from a script, run again with --yes. Nothing was written.',
    })
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr })
  try {
    const answer = await prompt.question('この内容で実行しますか？ / Run with these changes? [y/N] ')
    return /^(y|yes|はい)$/i.test(answer.trim())
  } finally {
    prompt.close()
  }
}

async function run(core: Core, options: RunOptions): Promise<void> {
  const plan = await previewOrReport(core, options.json ?? false, 0)
  if (!plan) return
  // With --json the counts go to stderr, so stdout stays one JSON document.
  const out = options.json ? process.stderr : process.stdout
  out.write(`${confirmationText(plan)}\n`)
  if (!options.yes && !(await confirmed())) {
    process.stderr.write(
      'renkei: 取り消しました。何も書き込んでいません。\nrenkei: Cancelled. Nothing was written.\n',
    )
    process.exitCode = 1
    return
  }
  const summary = await core.api['directory.run']({
    plan: plan.fingerprint,
    approveDeletions: options.approveDeletions ?? false,
    approveAdoptions: options.approveAdoptions ?? false,
  })
  if (options.json) printJson(summary)
  else process.stdout.write(`${summaryText(summary)}\n`)
  if (summary.outcome === 'error' || summary.outcome === 'blocked') process.exitCode = 1
}

/** `renkei directory run`: the preview's counts, a confirmation (or --yes), then the run of that very plan. */
export function registerDirectoryRun(directory: Command, globals: () => GlobalOptions): void {
  directory
    .command('run')
    .description('show the counts of the preview, ask, then synchronise (exit 1 when blocked or failed)')
    .option('-y, --yes', 'run without asking (scripts, CI): the counts are still printed')
    .option('--approve-deletions', 'let this one run past the deletion guard (the threshold is unchanged)')
    .option('--approve-adoptions', 'adopt the existing accounts the preview lists as "adopt" (this run only)')
    .option('--json', 'print the result as JSON (the counts go to stderr)')
    .action(async (options: RunOptions) => {
      await withCore(globals(), (core) => run(core, options))
    })
}
