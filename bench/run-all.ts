/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's peak memory does not
 * hide in another's figures. Each prints its own figures and goals.
 * Sizes: BENCH_HISTORY_ENTRIES (5,000,000), BENCH_LDAP_ENTRIES (100,000), BENCH_DIRECTORY_EMPLOYEES (100,000),
 * BENCH_SCIM_USERS (2,000), BENCH_CAL_USERS (300), BENCH_CAL_EVENTS (200).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const benches = [
  'directory-bench.ts',
  'directory-preview-bench.ts',
  'ldap-bench.ts',
  'history-bench.ts',
  'calendar-parse-bench.ts',
  'calendar-cycle-bench.ts',
]
const tsx = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs')

let failed = 0
for (const bench of benches) {
  const result = spawnSync(process.execPath, [tsx, join(__dirname, bench)], { stdio: 'inherit' })
  if (result.status !== 0) {
    failed++
    console.error(`${bench} failed (exit ${result.status ?? result.signal})`)
  }
  console.log('')
}
process.exitCode = failed ? 1 : 0
