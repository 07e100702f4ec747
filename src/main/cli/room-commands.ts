/**
 * `renkei rooms list|preview <community>|send-notices`: room provisioning from the shell, all through the
 * API — communities with their rooms, one room's 23 values of table F-2 with their rules (or every planned
 * change), and 「通知メールを送信」 with what was sent, dropped and failed (exit 1 when any failed).
 */
import type { Command } from 'commander'
import type { Core } from '../core/core-types'
import { printJson } from './cli-output'
import { communitiesText, limitOf, previewText, sendText } from './room-output'
import { withCore, type GlobalOptions } from './with-core'

export function registerRoomCommands(program: Command, globals: () => GlobalOptions): void {
  const run = (work: (core: Core) => Promise<void>): Promise<void> => withCore(globals(), work)
  const rooms = program
    .command('rooms')
    .description('room provisioning (会議室の自動生成): communities, preview, member notices')
  rooms
    .command('list')
    .description('communities with their rooms: state, periods, status, owner')
    .option('--query <text>', 'only codes or names containing this')
    .option('--after <code>', 'continue after this community code')
    .option('--limit <n>', 'at most this many communities (1-500)', '100')
    .option('--json', 'print JSON')
    .action(async (options: { query?: string; after?: string; limit: string; json?: boolean }) => {
      const limit = limitOf(options.limit)
      await run(async (core) => {
        const page = await core.api['rooms.communities.list']({
          query: options.query,
          after: options.after,
          limit,
        })
        if (options.json) printJson(page)
        else process.stdout.write(communitiesText(page))
      })
    })
  rooms
    .command('preview [community]')
    .description("one community's room values with their rules; without one, every planned change")
    .option('--json', 'print JSON')
    .action(async (community: string | undefined, options: { json?: boolean }) =>
      run(async (core) => {
        const preview = await core.api['rooms.preview'](community === undefined ? {} : { community })
        if (options.json) printJson(preview)
        else process.stdout.write(previewText(preview))
      }),
    )
  rooms
    .command('send-notices')
    .description('send every pending member-added notice now (「通知メールを送信」)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) =>
      run(async (core) => {
        const result = await core.api['rooms.notices.send']({})
        if (options.json) printJson(result)
        else (result.failed > 0 ? process.stderr : process.stdout).write(sendText(result))
        if (result.failed > 0) process.exitCode = 1
      }),
    )
}
