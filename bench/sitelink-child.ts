/**
 * One site of bench/sitelink-bench.ts, in its own process: a core with its partner endpoint listening, driven
 * by the bench over stdin (one JSON line per call: `{ n, method, input }`) and answering on stdout
 * (`{ n, ok, value | error }`). `__rss` answers this process's peak RSS in MiB so far. Argument: DATA_DIR.
 * BENCH_MEM_TRACE=1 prints the memory every 100 ms on stderr.
 */
import { createInterface } from 'node:readline'
import { createCore } from '../src/main/core/app'
import { MemorySecretStore } from '../src/main/core/secrets/memory-secret-store'

function traceMemory(label: string): void {
  const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0)
  const start = performance.now()
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    const ms = (performance.now() - start).toFixed(0)
    console.error(
      `${label} ${ms} ms rss=${mib(m.rss)} heap=${mib(m.heapUsed)} buffers=${mib(m.arrayBuffers)}`,
    )
  }, 100)
  timer.unref()
}

async function child(dataDir: string): Promise<void> {
  const core = await createCore({
    dataDir,
    runtime: 'test',
    version: 'bench',
    secrets: new MemorySecretStore(),
    startScheduler: false,
    listenForPartners: true,
    // The machine's proxy variables must not route one loopback site to the other.
    environment: {},
  })
  if (process.env.BENCH_MEM_TRACE) traceMemory(process.argv[3] ?? 'site')
  const answer = (line: object): boolean => process.stdout.write(`${JSON.stringify(line)}\n`)
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    const { n, method, input } = JSON.parse(line) as { n: number; method: string; input: unknown }
    if (method === '__rss') {
      answer({ n, ok: true, value: process.resourceUsage().maxRSS / 1024 })
      continue
    }
    // One call at a time: the bench waits for each answer before the next.
    const result = await core.invoke(method, input)
    answer({ n, ...result })
  }
  await core.close()
}

child(process.argv[2]!).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
