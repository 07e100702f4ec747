import type {
  DirectoryPlan,
  DirectoryRunSummary,
  SourceProblemReport,
  TargetAccountSummary,
} from '../../shared/model/directory'
import type { ApiError } from '../../shared/model/errors'

function countsLine(label: string, c: DirectoryPlan['counts']['user']): string {
  return `  ${label}: create ${c.create}, adopt ${c.adopt}, update ${c.update}, suspend ${c.suspend}, reactivate ${c.reactivate}, delete ${c.delete}`
}

/** Warnings first and loud, then the notes, each in Japanese and English. */
function noticeLines(plan: DirectoryPlan): string[] {
  const ordered = [...plan.sourceNotices].sort((a, b) =>
    a.level === b.level ? 0 : a.level === 'warning' ? -1 : 1,
  )
  return ordered.flatMap((n) => {
    const tag = n.level === 'warning' ? 'WARNING' : 'note'
    return [`${tag}: ${n.message.ja}`, `${tag}: ${n.message.en}`]
  })
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

/** The plan in a few lines a terminal shows whole. */
export function planText(plan: DirectoryPlan): string {
  const { user, group } = plan.counts
  const { licence, deletion } = plan
  return [
    ...noticeLines(plan),
    `source: ${plan.source.employees} employees, ${plan.source.departments} departments, ${plan.source.positions} positions, ${plan.source.groups} groups`,
    `home directory changes: ${plan.homeChangesTotal}`,
    plan.hasTarget ? `target writes: ${plan.itemsTotal}` : 'target: none',
    ...(plan.hasTarget ? [countsLine('users', user), countsLine('groups', group)] : []),
    `licences: ${licence.limit ?? 'no limit set'}; ${licence.newUsers} new users, ${licence.seatsFree ?? '-'} seats free${licence.over ? `, OVER by ${licence.over}` : ''}`,
    `deletion guard: ${deletion.removals} removals of ${deletion.base} (threshold ${deletion.maxCount} or ${deletion.maxPercent}%)${deletion.tripped ? ' — TRIPPED' : ''}`,
    ...(plan.hasTarget ? accountsText(plan) : []),
    ...(plan.blocked ? [`blocked: ${plan.blocked.ja}`, `blocked: ${plan.blocked.en}`] : ['would write: yes']),
  ].join('\n')
}

/**
 * Every problem of the source, numbered, Japanese above English, so an admin can work down the list
 * in a terminal; the first lines say how many there are.
 */
export function problemsText(error: ApiError, report: SourceProblemReport): string {
  const total = report.problems.length + report.omitted
  const width = String(total).length
  const lines = [`renkei: ${error.localized.ja}`, `renkei: ${error.localized.en}`, '']
  report.problems.forEach((p, i) => {
    const number = `${String(i + 1).padStart(width)}. `
    lines.push(`${number}${p.message.ja}`, `${' '.repeat(number.length)}${p.message.en}`)
  })
  if (report.omitted > 0) {
    lines.push(
      `ほかに ${report.omitted} 件の問題があります（最初の ${report.problems.length} 件を表示しています）。`,
      `${report.omitted} more problems (the first ${report.problems.length} are listed).`,
    )
  }
  return `${lines.join('\n')}\n`
}

/** `--json`: the error and the complete report, for scripts. */
export function problemsJson(error: ApiError, report: SourceProblemReport): unknown {
  return { error: { code: error.code, message: error.localized }, sourceProblems: report }
}

/** A run's outcome, Japanese line above English. */
export function summaryText(summary: DirectoryRunSummary): string {
  return `${summary.outcome}: ${summary.message.ja}\n${summary.outcome}: ${summary.message.en}`
}
