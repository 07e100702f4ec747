import type { Command } from 'commander'
import type {
  LinkActionResult,
  LinkDetail,
  LinkList,
  LinkRequestPreview,
  LinkSiteSettings,
  LinkSummary,
} from '../../shared/model/sitelink'
import type { Core } from '../core/core-types'
import { printJson } from './cli-output'
import { registerLinkMachineCommand } from './link-machine-command'
import { registerLinkRuleCommands } from './link-rules-commands'
import { withCore, type GlobalOptions } from './with-core'

/** Exit code of a start or relink at peak hours that was neither confirmed nor moved to tonight. */
const peakExitCode = 2

const stateText = {
  pending: 'pending',
  linked: 'linked',
  unlinked: 'unlinked',
  rejected: 'rejected',
} as const

function time(at: number): string {
  return new Date(at).toLocaleString('ja-JP')
}

function summaryLine(link: LinkSummary): string {
  const name = link.partner.siteName ?? link.partner.companyName
  const state = `${stateText[link.state]}${link.paused ? ' (paused)' : ''}`
  return `  ${link.id}  ${state.padEnd(17)} ${link.role.padEnd(9)} ${name}  ${link.partner.linkUrl}`
}

function listText(list: LinkList): string {
  const lines = [`links: ${list.activeCount} pending or linked`, ...list.links.map(summaryLine)]
  if (list.warning) lines.push(`renkei: ${list.warning.ja}`, `renkei: ${list.warning.en}`)
  return `${lines.join('\n')}\n`
}

function detailText(detail: LinkDetail): string {
  const { summary } = detail
  const lines = [
    summaryLine(summary).trim(),
    `  company: ${summary.partner.companyName}`,
    `  site: ${summary.partner.siteName ?? '-'}`,
    `  key: ${detail.partnerKeyId}`,
    ...detail.transitions.map((t) => `  ${time(t.at)}  ${t.kind}  ${t.actor} (${t.siteName})`),
  ]
  if (summary.lastError) lines.push(`renkei: ${summary.lastError.ja}`, `renkei: ${summary.lastError.en}`)
  return `${lines.join('\n')}\n`
}

function siteText(site: LinkSiteSettings): string {
  return [
    `company: ${site.companyName || '-'}`,
    `site: ${site.siteName ?? '-'}`,
    `link URL: ${site.linkUrl ?? '-'}`,
    `admin: ${site.effectiveAdminName}${site.adminName === null ? ' (OS user)' : ''}`,
    '',
  ].join('\n')
}

function previewText(preview: LinkRequestPreview): string {
  return [
    `company: ${preview.partner.companyName}`,
    `site: ${preview.partner.siteName ?? '-'}`,
    `link URL: ${preview.partner.linkUrl}`,
    `requested: ${time(preview.requestedAt)} ${preview.requester}`,
    `valid until: ${time(preview.expiresAt)}`,
    `key: ${preview.partnerKeyId}`,
    '',
  ].join('\n')
}

type Json = { readonly json?: boolean }

function print<T>(value: T, json: boolean | undefined, text: (value: T) => string): void {
  if (json) printJson(value)
  else process.stdout.write(text(value))
}

/** Start or relink: at peak hours the warning is printed and the exit code says nothing was done. */
function printAction(result: LinkActionResult, json: boolean | undefined): void {
  if (result.outcome === 'peak') process.exitCode = peakExitCode
  print(result, json, (r) =>
    r.outcome === 'peak'
      ? `renkei: ${r.warning.ja}\nrenkei: ${r.warning.en}\n(--confirm-peak: now / 今すぐ, --tonight: ${time(r.tonightAt)})\n`
      : `${detailText(r.link)}${r.firstSendAt ? `  first full send: ${time(r.firstSendAt)}\n` : ''}`,
  )
}

export function registerLinkCommands(program: Command, globals: () => GlobalOptions): void {
  const link = program.command('link').description('site link: link records and their life cycle')
  const run = (work: (core: Core) => Promise<void>): Promise<void> => withCore(globals(), work)
  link
    .command('site')
    .description("this site's profile (company, site name, link URL, admin name); options change it")
    .option('--company <name>', 'company name')
    .option('--site <name>', 'site name ("" for none)')
    .option('--url <url>', 'link URL (https, port 443); a change is told to every partner')
    .option('--admin <name>', 'admin name written into transitions ("" for the OS user name)')
    .option('--json', 'print JSON')
    .action(async (options: Json & { company?: string; site?: string; url?: string; admin?: string }) => {
      await run(async (core) => {
        const patch = {
          companyName: options.company,
          siteName: options.site,
          linkUrl: options.url,
          adminName: options.admin,
        }
        const changes = Object.values(patch).some((value) => value !== undefined)
        const site = changes ? await core.api['link.site.update'](patch) : await core.api['link.site.get']({})
        print(site, options.json, siteText)
      })
    })
  link
    .command('list')
    .description('every link with its state')
    .option('--json', 'print JSON')
    .action(async (options: Json) =>
      run(async (core) => print(await core.api['link.list']({}), options.json, listText)),
    )
  link
    .command('request')
    .description('a one-time link URL valid 24 hours (a new one invalidates the old); shown once only')
    .option('--json', 'print JSON')
    .action(async (options: Json) =>
      run(async (core) =>
        print(await core.api['link.request']({}), options.json, (t) =>
          [
            t.url,
            `valid until / 有効期限: ${time(t.expiresAt)}`,
            'renkei: このURLは今だけ表示します（保存されません）。連携先の管理者に送ってください。',
            'renkei: This URL is shown now only (it is not stored). Send it to the partner site’s admin.',
            '',
          ].join('\n'),
        ),
      ),
    )
  link
    .command('load <url>')
    .description('show who asks (records nothing at the requester, sends nothing about this site)')
    .option('--json', 'print JSON')
    .action(async (url: string, options: Json) =>
      run(async (core) => print(await core.api['link.load']({ url }), options.json, previewText)),
    )
  link
    .command('accept <url>')
    .description("accept the request: this site's profile is published to the requester")
    .option('--json', 'print JSON')
    .action(async (url: string, options: Json) =>
      run(async (core) => print(await core.api['link.accept']({ url }), options.json, detailText)),
    )
  for (const verb of ['start', 'relink'] as const) {
    link
      .command(`${verb} <id>`)
      .description(
        `${verb === 'start' ? 'start a pending link (requester)' : 'send everything again'}; exit 2 at peak hours`,
      )
      .option('--confirm-peak', 'go ahead at peak hours (8:30–9:30, 17:30–18:30)')
      .option('--tonight', 'send the first full send at 22:00')
      .option('--json', 'print JSON')
      .action(async (id: string, options: Json & { confirmPeak?: boolean; tonight?: boolean }) =>
        run(async (core) => {
          const input = {
            id,
            confirmPeak: options.confirmPeak ?? false,
            sendTonight: options.tonight ?? false,
          }
          printAction(await core.api[`link.${verb}`](input), options.json)
        }),
      )
  }
  for (const verb of ['reject', 'pause', 'resume', 'unlink'] as const) {
    link
      .command(`${verb} <id>`)
      .description(`${verb} the link`)
      .option('--json', 'print JSON')
      .action(async (id: string, options: Json) =>
        run(async (core) => print(await core.api[`link.${verb}`]({ id }), options.json, detailText)),
      )
  }
  link
    .command('get <id>')
    .description('one link with its transitions')
    .option('--json', 'print JSON')
    .action(async (id: string, options: Json) =>
      run(async (core) => print(await core.api['link.get']({ id }), options.json, detailText)),
    )
  registerLinkRuleCommands(link, globals)
  registerLinkMachineCommand(link, globals)
}
