import type { Command } from 'commander'
import type { DirectoryPlan, DirectoryRunSummary, TargetAccountSummary } from '../../shared/model/directory'
import { printJson } from './cli-output'
import { withCore, type GlobalOptions } from './with-core'

function planText(plan: DirectoryPlan): string {
  const { user, group } = plan.counts
  const line = (label: string, c: typeof user): string =>
    `  ${label}: create ${c.create}, adopt ${c.adopt}, update ${c.update}, suspend ${c.suspend}, reactivate ${c.reactivate}, delete ${c.delete}`
  const { licence, deletion } = plan
  return [
    `source: ${plan.source.employees} employees, ${plan.source.departments} departments, ${plan.source.positions} positions, ${plan.source.groups} groups`,
    `home directory changes: ${plan.homeChangesTotal}`,
    plan.hasTarget ? `target writes: ${plan.itemsTotal}` : 'target: none',
    ...(plan.hasTarget ? [line('users', user), line('groups', group)] : []),
    `licences: ${licence.limit ?? 'no limit set'}; ${licence.newUsers} new users, ${licence.seatsFree ?? '-'} seats free${licence.over ? `, OVER by ${licence.over}` : ''}`,
    `deletion guard: ${deletion.removals} removals of ${deletion.base} (threshold ${deletion.maxCount} or ${deletion.maxPercent}%)${deletion.tripped ? ' — TRIPPED' : ''}`,
    ...(plan.hasTarget ? accountsText(plan) : []),
    ...(plan.blocked ? [`blocked: ${plan.blocked.ja}`, `blocked: ${plan.blocked.en}`] : ['would write: yes']),
  ].join('\n')
}

/** One line per account: where it is, who it is, and why (both languages when there is a reason). */
function accountLines(list: readonly TargetAccountSummary[], total: number): string[] {
  const lines = list.map((a) => {
    const why = a.reason ? ` — ${a.reason.ja} / ${a.reason.en}` : ''
    return `    ${a.object} ${a.name} [${a.key ?? '-'}] ${a.ref}${why}`
  })
  return total > list.length ? [...lines, `    … ${total - list.length} more`] : lines
}

/** Adoptions waiting for approval, and the accounts Renkei leaves alone (foreign, excluded, held). */
function accountsText(plan: DirectoryPlan): string[] {
  const adopt = plan.items.filter((i) => i.action === 'adopt')
  return [
    `will adopt ${plan.adoption.candidates} existing accounts / 既存アカウント ${plan.adoption.candidates} 件を引き継ぎます${plan.adoption.candidates ? ' (run with --approve-adoptions / 承認して実行)' : ''}`,
    ...adopt.map(
      (i) => `    ${i.object} ${i.name} [${i.key}] — ${i.reason?.ja ?? ''} / ${i.reason?.en ?? ''}`,
    ),
    `foreign (left alone) / 管理外（変更しません）: ${plan.foreignTotal}`,
    ...accountLines(plan.foreign, plan.foreignTotal),
    `excluded / 除外: ${plan.excludedTotal}`,
    ...accountLines(plan.excluded, plan.excludedTotal),
    `not created / 作成しない人: ${plan.heldTotal}`,
    ...accountLines(plan.held, plan.heldTotal),
  ]
}

function summaryText(summary: DirectoryRunSummary): string {
  return `${summary.outcome}: ${summary.message.ja}\n${summary.outcome}: ${summary.message.en}`
}

/** `renkei directory preview|run|status`: the dry run and the run, for scripts and for admins without the UI. */
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
        const plan = await core.api['directory.preview']({ limit: 1_000_000 })
        if (options.json) return printJson(plan)
        process.stdout.write(`${planText(plan)}\n`)
      })
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
}
