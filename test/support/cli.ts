import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const projectRoot = join(__dirname, '..', '..')
const bin = join(projectRoot, 'bin', 'renkei.cjs')
const builtCli = join(projectRoot, 'out', 'main', 'cli.js')

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface CliOptions {
  readonly input?: string
  readonly env?: NodeJS.ProcessEnv
  /** Run as another user (the test runs as root, which no read-only folder stops). */
  readonly user?: { readonly uid: number; readonly gid: number }
}

function newestModification(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 }
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    // Unit tests beside the code are not part of the build.
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue
    const file = join(entry.parentPath, entry.name)
    const { mtimeMs } = statSync(file)
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs }
  }
  return newest
}

let checkedBuild = false

/**
 * The CLI tests run the built app: a missing or stale out/ would test yesterday's code and pass or fail
 * for the wrong reason, so they refuse to run until `npx electron-vite build` has caught up with src/.
 */
export function requireFreshBuild(): void {
  if (checkedBuild) return
  let builtAt: number
  try {
    builtAt = statSync(builtCli).mtimeMs
  } catch {
    throw new Error('out/main/cli.js is missing: run "npx electron-vite build" first (npm test does).')
  }
  const newest = newestModification(join(projectRoot, 'src'))
  if (newest.mtimeMs > builtAt) {
    throw new Error(
      `out/ is older than ${newest.file}: the CLI tests would run stale code. ` +
        'Run "npx electron-vite build" first (npm test does).',
    )
  }
  checkedBuild = true
}

/** Runs the built `renkei` command exactly as an administrator would. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
  requireFreshBuild()
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
    ...(options.user ?? {}),
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
