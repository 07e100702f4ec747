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

const electron = findElectron()
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
  console.log(`Electron is not available here; starting the daemon instead (${electron.reason})`)
  handOver(process.execPath, [join(root, 'bin', 'renkei.cjs'), 'daemon', ...args])
}
