/**
 * `renkei notice send-test|queue|retry|event`: the notice relay from the shell, all through the API —
 * a test send with the result, the queue by state and target, retry of set-aside messages, and one event
 * taken in from JSON (as the groupware's webhook would hand it over).
 */
import type { Command } from 'commander'
import type { NoticeEventInput } from '../../shared/model/notices'
import type { Core } from '../core/core-types'
import { printJson, UsageError } from './cli-output'
import { readJsonInput } from './json-input'
import { ingestText, queueText, stateOf } from './notice-output'
import { withCore, type GlobalOptions } from './with-core'

/** A home employee's key as typed, else the address as typed (an XMPP or Slack address has no key). */
async function testRecipient(core: Core, to: string): Promise<{ employeeKey: string } | { address: string }> {
  const { employees } = await core.api['directory.employees']({ text: to, limit: 20 })
  return employees.some((e) => e.key === to) ? { employeeKey: to } : { address: to }
}

function messageId(text: string): number {
  if (/^\d{1,15}$/.test(text)) return Number(text)
  throw new UsageError({
    ja: `メッセージ ID「${text}」は数字ではありません。renkei notice queue で確認してください。`,
    en: `The message id "${text}" is not a number. See renkei notice queue.`,
  })
}

function retryInput(id: string | undefined, options: { target?: string; all?: boolean }) {
  const given = [id !== undefined, options.target !== undefined, options.all === true].filter(Boolean)
  if (given.length !== 1) {
    throw new UsageError({
      ja: '再送するものを 1 つだけ指定してください: メッセージ ID、--target 送信先、または --all。何も変更していません。',
      en: 'Name what to retry once: a message id, --target TARGET, or --all. Nothing was changed.',
    })
  }
  if (id !== undefined) return { id: messageId(id) }
  return options.target !== undefined ? { targetId: options.target } : {}
}

export function registerNoticeCommands(program: Command, globals: () => GlobalOptions): void {
  const run = (work: (core: Core) => Promise<void>): Promise<void> => withCore(globals(), work)
  const notice = program
    .command('notice')
    .description('notice relay (お知らせ中継): test, queue, retry, events')
  notice
    .command('send-test <target>')
    .description('send one sample message to a target now (not queued) and show what the server said')
    .option('--to <who>', "a home employee's key, or an address as the target writes it")
    .option('--json', 'print JSON')
    .action(async (id: string, options: { to?: string; json?: boolean }) =>
      run(async (core) => {
        const to = options.to === undefined ? {} : await testRecipient(core, options.to)
        const result = await core.api['notice.targets.test']({ id, ...to })
        if (options.json) printJson(result)
        else {
          const out = result.ok ? process.stdout : process.stderr
          const head = result.ok ? 'sent / 送信しました' : 'not sent / 送信できませんでした'
          out.write(
            `${head}${result.address ? `: ${result.address}` : ''}\n${result.message.ja}\n${result.message.en}\n`,
          )
          if (result.detail) out.write(`${result.detail}\n`)
        }
        if (!result.ok) process.exitCode = 1
      }),
    )
  notice
    .command('queue')
    .description('messages of the queue, newest first, with the count of each state')
    .option('--state <state>', 'pending | sent | set-aside | dropped')
    .option('--target <id>', 'only this target')
    .option('--limit <n>', 'at most this many messages (1-500)', '100')
    .option('--json', 'print JSON')
    .action(async (options: { state?: string; target?: string; limit: string; json?: boolean }) => {
      const state = options.state === undefined ? undefined : stateOf(options.state)
      await run(async (core) => {
        const page = await core.api['notice.queue']({
          state,
          targetId: options.target,
          limit: Number(options.limit),
        })
        if (options.json) printJson(page)
        else process.stdout.write(queueText(page))
      })
    })
  notice
    .command('retry [id]')
    .description('put set-aside messages back in the queue: one (its id), all of a target, or all')
    .option('--target <id>', 'every set-aside message of this target')
    .option('--all', 'every set-aside message')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, options: { target?: string; all?: boolean; json?: boolean }) => {
      const input = retryInput(id, options)
      await run(async (core) => {
        const result = await core.api['notice.retry'](input)
        if (options.json) printJson(result)
        else process.stdout.write(`retried ${result.retried} / ${result.retried} 件を送信待ちに戻しました\n`)
      })
    })
  notice
    .command('event <file>')
    .description('take in one event from a JSON file ("-": standard input), as the groupware webhook would')
    .option('--source <id>', 'the source it is recorded under', 'manual')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { source: string; json?: boolean }) => {
      const event = await readJsonInput(file === '-' ? '-' : undefined, file === '-' ? {} : { file })
      await run(async (core) => {
        // Checked by the API's own schema: a bad event is refused in both languages and nothing is added.
        const result = await core.api['notice.events.ingest']({
          source: options.source,
          event: event as NoticeEventInput,
        })
        if (options.json) printJson(result)
        else process.stdout.write(ingestText(result))
      })
    })
}
