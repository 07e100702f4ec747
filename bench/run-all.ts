/** `npm run bench`: every benchmark in turn; each prints its own figures and goals. */
import { runHistoryBench } from './history-bench'

async function main(): Promise<void> {
  const entries = Number(process.env.BENCH_HISTORY_ENTRIES ?? 5_000_000)
  await runHistoryBench(entries)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
