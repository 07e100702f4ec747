import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../support/cli'

const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const dir = mkdtempSync(join(tmpdir(), 'renkei-bench-check-'))

/** A stand-in bench that prints goal lines in the exact wording every bench uses. */
function fakeBench(name: string, lines: readonly string[]): string {
  const file = join(dir, `${name}-bench.ts`)
  writeFileSync(file, lines.map((line) => `console.log(${JSON.stringify(line)})`).join('\n'))
  return file
}

function runAll(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [tsx, join(projectRoot, 'bench', 'run-all.ts'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run bench -- --check', () => {
  const missed = fakeBench('missed', [
    '  search  120 ms  goal < 100 ms: NOT met',
    '  prune  10 ms  goal < 50 ms: met',
  ])
  const met = fakeBench('met', ['  search  20 ms  goal < 100 ms: met'])

  it('exits 1 when any bench prints a goal "NOT met", and names it', () => {
    const result = runAll(['--check', met, missed])
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('Goals NOT met (1)')
    expect(result.stdout).toContain('goal < 100 ms: NOT met')
  })

  it('exits 0 when every goal is met', () => {
    expect(runAll(['--check', met]).status).toBe(0)
  })

  it('without --check only reports a missed goal (exit 0)', () => {
    const result = runAll([missed])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Goals NOT met (1)')
  })
})
