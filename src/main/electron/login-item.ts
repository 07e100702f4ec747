import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { app } from 'electron'
import type { Core } from '../core/core-types'
import { watchSettings } from './settings-watch'

/** Passed by every login item we register, so a start at login stays in the tray. */
const hiddenFlag = '--hidden'

/**
 * What starts this app: the executable, plus the project directory when running unpackaged
 * (otherwise a bare Electron would start at login). An AppImage runs from a temporary mount,
 * so its own path is the one to remember.
 */
function launchCommand(): { readonly path: string; readonly args: readonly string[] } {
  const path = process.env.APPIMAGE ?? process.execPath
  return { path, args: app.isPackaged ? [hiddenFlag] : [app.getAppPath(), hiddenFlag] }
}

/**
 * Desktop Entry Exec quoting: `%` doubled (field codes), arguments with other characters in double
 * quotes with ", `, $ and \ escaped; then every backslash once more, as Exec is itself a string value.
 */
function execArg(arg: string): string {
  const literal = arg.replace(/%/g, '%%')
  const quoted = /^[\w@%+=:,./-]+$/.test(literal) ? literal : `"${literal.replace(/["`$\\]/g, '\\$&')}"`
  return quoted.replace(/\\/g, '\\\\')
}

/**
 * Linux has no app.setLoginItemSettings; desktops follow the XDG autostart spec instead.
 * Exported for tests.
 */
export function autostartEntryPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart', 'renkei.desktop')
}

function writeAutostartEntry(openAtLogin: boolean, command: readonly string[]): void {
  const file = autostartEntryPath()
  if (!openAtLogin) {
    rmSync(file, { force: true })
    return
  }
  mkdirSync(dirname(file), { recursive: true })
  const exec = command.map(execArg).join(' ')
  writeFileSync(
    file,
    `[Desktop Entry]\nType=Application\nName=Renkei 連携\nExec=${exec}\nTerminal=false\nX-GNOME-Autostart-enabled=true\n`,
  )
}

/** Registers or removes the app as a login item on this OS. */
export function applyLoginItem(openAtLogin: boolean, platform: NodeJS.Platform = process.platform): void {
  const { path, args } = launchCommand()
  if (platform === 'linux') {
    writeAutostartEntry(openAtLogin, [path, ...args])
    return
  }
  // Windows needs the quoted arguments; macOS ignores path/args and reports wasOpenedAtLogin instead.
  app.setLoginItemSettings({ openAtLogin, path, args: args.map((arg) => `"${arg}"`) })
}

/** Keeps the OS login item in step with settings.startAtLogin, applying it once at start. */
export function installLoginItem(core: Core, platform: NodeJS.Platform = process.platform): void {
  let applied: boolean | undefined
  watchSettings(core, ({ startAtLogin }) => {
    if (startAtLogin === applied) return
    try {
      applyLoginItem(startAtLogin, platform)
      applied = startAtLogin
    } catch (error) {
      console.error('Could not update the login item:', error)
    }
  })
}

/** True when the OS started us at login: then the window stays hidden and only the tray shows. */
export function startedAtLogin(argv: readonly string[] = process.argv): boolean {
  if (argv.includes(hiddenFlag)) return true
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
}
