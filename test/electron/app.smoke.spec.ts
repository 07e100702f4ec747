import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const root = resolve(__dirname, '../..')

/**
 * The Electron executable, if this machine has it. require('electron') downloads the binary on first
 * use (Electron 42+ has no postinstall); asked in a child process so a failed download stays quiet.
 */
function electronBinary(): string | undefined {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
  })
  const path = result.status === 0 ? result.stdout.trim() : ''
  return path && existsSync(path) ? path : undefined
}

/** The app must load its built renderer, and Electron must run as Electron. */
function appEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'ELECTRON_RENDERER_URL')
      env[key] = value
  }
  return env
}

const skipReason =
  'Electron binary not installed on this machine (npm could not download it); runs where it exists'

test('the desktop app opens its window on the Dashboard', async () => {
  const executablePath = electronBinary()
  // The list reporter does not print skip annotations: say it on the console as well.
  if (!executablePath) console.log(`skipped: ${skipReason}`)
  test.skip(!executablePath, skipReason)
  const electronPackage = join(root, 'node_modules/electron/package.json')
  const { version } = JSON.parse(readFileSync(electronPackage, 'utf8')) as { version: string }
  expect(existsSync(join(root, 'out/main/index.js')), 'run "npm run build" first').toBe(true)
  const native = join(root, '.electron-native', `electron-${version}`, 'better_sqlite3.node')
  expect(existsSync(native), 'run "npm run electron:native" first').toBe(true)

  const userDataDir = mkdtempSync(join(tmpdir(), 'renkei-electron-'))
  // Chromium refuses to start as root (CI containers) unless its OS sandbox is off.
  const asRoot = process.platform === 'linux' && process.getuid?.() === 0
  const app = await electron.launch({
    executablePath,
    args: [root, `--user-data-dir=${userDataDir}`, ...(asRoot ? ['--no-sandbox'] : [])],
    env: appEnv(),
  })
  try {
    const page = await app.firstWindow()
    await expect(page).toHaveTitle(/Renkei/)
    await expect(page.getByRole('heading', { level: 1, name: /ダッシュボード|Dashboard/ })).toBeVisible()
    // The preload's bridge is there, and nothing of Node leaks into the page.
    const globals = await page.evaluate(() => {
      const scope = globalThis as {
        renkei?: { api?: Record<string, unknown> }
        require?: unknown
        process?: unknown
      }
      return [typeof scope.renkei?.api?.['app.status'], typeof scope.require, typeof scope.process]
    })
    expect(globals).toEqual(['function', 'undefined', 'undefined'])
  } finally {
    await app.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
})
