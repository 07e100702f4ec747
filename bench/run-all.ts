/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's peak memory does not
 * hide in another's figures. Each prints its own figures and goals ("goal …: met" / "goal …: NOT met").
 * `npm run bench -- --check` also exits 1 when any goal is "NOT met", so a regression fails CI.
 * `npm run bench -- history ldap` runs only those (a name, or a path to a bench script).
 * Sizes: BENCH_HISTORY_ENTRIES (5,000,000), BENCH_HISTORY_IMPORT_ENTRIES (2,000,000), BENCH_LDAP_ENTRIES (100,000),
 * BENCH_DIRECTORY_EMPLOYEES (100,000), BENCH_SCIM_USERS (2,000), BENCH_CAL_USERS (300), BENCH_CAL_EVENTS (200),
 * BENCH_AD_USERS (10,000; skipped without Samba), BENCH_SITELINK_EMPLOYEES (100,000; two processes on 127.0.9.1/.2:443),
 * BENCH_RULE_EMPLOYEES (100,000; site link visit/accept rules, pure code), BENCH_NOTICE_EVENTS (10,000) for
 * BENCH_NOTICE_PEOPLE (5,000) (notice relay into smtp-server, with a calendar pair on Radicale beside it),
 * BENCH_ROOM_COMMUNITIES (40) × BENCH_ROOM_MEMBERS (25) (room provisioning into Debian's Mailman 3).
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const allBenches = [
  'directory-bench.ts',
  'directory-preview-bench.ts',
  'ldap-bench.ts',
  'ad-bench.ts',
  'history-bench.ts',
  'history-import-bench.ts',
  'history-sites-bench.ts',
  'calendar-parse-bench.ts',
  'calendar-cycle-bench.ts',
  'sitelink-bench.ts',
  'link-rules-bench.ts',
  'notice-relay-bench.ts',
  'rooms-bench.ts',
]
const tsx = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs')

/** The lines of a bench's output that report a missed goal. */
export function missedGoals(output: string): string[] {
  return output.split('\n').filter((line) => /goal .*: NOT met/.test(line))
}

function scriptOf(name: string): string {
  if (name.endsWith('.ts')) return resolve(name)
  return join(__dirname, name.endsWith('-bench') ? `${name}.ts` : `${name}-bench.ts`)
}

/** Runs one bench, passing its output through as it comes, and keeps the output for the check. */
function runBench(script: string): Promise<{ status: number | string; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [tsx, script], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      process.stdout.write(chunk)
    })
    child.on('close', (code, signal) => done({ status: code ?? signal ?? 'unknown', output }))
  })
}

async function main(args: readonly string[]): Promise<number> {
  const check = args.includes('--check')
  const names = args.filter((arg) => !arg.startsWith('--'))
  const scripts = names.length ? names.map(scriptOf) : allBenches.map((name) => join(__dirname, name))
  let failed = 0
  const missed: string[] = []
  for (const script of scripts) {
    const result = await runBench(script)
    if (result.status !== 0) {
      failed++
      console.error(`${script} failed (exit ${result.status})`)
    }
    missed.push(...missedGoals(result.output).map((line) => `${script}: ${line.trim()}`))
    console.log('')
  }
  if (missed.length) console.log(`Goals NOT met (${missed.length}):\n${missed.join('\n')}`)
  if (check && missed.length) console.error('bench --check: at least one goal is NOT met.')
  return failed || (check && missed.length) ? 1 : 0
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
