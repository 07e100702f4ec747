/**
 * Site link end to end over loopback HTTPS (issue 12 item 10): two sites, each a process of its own with its
 * partner endpoint on port 443 (127.0.9.1 and 127.0.9.2, certificates from a CA made here), linked through the
 * real handshake. A's home directory then holds BENCH_SITELINK_EMPLOYEES people (100,000) in 5,000
 * departments; 「今すぐ送信」 (link.sendNow) at A returns once B acknowledged — applied — every batch: that is
 * the initial transfer, end to end. Then 1% of the people change and the same is timed again. Peak RSS is
 * each process's own. The children are bundled like the app (tsx adds ~100 MB to a process).
 * `npx tsx bench/sitelink-bench.ts`; BENCH_CPU_PROF=DIR profiles both children; BENCH_MEM_TRACE=1 traces memory.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { buildSync } from 'esbuild'
import type { DirectoryEmployee, DirectorySnapshot } from '../src/shared/model/directory'
import { makePartnerCerts, type SiteCertificate } from '../test/support/partner-certs'
import { testEmployee, writeHome } from '../test/support/exchange-sites'

const employees = Number(process.env.BENCH_SITELINK_EMPLOYEES ?? 100_000)
const departments = 5_000
const addresses = ['127.0.9.1', '127.0.9.2'] as const

function bundledChild(dir: string): string {
  const outfile = join(dir, 'sitelink-child.cjs')
  buildSync({
    entryPoints: [join(__dirname, 'sitelink-child.ts')],
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

/** A site process and its one-call-at-a-time API over stdin/stdout. */
interface Site {
  call<T>(method: string, input?: object): Promise<T>
  stop(): Promise<void>
}

function startSite(script: string, dataDir: string, label: string): Site {
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const env = { ...process.env, NODE_PATH: join(__dirname, '..', 'node_modules') }
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [...profile, script, dataDir, label],
    { env },
  )
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  const waiting = new Map<number, (line: { ok: boolean; value?: unknown; error?: unknown }) => void>()
  createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as { n: number; ok: boolean }
    waiting.get(answer.n)?.(answer)
    waiting.delete(answer.n)
  })
  let next = 0
  return {
    call<T>(method: string, input: object = {}): Promise<T> {
      const n = next++
      return new Promise<T>((resolve, reject) => {
        waiting.set(n, (answer) =>
          answer.ok
            ? resolve(answer.value as T)
            : reject(new Error(`${label} ${method}: ${JSON.stringify(answer.error)}`)),
        )
        child.stdin.write(`${JSON.stringify({ n, method, input })}\n`)
      })
    },
    stop: () =>
      new Promise((resolve) => {
        child.on('close', () => resolve())
        child.stdin.end()
      }),
  }
}

/** Site profile, trusted CA and endpoint on `address`:443 with its CA-issued certificate. */
async function configure(
  site: Site,
  dir: string,
  name: string,
  address: string,
  cert: SiteCertificate,
  caPem: string,
) {
  const certFile = join(dir, 'endpoint-cert.pem')
  const keyFile = join(dir, 'endpoint-key.pem')
  writeFileSync(certFile, cert.cert)
  writeFileSync(keyFile, cert.key, { mode: 0o600 })
  await site.call('network.ca.add', { pem: caPem })
  const linkUrl = `https://${address}/`
  await site.call('link.site.update', {
    companyName: `${name} 株式会社`,
    siteName: name,
    linkUrl,
    adminName: `管理者${name}`,
  })
  await site.call('link.endpoint.update', {
    enabled: true,
    bindAddress: address,
    port: 443,
    certificate: { kind: 'pem', certFile, keyFile },
  })
}

function snapshot(changed: number): DirectorySnapshot {
  const people: DirectoryEmployee[] = []
  for (let n = 1; n <= employees; n++) {
    const person = testEmployee(n, { mainDepartment: `D${n % departments}` })
    people.push(n <= changed ? { ...person, nameJa: `${person.nameJa} (異動)` } : person)
  }
  return {
    employees: people,
    departments: Array.from({ length: departments }, (_, i) => ({
      code: `D${i}`,
      nameJa: `部署 ${i}`,
      nameEn: null,
      parent: i === 0 ? null : `D${Math.floor((i - 1) / 10)}`,
      order: i,
    })),
    positions: [{ code: 'P1', nameJa: '部長', nameEn: 'Manager', rank: 1 }],
    groups: [],
  }
}

interface SendResult {
  readonly links: readonly { delivered: number; pending: number; error: unknown }[]
}

async function timedSend(a: Site): Promise<{ ms: number; delivered: number }> {
  const start = performance.now()
  const result = await a.call<SendResult>('link.sendNow')
  const ms = performance.now() - start
  const outcome = result.links[0]!
  if (outcome.pending !== 0 || outcome.error !== null)
    throw new Error(`send failed: ${JSON.stringify(outcome)}`)
  return { ms, delivered: outcome.delivered }
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met')

export async function runSiteLinkBench(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-sitelink-bench-'))
  const script = bundledChild(dir)
  const certs = makePartnerCerts(addresses)
  const dirA = join(dir, 'a')
  const dirB = join(dir, 'b')
  mkdirSync(dirA)
  mkdirSync(dirB)
  const a = startSite(script, dirA, 'A')
  const b = startSite(script, dirB, 'B')
  try {
    await configure(a, dirA, 'A', addresses[0], certs.sites[0]!, certs.caPem)
    await configure(b, dirB, 'B', addresses[1], certs.sites[1]!, certs.caPem)
    // The handshake with empty directories; start sends the company at once (waited for by a send now).
    const { url } = await a.call<{ url: string }>('link.request')
    const accepted = await b.call<{ summary: { id: string } }>('link.accept', { url })
    const { links } = await a.call<{ links: { id: string }[] }>('link.list')
    await a.call('link.start', { id: links[0]!.id, confirmPeak: true })
    await a.call('link.sendNow')

    writeHome(dirA, snapshot(0))
    print(
      `Site link over loopback HTTPS: ${employees.toLocaleString()} people, ${departments.toLocaleString()} departments (two processes)`,
    )
    const initial = await timedSend(a)
    const page = await b.call<{ total: number }>('link.partnerDirectory', {
      id: accepted.summary.id,
      query: '社員',
    })
    if (page.total !== employees) throw new Error(`B holds ${page.total} people, not ${employees}`)
    print(
      `  initial transfer (sendNow → applied at B)`.padEnd(48) +
        ` ${(initial.ms / 1000).toFixed(2).padStart(6)} s  (${initial.delivered} batches)`,
    )
    print(`  goal initial transfer < 30 s: ${verdict(initial.ms < 30_000)}`)

    writeHome(dirA, snapshot(employees / 100))
    const change = await timedSend(a)
    print(
      `  1% change (sendNow → applied at B)`.padEnd(48) +
        ` ${(change.ms / 1000).toFixed(2).padStart(6)} s  (${change.delivered} batches)`,
    )
    print(`  goal 1% change < 2 s: ${verdict(change.ms < 2_000)}`)

    for (const [label, site] of [
      ['A (sender)', a],
      ['B (receiver)', b],
    ] as const) {
      const rssMb = await site.call<number>('__rss')
      print(`  peak RSS ${label}`.padEnd(48) + ` ${rssMb.toFixed(0).padStart(6)} MB`)
      print(`  goal peak RSS ${label} < 400 MB: ${verdict(rssMb < 400)}`)
    }
  } finally {
    await Promise.all([a.stop(), b.stop()])
    rmSync(dir, { recursive: true, force: true })
  }
}

if (/sitelink-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  runSiteLinkBench((line) => console.log(line)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
