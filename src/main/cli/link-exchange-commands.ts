import type { Command } from 'commander'
import type { LinkSendResult, PartnerDirectoryPage } from '../../shared/model/sitelink-exchange'
import { printJson, UsageError } from './cli-output'
import { withCore, type GlobalOptions } from './with-core'

function sendText(result: LinkSendResult): string {
  if (result.links.length === 0) return 'no active links: nothing to send / 送信するリンクはありません'
  return result.links
    .map((l) => {
      const error = l.error ? `\n  error: ${l.error.en}\n  エラー: ${l.error.ja}` : ''
      return `${l.linkId}: sent ${l.delivered} batches, ${l.pending} pending${error}`
    })
    .join('\n')
}

function directoryText(page: PartnerDirectoryPage): string {
  const company = page.company ? (page.company.siteName ?? page.company.companyName) : '(no company received)'
  const lines = [`${company}${page.path.length ? ` / ${page.path.map((d) => d.nameJa).join(' / ')}` : ''}`]
  for (const d of page.departments) lines.push(`  [${d.code}] ${d.nameJa}  (${d.employeeCount})`)
  for (const e of page.employees) {
    const presence = e.presence
      ? `  ${e.presence.kind}${e.presence.destination ? ` ${e.presence.destination}` : ''}`
      : ''
    lines.push(
      `  ${e.key}  ${e.nameJa}  ${e.mainDepartment ?? '-'}${e.active ? '' : '  (suspended)'}${presence}`,
    )
  }
  const shown = page.employees.length
  lines.push(`people ${shown ? `${page.offset + 1}-${page.offset + shown}` : '0'} of ${page.total}`)
  if (page.nextOffset !== null) lines.push(`more: --offset ${page.nextOffset}`)
  return lines.join('\n')
}

function offsetOf(text: string | undefined): number {
  if (text === undefined) return 0
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) {
    throw new UsageError({
      ja: `--offset は 0 以上の整数で指定してください（「${text}」）。`,
      en: `--offset must be a whole number, 0 or more (got "${text}").`,
    })
  }
  return n
}

/**
 * `renkei link send` (「今すぐ送信」) and `renkei link directory <id>` (a partner's directory). They join the
 * `link` command the handshake's commands create, or create it.
 */
export function registerLinkExchangeCommands(program: Command, globals: () => GlobalOptions): void {
  const link =
    program.commands.find((c) => c.name() === 'link') ??
    program.command('link').description('site links with partner Renkei sites')
  link
    .command('send')
    .description('send now: plan and deliver to every active link, or the one given; waits for the result')
    .option('--id <id>', 'only this link')
    .option('--json', 'print the result as JSON')
    .action(async (options: { id?: string; json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const result = await core.api['link.sendNow'](options.id === undefined ? {} : { id: options.id })
        if (options.json) printJson(result)
        else process.stdout.write(`${sendText(result)}\n`)
        // A partner that could not be reached is kept for later, but a script must know it failed now.
        if (result.links.some((l) => l.error !== null)) process.exitCode = 1
      })
    })
  link
    .command('directory <id>')
    .description("browse a partner's departments, people (with today's presence) and positions")
    .option('--department <code>', 'the department to open (default: the top level)')
    .option('--query <text>', 'search the whole partner by key, name, kana or e-mail')
    .option('--offset <n>', 'skip this many people (pages of 100)')
    .option('--json', 'print the page as JSON')
    .action(
      async (
        id: string,
        options: { department?: string; query?: string; offset?: string; json?: boolean },
      ) => {
        const offset = offsetOf(options.offset)
        await withCore(globals(), async (core) => {
          const page = await core.api['link.partnerDirectory']({
            id,
            offset,
            ...(options.department === undefined ? {} : { department: options.department }),
            ...(options.query === undefined ? {} : { query: options.query }),
          })
          if (options.json) printJson(page)
          else process.stdout.write(`${directoryText(page)}\n`)
        })
      },
    )
}
