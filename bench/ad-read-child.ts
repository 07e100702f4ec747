/**
 * The measured step of bench/ad-bench.ts, in its own process: one read of an Active Directory source
 * with LdapDirectorySource, printing on the last line what it cost this process (wall ms, peak RSS).
 * Argument: the source config as JSON; the bind password in BENCH_AD_PASSWORD, the CA PEM in BENCH_AD_CA.
 */
import { LdapDirectorySource } from '../src/main/core/connectors/ldap/ldap-directory-source'
import { ldapSourceConfig } from '../src/shared/model/directory-config'

async function child(config: string): Promise<void> {
  const source = new LdapDirectorySource(
    ldapSourceConfig.parse(JSON.parse(config)),
    process.env.BENCH_AD_PASSWORD ?? '',
    { caPem: process.env.BENCH_AD_CA ?? '' },
  )
  const start = performance.now()
  const { snapshot } = await source.read(new AbortController().signal)
  const ms = performance.now() - start
  const memberships = snapshot.employees.reduce((n, e) => n + e.groups.length, 0)
  const rssMb = process.resourceUsage().maxRSS / 1024
  const result = {
    ms,
    rssMb,
    employees: snapshot.employees.length,
    groups: snapshot.groups.length,
    memberships,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

child(process.argv[2] ?? '{}').catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
