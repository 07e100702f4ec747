/**
 * `renkei link rules export|import` and `renkei link explain`: the visit and accept rules of each link as
 * one JSON file (checked whole before anything is saved), and "why can't X log in?" from the shell.
 */
import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { z } from 'zod'
import type { Localized } from '../../shared/model/localized'
import type { LinkSummary } from '../../shared/model/sitelink'
import {
  acceptRuleSet,
  visitRuleSet,
  type LinkExplanation,
  type RuleTrailStep,
} from '../../shared/model/sitelink-rules'
import type { Core } from '../core/core-types'
import { printJson, UsageError } from './cli-output'
import { readJsonInput } from './json-input'
import { withCore, type GlobalOptions } from './with-core'

const ruleFileEntry = z
  .object({ site: z.string().min(1), visit: visitRuleSet.optional(), accept: acceptRuleSet.optional() })
  .strict()
type RuleFileEntry = z.output<typeof ruleFileEntry>
const ruleFile = z.union([z.array(ruleFileEntry).min(1), ruleFileEntry])

const siteOf = (link: LinkSummary): string => link.partner.siteName ?? link.partner.companyName

/** Pending and linked links (the ones rules matter for), or the one whose partner or id is `site`. */
async function linksNamed(core: Core, site: string | undefined): Promise<LinkSummary[]> {
  const { links } = await core.api['link.list']({})
  const current = links.filter((link) => link.state === 'pending' || link.state === 'linked')
  if (site === undefined) return current
  const found = current.filter(
    (link) => link.id === site || siteOf(link) === site || link.partner.companyName === site,
  )
  if (found.length === 0) {
    throw new UsageError({
      ja: `連携先「${site}」のリンク（開始待ちまたはリンク中）はありません。renkei link list で確認してください。何も変更していません。`,
      en: `There is no pending or linked link to "${site}". See renkei link list. Nothing was changed.`,
    })
  }
  return found
}

function fileProblems(problems: readonly Localized[]): never {
  throw new UsageError({
    ja: `ルールファイルを取り込めません。何も変更していません。\n${problems.map((p) => `・${p.ja}`).join('\n')}`,
    en: `The rule file cannot be imported. Nothing was changed.\n${problems.map((p) => `- ${p.en}`).join('\n')}`,
  })
}

/** Every entry checked (shape, its link, the rules themselves) before the first one is saved. */
async function importRules(core: Core, file: string, site: string | undefined): Promise<string[]> {
  const parsed = ruleFile.safeParse(await readJsonInput(undefined, { file }))
  if (!parsed.success) {
    fileProblems(
      parsed.error.issues.map((issue) => ({
        ja: `${issue.path.join('.') || '(全体)'}: ${issue.message}`,
        en: `${issue.path.join('.') || '(whole file)'}: ${issue.message}`,
      })),
    )
  }
  const entries: RuleFileEntry[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data]
  // One entry with --site: copied onto that partner's link; several: only the entry named.
  const chosen =
    site === undefined
      ? entries
      : entries.length === 1
        ? [{ ...entries[0]!, site }]
        : entries.filter((entry) => entry.site === site)
  if (chosen.length === 0)
    fileProblems([{ ja: `「${site}」の項目がありません`, en: `No entry for "${site}"` }])
  const plan: { id: string; entry: RuleFileEntry }[] = []
  const problems: Localized[] = []
  for (const entry of chosen) {
    const links = await linksNamed(core, entry.site).catch((error: unknown) => {
      if (error instanceof UsageError && typeof error.text !== 'string') problems.push(error.text)
      return []
    })
    if (links.length > 1) {
      problems.push({
        ja: `「${entry.site}」に当たるリンクが複数あります。リンク ID を site に書いてください`,
        en: `"${entry.site}" matches more than one link. Put the link id in site`,
      })
    }
    if (links.length !== 1) continue
    const id = links[0]!.id
    const found = core.sitelink.rules.problems(id, { visit: entry.visit, accept: entry.accept })
    problems.push(...found.map((p) => ({ ja: `${entry.site}: ${p.ja}`, en: `${entry.site}: ${p.en}` })))
    plan.push({ id, entry })
  }
  if (problems.length > 0) fileProblems(problems)
  for (const { id, entry } of plan)
    await core.api['link.rules.update']({ id, visit: entry.visit, accept: entry.accept })
  return plan.map(({ entry }) => entry.site)
}

function stepLine(step: RuleTrailStep): string {
  const mark = step.decisive ? '*' : step.matched ? '+' : '-'
  return `      ${mark} ${step.ruleId}  ${step.label.ja} / ${step.label.en}  — ${step.why.ja} / ${step.why.en}`
}

function explanationText(e: LinkExplanation): string {
  const lines = [`${e.employee.key}  ${e.employee.name}  (${e.direction}, address: ${e.address ?? '-'})`]
  if (e.links.length === 0) lines.push('  no pending or linked partner / 連携先がありません')
  for (const link of e.links) {
    const { outcome } = link
    const accept = outcome.accept
    lines.push(
      `  ${link.partnerName} [${link.linkId}]: ${outcome.allowed ? 'allowed / 訪問できます' : 'denied / 訪問できません'}`,
      `    permission: ${accept?.permission ?? '-'}${accept?.network ? ` (from ${accept.network.range})` : ''}`,
      `    deciding rule: ${accept ? accept.ruleId : (outcome.visit.trail.find((s) => s.decisive)?.ruleId ?? 'visit')}`,
      `    ${outcome.reason.ja}`,
      `    ${outcome.reason.en}`,
      '    rule trail:',
      ...[...outcome.visit.trail, ...(accept?.trail ?? [])].map(stepLine),
    )
  }
  return `${lines.join('\n')}\n`
}

export function registerLinkRuleCommands(link: Command, globals: () => GlobalOptions): void {
  const run = (work: (core: Core) => Promise<void>): Promise<void> => withCore(globals(), work)
  const rules = link.command('rules').description('visit and accept rules of each link (JSON file)')
  rules
    .command('export')
    .description('the rules of every pending or linked link, or of one: [{ site, visit, accept }]')
    .option('--site <name>', "only this partner (its site or company name, or the link's id)")
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(async (options: { site?: string; out?: string }) =>
      run(async (core) => {
        const entries = []
        for (const summary of await linksNamed(core, options.site)) {
          const { visit, accept } = await core.api['link.rules.get']({ id: summary.id })
          entries.push({ site: siteOf(summary), visit, accept })
        }
        if (options.out === undefined) printJson(entries)
        else await writeFile(options.out, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 })
      }),
    )
  rules
    .command('import <file>')
    .description(
      'replace the rules of the links the file names (all checked first: any error changes nothing)',
    )
    .option('--site <name>', 'only this partner; a file of one entry is applied to it')
    .action(async (file: string, options: { site?: string }) =>
      run(async (core) => {
        const sites = await importRules(core, file, options.site)
        process.stdout.write(`saved the rules of / ルールを保存しました: ${sites.join(', ')}\n`)
      }),
    )
  link
    .command('explain <employee>')
    .description('why an employee may or may not visit: per partner, the decision and the rule trail')
    .option('--site <name>', 'only this partner')
    .option('--address <ip>', 'the address the visit comes from (network rules apply)')
    .option('--incoming', "a partner's employee visiting here (needs --site)")
    .option('--json', 'print JSON')
    .action(
      async (
        employeeKey: string,
        options: { site?: string; address?: string; incoming?: boolean; json?: boolean },
      ) =>
        run(async (core) => {
          const [only] = options.site === undefined ? [] : await linksNamed(core, options.site)
          const result = await core.api['link.explain']({
            employeeKey,
            direction: options.incoming ? 'incoming' : 'outgoing',
            ...(only ? { linkId: only.id } : {}),
            ...(options.address === undefined ? {} : { address: options.address }),
          })
          if (options.json) printJson(result)
          else process.stdout.write(explanationText(result))
        }),
    )
}
