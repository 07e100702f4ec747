#!/usr/bin/env node
// `npm run electron:native`: builds better-sqlite3 for the installed Electron's ABI into
// .electron-native/electron-<version>/better_sqlite3.node, which the app loads through better-sqlite3's
// nativeBinding option (src/main/core/store/native-binding.ts). node_modules/better-sqlite3 keeps its
// Node build for tests, the CLI and the daemon: the work happens in a temporary copy.
// First a prebuilt binary (prebuild-install, from GitHub); else a compile (node-gyp, Electron headers
// from electronjs.org). Both need the network. Options: --arch=<arch> (default: this machine's).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const moduleDir = join(root, 'node_modules', 'better-sqlite3')
const electronPackage = join(root, 'node_modules', 'electron', 'package.json')
const isWindows = process.platform === 'win32'

/** A failure with a message for the user (printed without a stack trace). */
class BuildError extends Error {}
function fail(message) {
  throw new BuildError(message)
}

/** Like Electron's own installer: x64 Node under Rosetta still gets an arm64 Electron. */
function targetArch() {
  const option = process.argv.find((arg) => arg.startsWith('--arch='))
  if (option) return option.slice('--arch='.length)
  if (process.platform === 'darwin' && process.arch === 'x64') {
    try {
      if (execFileSync('sysctl', ['-in', 'sysctl.proc_translated']).toString().trim() === '1') return 'arm64'
    } catch {
      // not under Rosetta
    }
  }
  return process.arch
}

/**
 * npm passes its config to scripts as npm_config_* variables; a `nodedir` or `target` there would
 * silently build for Node instead of Electron, so the builders get an environment without them.
 */
function builderEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key))
      delete env[key]
  }
  return env
}

/** Runs a command, showing its output live and keeping it for diagnosis. Resolves to { code, output }. */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    // npx is a .cmd on Windows, which spawn can only start through a shell.
    const child = spawn(command, args, { cwd, env: builderEnv(), shell: isWindows && command === 'npx' })
    let output = ''
    const keep = (stream) => (data) => {
      output += data
      stream.write(data)
    }
    child.stdout.on('data', keep(process.stdout))
    child.stderr.on('data', keep(process.stderr))
    child.on('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}` }))
    child.on('close', (code) => resolve({ code: code ?? -1, output }))
  })
}

const offline = (output) =>
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|fetch failed/i.test(
    output,
  )

/** npm ships node-gyp: found through npm's own variables, else next to the global npm, else via npx. */
function nodeGyp() {
  const fromNpm = [process.env.npm_config_node_gyp]
  if (process.env.npm_execpath) {
    fromNpm.push(
      join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    )
  }
  const found = [...fromNpm, globalNpmNodeGyp()].find((file) => file?.endsWith('.js') && existsSync(file))
  return found ? [process.execPath, [found]] : ['npx', ['--yes', 'node-gyp']]
}

function globalNpmNodeGyp() {
  try {
    const prefix = execFileSync('npm', ['prefix', '-g'], {
      shell: isWindows,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim()
    const globalModules = isWindows ? join(prefix, 'node_modules') : join(prefix, 'lib', 'node_modules')
    return join(globalModules, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  } catch {
    return undefined // npm not on PATH: npx may still work
  }
}

async function main() {
  if (!existsSync(electronPackage)) fail('node_modules/electron is missing. Run "npm install" first.')
  if (!existsSync(join(moduleDir, 'binding.gyp')))
    fail('node_modules/better-sqlite3 is missing. Run "npm install" first.')
  const electronVersion = JSON.parse(readFileSync(electronPackage, 'utf8')).version
  const arch = targetArch()
  const destination = join(root, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node')
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch})...`)

  const work = mkdtempSync(join(tmpdir(), 'renkei-electron-native-'))
  try {
    const copy = join(work, 'better-sqlite3')
    // Without build/: the Node binary must never be mistaken for the result.
    cpSync(moduleDir, copy, {
      recursive: true,
      filter: (source) =>
        !source.startsWith(join(moduleDir, 'build') + sep) && source !== join(moduleDir, 'build'),
    })
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node')

    const prebuildBin = join(root, 'node_modules', 'prebuild-install', 'bin.js')
    const prebuild = existsSync(prebuildBin)
      ? [process.execPath, [prebuildBin]]
      : ['npx', ['--yes', 'prebuild-install']]
    console.log('\n1/2 Downloading a prebuilt binary (prebuild-install)...')
    const download = await run(
      prebuild[0],
      [...prebuild[1], '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'],
      copy,
    )

    let compiled = { code: 0, output: '' }
    if (download.code !== 0 || !existsSync(built)) {
      console.log('\n2/2 No prebuilt binary; compiling with node-gyp against the Electron headers...')
      const [gyp, gypArgs] = nodeGyp()
      compiled = await run(
        gyp,
        [
          ...gypArgs,
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        copy,
      )
    }
    if (!existsSync(built) || compiled.code !== 0) {
      if (offline(download.output + compiled.output)) {
        fail(
          'no network access. Both ways need the internet: the prebuilt binary comes from github.com, the ' +
            'Electron headers for compiling from electronjs.org. Connect (or set HTTPS_PROXY) and run ' +
            '"npm run electron:native" again.',
        )
      }
      fail(
        'the build failed (output above). Compiling needs Python 3 and a C++ toolchain: build-essential on ' +
          'Linux, Xcode Command Line Tools on macOS, Visual Studio Build Tools ("Desktop development with C++") ' +
          'on Windows.',
      )
    }

    // An Electron build refuses to load in Node; one that loads was built for Node by mistake.
    if (spawnSync(process.execPath, ['-e', `require(${JSON.stringify(built)})`]).status === 0) {
      fail(
        'the result loads in Node, so it was built for Node, not Electron. Check "npm config get nodedir".',
      )
    }
    mkdirSync(dirname(destination), { recursive: true })
    cpSync(built, `${destination}.tmp`)
    renameSync(`${destination}.tmp`, destination)
    console.log(`\nDone: ${destination}`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

try {
  await main()
} catch (error) {
  if (!(error instanceof BuildError)) throw error
  console.error(`\nelectron:native: ${error.message}`)
  process.exit(1)
}
