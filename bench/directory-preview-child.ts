/**
 * One measured step of bench/directory-preview-bench.ts, in its own process: configure, then preview or run
 * once through the core, and print on the last line what it cost this process (wall ms, peak RSS).
 * Arguments: --preview|--run|--adopt DATA_DIR CONFIG_JSON (--adopt: a run with adoptions approved, as an
 * admin does once for a target that already holds everyone); the target's secret in BENCH_TARGET_SECRET.
 */
import { writeHeapSnapshot } from 'node:v8'
import { createCore } from '../src/main/core/app'
import { MemorySecretStore } from '../src/main/core/secrets/memory-secret-store'
import { directorySecretNames } from '../src/shared/model/directory-config'

/** Memory every 100 ms on stderr, with the phase the run is in (MiB, as the peak RSS is reported). */
function traceMemory(core: Awaited<ReturnType<typeof createCore>>, start: number): void {
  let phase = 'start'
  core.subscribe('directory.progress', (p) => (phase = p.phase))
  const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0)
  let snapshotAt = Number(process.env.BENCH_HEAP_SNAPSHOT_MB ?? 0) * 1024 * 1024
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    if (snapshotAt > 0 && m.heapUsed > snapshotAt) {
      snapshotAt = 0
      console.error(`heap snapshot: ${writeHeapSnapshot()}`)
    }
    const ms = (performance.now() - start).toFixed(0)
    console.error(
      `${ms} ms ${phase} rss=${mib(m.rss)} heap=${mib(m.heapUsed)} buffers=${mib(m.arrayBuffers)}`,
    )
  }, 100)
  timer.unref()
}

async function child(action: string, dataDir: string, config: string): Promise<void> {
  const secrets = new MemorySecretStore()
  const secret = process.env.BENCH_TARGET_SECRET ?? 'none'
  await secrets.set(directorySecretNames.targetScimToken, secret)
  await secrets.set(directorySecretNames.targetLdapPassword, secret)
  const core = await createCore({
    dataDir,
    runtime: 'test',
    version: 'bench',
    secrets,
    startScheduler: false,
  })
  await core.api['directory.config.update'](JSON.parse(config) as never)
  // A run carries out a confirmed preview: that preview is taken before the clock starts.
  const confirmed =
    action === '--preview' ? '' : (await core.api['directory.preview']({ limit: 0 })).fingerprint
  const start = performance.now()
  if (process.env.BENCH_MEM_TRACE) traceMemory(core, start)
  let result: { homeChanges: number; items: number; outcome: string }
  if (action === '--preview') {
    const plan = await core.api['directory.preview']({})
    result = { homeChanges: plan.homeChangesTotal, items: plan.itemsTotal, outcome: 'preview' }
  } else {
    const run = await core.api['directory.run']({
      plan: confirmed,
      approveAdoptions: action === '--adopt',
    })
    result = { homeChanges: 0, items: run.applied, outcome: run.outcome }
  }
  const ms = performance.now() - start
  await core.close()
  const rssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ ...result, ms, rssMb })}\n`)
}

const [action, dataDir, config] = process.argv.slice(2)
child(action!, dataDir!, config!).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
