import { join } from 'node:path'
import type { Command } from 'commander'
import { startDaemon } from '../daemon'
import { version } from '../version'
import { UsageError } from './cli-output'
import { dataDirOf, type GlobalOptions } from './with-core'

export const defaultDaemonPort = 17345

export function registerDaemonCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('daemon')
    .description('run Renkei without Electron: jobs on timers, UI and API on 127.0.0.1')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', String(defaultDaemonPort))
    .action(async (options: { port: string }) => {
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535')
      const daemon = await startDaemon({
        dataDir: dataDirOf(globals()),
        port,
        version,
        // out/main/cli.js -> out/renderer
        rendererRoot: join(__dirname, '../renderer'),
      })
      process.stdout.write(
        `Renkei daemon ${version}\ndata directory: ${dataDirOf(globals())}\n` +
          `Open / 開く: ${daemon.url}\n(keep this URL private: the token in it grants access)\n`,
      )
      await new Promise<void>((resolve) => {
        const shutdown = (): void => {
          process.stdout.write('Stopping…\n')
          resolve()
        }
        process.once('SIGINT', shutdown)
        process.once('SIGTERM', shutdown)
      })
      await daemon.stop()
    })
}
