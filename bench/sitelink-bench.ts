/**
 * Site link data exchange (issue 12 item 10): the initial transfer of BENCH_LINK_EMPLOYEES employees
 * (100,000) and 5,000 departments from site A to site B, then a 1% change, each site in its own process
 * (bundled like the app, so tsx's memory is not counted). The transport is plain HTTP on loopback with the
 * signature step left out (the exchange is what is measured; the signed HTTPS client is measured with it
 * once merged). Goals: initial < 30 s and < 400 MB per process; 1% change < 2 s from 「今すぐ送信」 to
 * applied at the partner. `npx tsx bench/sitelink-bench.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { testEmployee, testSnapshot, writeHome } from '../test/support/exchange-sites'

const employees = Number(process.env.BENCH_LINK_EMPLOYEES ?? 100_000)
const departments = 5_000

function bundle(dir: string, name: string): string {
  const outfile = join(dir, `${name}.cjs`)
  buildSync({
    entryPoints: [join(__dirname, `${name}.ts`)],
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

const env = { ...process.env, NODE_PATH: join(__dirname, '..', 'node_modules') }

function startReceiver(script: string, dir: string): Promise<{ child: ChildProcess; port: string }> {
  const child = spawn(process.execPath, [script, dir], { env })
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve({ child, port: chunk.toString().trim() }))
    child.once('exit', (code) => reject(new Error(`receiver exited ${code}`)))
  })
}

interface Sent {
  readonly ms: number
  /** The sender's own CPU time: on a loaded machine the wall time says more about the neighbours. */
  readonly cpuMs: number
  readonly rssMb: number
  readonly delivered: number
  readonly error: string | null
}

function send(script: string, dir: string, port: string): Promise<Sent> {
  const child = spawn(process.execPath, [script, dir, port], { env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) =>
    child.on('close', (status) => {
      const last = stdout.trim().split('\n').pop() ?? ''
      if (status !== 0 || !last.startsWith('{')) reject(new Error(`sender failed: ${stderr}`))
      else resolve(JSON.parse(last) as Sent)
    }),
  )
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met')

export async function runSitelinkBench(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-sitelink-bench-'))
  const dirA = join(dir, 'a')
  const dirB = join(dir, 'b')
  const people = Array.from({ length: employees }, (_, i) => testEmployee(i + 1))
  const departmentOf = (n: number): string => `D${n % departments}`
  const home = people.map((e, i) => ({ ...e, mainDepartment: departmentOf(i) }))
  writeHome(dirA, testSnapshot(home, departments))
  const sender = bundle(dir, 'sitelink-sender-child')
  const receiver = await startReceiver(bundle(dir, 'sitelink-receiver-child'), dirB)
  try {
    print(
      `Site link exchange: ${employees.toLocaleString()} employees + ${departments.toLocaleString()} departments, A → B (each in its own process)`,
    )
    const initial = await send(sender, dirA, receiver.port)
    const rssB = async (): Promise<number> =>
      ((await (await fetch(`http://127.0.0.1:${receiver.port}/stats`)).json()) as { rssMb: number }).rssMb
    print(
      `  initial transfer ${(initial.ms / 1000).toFixed(2).padStart(6)} s  (sender CPU ${(initial.cpuMs / 1000).toFixed(2)} s)  ${initial.delivered} batches  ` +
        `peak RSS sender ${initial.rssMb.toFixed(0)} MB, receiver ${(await rssB()).toFixed(0)} MB${initial.error ? `  ERROR ${initial.error}` : ''}`,
    )
    print(`  goal initial transfer < 30 s: ${verdict(initial.ms < 30_000 && !initial.error)}`)
    print(
      `  goal initial transfer < 400 MB per process: ${verdict(initial.rssMb < 400 && (await rssB()) < 400)}`,
    )
    writeHome(
      dirA,
      testSnapshot(
        home.map((e, i) => (i % 100 === 3 ? { ...e, nameJa: `${e.nameJa} 改` } : e)),
        departments,
      ),
    )
    const change = await send(sender, dirA, receiver.port)
    print(
      `  1% change        ${(change.ms / 1000).toFixed(2).padStart(6)} s  (sender CPU ${(change.cpuMs / 1000).toFixed(2)} s)  ${change.delivered} batches  ` +
        `peak RSS sender ${change.rssMb.toFixed(0)} MB${change.error ? `  ERROR ${change.error}` : ''}`,
    )
    print(`  goal 1% change < 2 s from send now to applied: ${verdict(change.ms < 2000 && !change.error)}`)
  } finally {
    receiver.child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (/sitelink-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  runSitelinkBench((line) => console.log(line)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
