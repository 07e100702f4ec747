#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run, else the headless daemon (same core, browser UI).
// Builds out/ first if needed, and the Electron build of better-sqlite3 on first start.
// Extra arguments are passed on: `npm start -- --port 8080 --data-dir ./data` (daemon) or `-- --hidden` (app).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

/** Runs a Node script to completion with inherited stdio; exits with its code on failure. */
function runNode(script, scriptArgs = []) {
  const result = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/**
 * The Electron executable's path, or why there is none. Electron 42+ has no postinstall download:
 * the first require('electron') fetches the binary, so on a normal machine this also installs it.
 * Asked in a child process so a failed download prints one line, not a stack trace.
 */
function findElectron() {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
  })
  const path = result.status === 0 ? result.stdout.trim() : ''
  if (path && existsSync(path)) return { path }
  const reason = (result.stderr ?? '').split('\n').find((line) => /Error\b/.test(line))
  return { reason: reason?.trim() ?? 'the Electron binary is missing' }
}

/** Replaces this process by `command` as far as the user can tell: same stdio, same exit code. */
function handOver(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env })
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  // Ctrl+C reaches the child from the terminal too: wait for its clean exit. A SIGTERM is ours alone: pass it on.
  process.on('SIGINT', () => undefined)
  process.on('SIGTERM', () => child.kill('SIGTERM'))
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.log('Building the app (electron-vite build)...')
  runNode(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['build'])
}

/** Linux without a desktop session (a server, SSH, CI): Electron could not open a window there. */
function headlessLinux() {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
}

/** Why the desktop app cannot start, and what to do for it, in plain words. */
function explain(reason) {
  if (reason === 'headless') {
    return {
      why: 'this Linux session has no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
      fix: 'run `npm start` from a desktop session to get the desktop app.',
    }
  }
  if (
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up/i.test(
      reason,
    )
  ) {
    return {
      why: `the Electron binary is not installed yet and could not be downloaded (${reason})`,
      fix:
        'Electron downloads itself on its first start: run `npm start` again with internet access ' +
        '(or set ELECTRON_MIRROR to a mirror you can reach).',
    }
  }
  return {
    why: `the Electron binary is missing or could not be installed (${reason})`,
    fix: 'delete node_modules/electron, run `npm ci` and then `npm start` again.',
  }
}

/** Says why the daemon starts instead, what to open, and what the daemon needs on Linux. */
function announceDaemon(reason) {
  const { why, fix } = explain(reason)
  console.log(
    [
      `Renkei: starting the daemon instead of the desktop app: ${why}.`,
      '  Open the URL it prints below in a browser on this machine.',
      process.platform === 'linux'
        ? '  It keeps secrets in the Secret Service keychain, which must be running and unlocked: on a server,\n' +
          '  start it as README.md shows under "Headless Linux" (dbus-run-session + gnome-keyring-daemon --unlock).'
        : '',
      `  For the desktop app: ${fix}`,
    ]
      .filter(Boolean)
      .join('\n'),
  )
}

const electron = headlessLinux() ? { reason: 'headless' } : findElectron()
if (electron.path) {
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
  if (!existsSync(join(root, '.electron-native', `electron-${version}`, 'better_sqlite3.node'))) {
    runNode(join(root, 'scripts', 'build-electron-native.mjs'))
  }
  // ELECTRON_RUN_AS_NODE (set in some editors' terminals) would make Electron behave as plain Node.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  handOver(electron.path, [root, ...args], env)
} else {
  announceDaemon(electron.reason)
  handOver(process.execPath, [join(root, 'bin', 'renkei.cjs'), 'daemon', ...args])
}
