/**
 * Directory sync end to end, as the admin waits for it (issue 9 item 8): `directory.preview` and
 * `directory.run` through the core, each in a fresh process so its wall time and peak RSS are its own.
 * Previews of BENCH_DIRECTORY_EMPLOYEES people (100,000): no target with an empty home directory, no
 * target with the home directory already holding them, and a SCIM target already holding them. Then a SCIM
 * first run of BENCH_SCIM_USERS people (2,000) into SCIMMY (Bulk) and Better Auth (no Bulk): writes/s and
 * requests per user, and the zero-change run after it. Each step runs bench/directory-preview-child.ts bundled like the app (esbuild).
 * `npx tsx bench/directory-preview-bench.ts`; BENCH_CPU_PROF=DIR profiles each child; BENCH_MEM_TRACE=1 prints
 * each child's memory every 100 ms with the phase it is in (a blocked event loop shows as a gap); with it,
 * BENCH_HEAP_SNAPSHOT_MB=N writes one heap snapshot (in the working directory) when a child's heap passes N MB.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { startBetterAuthScim } from '../test/support/better-auth-scim-server'
import { startScimServer } from '../test/support/scim-server'
import { departmentsCsv, writeUsersCsv } from './directory-bench'
import { startScimListServer } from './scim-list-server'

const employees = Number(process.env.BENCH_DIRECTORY_EMPLOYEES ?? 100_000)
const scimUsers = Number(process.env.BENCH_SCIM_USERS ?? 2_000)
const departments = 5_000

interface Measured {
  readonly ms: number
  readonly rssMb: number
  readonly homeChanges: number
  readonly items: number
  readonly outcome: string
}

/**
 * The child, bundled once the way the app is built (one CommonJS file, native modules external), so the
 * memory it reports is the app's and not the TypeScript loader's (tsx adds ~100 MB to every process).
 */
function bundledChild(dir: string): string {
  const outfile = join(dir, 'directory-preview-child.cjs')
  buildSync({
    entryPoints: [join(__dirname, 'directory-preview-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['better-sqlite3', 'keytar', 'electron'],
    logLevel: 'error',
  })
  return outfile
}

let child: string | null = null

/** In a fresh process; async, so servers in this process keep answering while the child works. */
export function measure(
  action: 'preview' | 'run' | 'adopt',
  dataDir: string,
  config: object,
  targetSecret = '',
): Promise<Measured> {
  child ??= bundledChild(mkdtempSync(join(tmpdir(), 'renkei-bench-child-')))
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const args = [...profile, child, `--${action}`, dataDir, JSON.stringify(config)]
  const nodePath = join(__dirname, '..', 'node_modules')
  const env = { ...process.env, BENCH_TARGET_SECRET: targetSecret, NODE_PATH: nodePath }
  const run = spawn(process.execPath, args, { env })
  let stdout = ''
  let stderr = ''
  run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  run.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    if (process.env.BENCH_MEM_TRACE) process.stderr.write(chunk)
  })
  return new Promise((resolve, reject) => {
    run.on('close', (status) => {
      const last = stdout.trim().split('\n').pop() ?? ''
      if (status !== 0 || !last.startsWith('{')) reject(new Error(`bench child failed: ${stderr}`))
      else resolve(JSON.parse(last) as Measured)
    })
  })
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met')

export function printPreview(print: (line: string) => void, label: string, m: Measured): void {
  print(
    `  ${label.padEnd(46)} ${(m.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${m.rssMb.toFixed(0)} MB  ` +
      `(${m.homeChanges} home changes, ${m.items} target writes planned)`,
  )
  print(`  goal ${label} < 3 s: ${verdict(m.ms < 3000)}`)
  print(`  goal ${label} < 300 MB RSS: ${verdict(m.rssMb < 300)}`)
}

interface ScimUnderTest {
  readonly label: string
  readonly baseUrl: string
  readonly token: string
  /** Resources per listing page it sends. */
  readonly pageSize: number
  readonly groups: boolean
  requests(): readonly { readonly method: string; readonly path: string }[]
}

/** A first run of `scimUsers` people, then a run with nothing to change, against one SCIM server. */
async function scimFirstRun(print: (line: string) => void, dir: string, scim: ScimUnderTest): Promise<void> {
  const usersFile = join(dir, 'scim-users.csv')
  writeUsersCsv(usersFile, scimUsers, departments, null)
  const source = { kind: 'csv', usersFile, departmentsFile: join(dir, 'departments.csv') }
  const target = { kind: 'scim', baseUrl: scim.baseUrl, provisionGroups: scim.groups }
  const dataDir = join(dir, `scim-run-${scim.pageSize}`)
  const first = await measure('run', dataDir, { source, target }, scim.token)
  const requests = scim.requests().length
  const bulks = scim.requests().filter((r) => r.path.endsWith('/Bulk')).length
  const writesPerSecond = first.items / (first.ms / 1000)
  print(
    `  SCIM first run, ${scimUsers.toLocaleString()} people (${scim.label})`.padEnd(48) +
      ` ${(first.ms / 1000).toFixed(2).padStart(6)} s  ${writesPerSecond.toFixed(0)} writes/s  ` +
      `${(requests / scimUsers).toFixed(2)} requests per user, ${bulks} Bulk (${first.outcome})`,
  )
  // The servers' own cost per write (SCIMMY re-validates its whole store) weighs in writes/s; the goal is on
  // what Renkei controls: no lookups, one request per user at most (fewer with Bulk).
  print(
    `  goal SCIM first run <= 1.1 requests per user (${scim.label}): ${verdict(requests / scimUsers <= 1.1)}`,
  )
  const again = await measure('run', dataDir, { source, target }, scim.token)
  const zero = scim.requests().slice(requests)
  const pagedOnly = zero.every((r) => r.method === 'GET' && r.path.includes('startIndex='))
  // Each collection: its pages, one past the end (SCIMMY starts over there) and a one-resource probe —
  // twice: a run carries out a confirmed preview, and both list the target.
  const listingRequests = 2 * (Math.ceil(scimUsers / scim.pageSize) + 2 + (scim.groups ? 3 : 0))
  print(
    `  SCIM zero-change preview + run: ${zero.length} requests, run ${(again.ms / 1000).toFixed(2)} s (${again.outcome})`,
  )
  const met = verdict(pagedOnly && zero.length <= listingRequests)
  print(`  goal SCIM zero-change preview + run use paged reads only (${scim.label}): ${met}`)
}

async function scimFirstRuns(print: (line: string) => void, dir: string): Promise<void> {
  const scimmy = await startScimServer()
  try {
    await scimFirstRun(print, dir, { ...scimmy, label: 'SCIMMY, Bulk', pageSize: 200, groups: true })
  } finally {
    await scimmy.stop()
  }
  // Better Auth 1.7.5 refuses groups of more than 100 members: groups off.
  const betterAuth = await startBetterAuthScim()
  try {
    const label = 'Better Auth, no Bulk'
    await scimFirstRun(print, dir, { ...betterAuth, label, pageSize: 100, groups: false })
  } finally {
    await betterAuth.stop()
  }
}

export async function runDirectoryPreviewBench(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-preview-bench-'))
  try {
    const usersFile = join(dir, 'users.csv')
    const departmentsFile = join(dir, 'departments.csv')
    writeFileSync(departmentsFile, `\uFEFF${departmentsCsv(departments)}`)
    writeUsersCsv(usersFile, employees, departments, null)
    const source = { kind: 'csv', usersFile, departmentsFile }
    const none = { source, target: { kind: 'none' } }
    print(`Directory preview end to end: ${employees.toLocaleString()} people (each in a fresh process)`)
    printPreview(print, 'preview, no target, empty home', await measure('preview', join(dir, 'empty'), none))
    const home = join(dir, 'home')
    const imported = await measure('run', home, none)
    print(`  first import (run, no target)`.padEnd(48) + ` ${(imported.ms / 1000).toFixed(2).padStart(6)} s`)
    printPreview(print, 'preview, no target, home holding all', await measure('preview', home, none))
    const scim = await startScimListServer(usersFile, departmentsFile)
    try {
      const target = { kind: 'scim', baseUrl: scim.baseUrl, provisionGroups: false }
      // The steady state: Renkei owns the accounts (the admin approved their adoption once).
      const adopted = await measure('adopt', home, { source, target }, scim.token)
      print(
        `  adopt all (one approved run)`.padEnd(48) +
          ` ${(adopted.ms / 1000).toFixed(2).padStart(6)} s (${adopted.outcome})`,
      )
      const measured = await measure('preview', home, { source, target }, scim.token)
      printPreview(print, 'preview, SCIM target holding all', measured)
      print(`  (SCIM listing: ${scim.requests()} requests)`)
    } finally {
      await scim.stop()
    }
    await scimFirstRuns(print, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (/directory-preview-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  runDirectoryPreviewBench((line) => console.log(line)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
