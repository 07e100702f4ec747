/**
 * Active Directory source read (issue 11): BENCH_AD_USERS people (10,000) in 50 OUs, a group per OU,
 * division groups holding 10 OU groups each and one group holding the divisions, in a private Samba AD
 * DC. The read runs in a fresh process (bench/ad-read-child.ts, bundled like the app) so its wall time
 * and peak RSS are its own. Then the other way to resolve nested groups, one LDAP_MATCHING_RULE_IN_CHAIN
 * search per nested group, is timed against the same DC. Skipped, with a line saying why, without Samba.
 * Standalone: `npx tsx bench/ad-bench.ts`.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { Client } from 'ldapts'
import { ldapPresetDefaults } from '../src/shared/model/ldap-presets'
import { sambaMissing, startSambaAd, type SambaAd } from '../test/support/samba-ad'
import { companySeed } from '../test/support/samba-ad-seed'

const users = Number(process.env.BENCH_AD_USERS ?? 10_000)
const ous = 50

interface Measured {
  readonly ms: number
  readonly rssMb: number
  readonly employees: number
  readonly groups: number
  readonly memberships: number
}

/** The child as one CommonJS file: tsx would add ~100 MB to the RSS being measured. */
function bundledChild(dir: string): string {
  const outfile = join(dir, 'ad-read-child.cjs')
  buildSync({
    entryPoints: [join(__dirname, 'ad-read-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  })
  return outfile
}

function measureRead(child: string, ad: SambaAd): Promise<Measured> {
  const config = {
    kind: 'ldap',
    preset: 'active-directory',
    url: ad.ldapsUrl,
    bindDn: ad.bindDn,
    baseDn: ad.baseDn,
    groupBaseDn: `OU=Groups,${ad.baseDn}`,
    ...ldapPresetDefaults['active-directory'],
    timeoutSeconds: 120,
  }
  const env = { ...process.env, BENCH_AD_PASSWORD: ad.password, BENCH_AD_CA: ad.caPem }
  const run = spawn(process.execPath, [child, JSON.stringify(config)], { env })
  let stdout = ''
  let stderr = ''
  run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    run.on('close', (status) => {
      const last = stdout.trim().split('\n').pop() ?? ''
      if (status !== 0 || !last.startsWith('{')) reject(new Error(`ad bench child failed: ${stderr}`))
      else resolve(JSON.parse(last) as Measured)
    })
  })
}

/** One chain-rule search per group that holds other groups: what the server-side resolution costs. */
async function chainRule(ad: SambaAd, groups: readonly string[]): Promise<{ ms: number; found: number }> {
  const client = new Client({ url: ad.ldapsUrl, tlsOptions: { ca: [ad.caPem] }, timeout: 120_000 })
  await client.bind(ad.bindDn, ad.password)
  const start = performance.now()
  let found = 0
  try {
    for (const name of groups) {
      const dn = `CN=${name},OU=Groups,${ad.baseDn}`
      const filter = `(&(objectCategory=person)(memberOf:1.2.840.113556.1.4.1941:=${dn}))`
      const pages = client.searchPaginated(ad.baseDn, {
        filter,
        attributes: ['1.1'],
        paged: { pageSize: 500 },
      })
      for await (const page of pages) found += page.searchEntries.length
    }
  } finally {
    await client.unbind()
  }
  return { ms: performance.now() - start, found }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2).padStart(7)} s`
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met')

export async function runAdBench(print: (line: string) => void): Promise<void> {
  print(
    `\nActive Directory source: ${users.toLocaleString()} people in ${ous} OUs, nested groups (Samba AD DC)`,
  )
  const missing = sambaMissing()
  if (missing !== null) {
    print(`  skipped: ${missing}`)
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'renkei-ad-bench-'))
  let ad: SambaAd | null = null
  try {
    let start = performance.now()
    ad = await startSambaAd()
    print(`  ${'provision + start (samba -M single)'.padEnd(44)} ${seconds(performance.now() - start)}`)
    start = performance.now()
    await ad.ldapadd(companySeed(ad.baseDn, users, ous))
    print(`  ${'load (one LDIF over LDAPS)'.padEnd(44)} ${seconds(performance.now() - start)}`)
    const read = await measureRead(bundledChild(dir), ad)
    print(
      `  ${'read, page 500, explicit nested-group walk'.padEnd(44)} ${seconds(read.ms)}  ` +
        `${read.employees.toLocaleString()} people, ${read.groups} groups, ${read.memberships.toLocaleString()} memberships  ` +
        `peak RSS ${read.rssMb.toFixed(0)} MB (fresh process)`,
    )
    const nested = [...Array.from({ length: Math.ceil(ous / 10) }, (_, d) => `Division${d + 1}`), 'AllStaff']
    const chain = await chainRule(ad, nested)
    print(
      `  ${`chain rule (1.2.840.113556.1.4.1941), ${nested.length} groups`.padEnd(44)} ${seconds(chain.ms)}  ` +
        `${(chain.ms / nested.length / 1000).toFixed(2)} s a group, ${chain.found.toLocaleString()} members found`,
    )
    print(`  goal AD read of ${users.toLocaleString()} people < 10 s: ${verdict(read.ms < 10_000)}`)
    print(`  goal AD read peak RSS < 300 MB: ${verdict(read.rssMb < 300)}`)
  } finally {
    await ad?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (/ad-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  runAdBench((line) => console.log(line)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
