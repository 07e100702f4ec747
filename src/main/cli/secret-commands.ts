import type { Command } from 'commander'
import { readSecretFromStdin } from './read-secret'
import { withCore, type GlobalOptions } from './with-core'

export function registerSecretCommands(program: Command, globals: () => GlobalOptions): void {
  const secret = program
    .command('secret')
    .description('credentials in the OS keychain (values are never shown)')

  secret
    .command('set <name>')
    .description('read the value from stdin (typed without echo, or piped)')
    .action(async (name: string) => {
      const value = await readSecretFromStdin(`Value for ${name} / ${name} の値: `)
      await withCore(globals(), async (core) => {
        await core.api['secrets.set']({ name, value })
        process.stdout.write(`${name}: set / 設定しました\n`)
      })
    })

  secret.command('clear <name>').action(async (name: string) => {
    await withCore(globals(), async (core) => {
      const before = await core.api['secrets.list']({})
      await core.api['secrets.clear']({ name })
      const existed = before.some((s) => s.name === name)
      process.stdout.write(
        existed ? `${name}: cleared / 削除しました\n` : `${name}: was not set / 未設定です\n`,
      )
    })
  })

  secret
    .command('list')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const list = await core.api['secrets.list']({})
        if (options.json) return void process.stdout.write(`${JSON.stringify(list)}\n`)
        if (list.length === 0)
          process.stdout.write('No secrets are set. / シークレットは設定されていません。\n')
        for (const item of list) process.stdout.write(`${item.name}\t${item.set ? 'set' : 'not set'}\n`)
      })
    })
}
