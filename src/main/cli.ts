import { Command, CommanderError } from 'commander'
import { registerCalendarCommands } from './cli/calendar-commands'
import { registerDaemonCommand } from './cli/daemon-command'
import { registerDirectoryCommands } from './cli/directory-commands'
import { registerHistoryCommands } from './cli/history-commands'
import { registerLinkCommands } from './cli/link-commands'
import { registerLinkExchangeCommands } from './cli/link-exchange-commands'
import { registerNetworkCommands } from './cli/network-commands'
import { registerNoticeCommands } from './cli/notice-commands'
import { registerPresenceCommands } from './cli/presence-commands'
import { registerRoomCommands } from './cli/room-commands'
import { registerSecretCommands } from './cli/secret-commands'
import { registerStatusCommand } from './cli/status-command'
import { reportError } from './cli/cli-output'
import type { GlobalOptions } from './cli/with-core'
import { version } from './version'

/** The `renkei` command: scripting access to the same core the app runs, plus the daemon. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('renkei')
    .description('Renkei (連携): keeps groupware systems in step')
    .version(version)
    .option('--data-dir <dir>', "data directory (default: the desktop app's)")
    .exitOverride()
    .showHelpAfterError()
  const globals = (): GlobalOptions => program.opts<GlobalOptions>()
  registerStatusCommand(program, globals)
  registerDaemonCommand(program, globals)
  registerHistoryCommands(program, globals)
  registerSecretCommands(program, globals)
  registerDirectoryCommands(program, globals)
  registerCalendarCommands(program, globals)
  registerNetworkCommands(program, globals)
  registerLinkCommands(program, globals)
  registerLinkExchangeCommands(program, globals)
  registerPresenceCommands(program, globals)
  registerNoticeCommands(program, globals)
  registerRoomCommands(program, globals)
  try {
    await program.parseAsync([...argv], { from: 'user' })
    // A command that printed its result but failed (a blocked directory run) sets exitCode itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode
    return reportError(error)
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.exitCode = reportError(error)
    },
  )
}
