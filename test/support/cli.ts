import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const projectRoot = join(__dirname, '..', '..')
const bin = join(projectRoot, 'bin', 'renkei.cjs')

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built `renkei` command exactly as an administrator would. */
export function runCli(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  if (!existsSync(join(projectRoot, 'out', 'main', 'cli.js'))) {
    throw new Error(
      'out/main/cli.js is missing: run "npm run build" before the integration tests (npm test does).',
    )
  }
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
