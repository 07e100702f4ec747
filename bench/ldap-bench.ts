/**
 * LDAP source read at company scale: N people across ~5,000 department OUs in a private slapd, loaded
 * offline with slapadd, then read by LdapDirectorySource with a few page sizes and department modes.
 * Standalone: `npx tsx bench/ldap-bench.ts` (BENCH_LDAP_ENTRIES=100000 by default).
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LdapDirectorySource } from '../src/main/core/connectors/ldap/ldap-directory-source'
import { ldapSourceConfig } from '../src/shared/model/directory-config'
import { CsvDirectorySource } from '../src/main/core/connectors/csv/csv-directory-source'
import { newUserEntry } from '../src/main/core/connectors/ldap/ldap-target-entries'
import { TargetProjection } from '../src/main/core/engines/directory/target-projection'
import { csvSourceConfig } from '../src/shared/model/directory-config'
import { startSlapd, type Slapd } from '../test/support/slapd'
import { departmentsCsv, writeUsersCsv } from './directory-bench'
import { measure, printPreview } from './directory-preview-bench'

const suffix = 'dc=example,dc=jp'
const base = `ou=people,${suffix}`
const divisions = 50
const sectionsPerDivision = 100
const families = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤']
const givens = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '翔太', '由美']
const titles = ['', '', '', '主任', '係長', '課長', '部長']

const ou = (dn: string, name: string): string => `dn: ${dn}\nobjectClass: organizationalUnit\nou: ${name}\n`
const sectionDn = (d: number, s: number): string => `ou=課${d}-${s},ou=本部${d},${base}`

function personLdif(i: number, sections: number): string {
  const d = (i % sections) % divisions
  const s = Math.floor((i % sections) / divisions)
  const title = titles[i % titles.length]!
  const id = String(i + 1).padStart(6, '0')
  const lines = [
    `dn: uid=u${id},${sectionDn(d + 1, s + 1)}`,
    'objectClass: inetOrgPerson',
    `uid: u${id}`,
    `employeeNumber: ${id}`,
    `cn: ${families[i % families.length]} ${givens[i % givens.length]}`,
    `sn: ${families[i % families.length]}`,
    `displayName: Employee ${id}`,
    `mail: u${id}@example.jp`,
    `departmentNumber: D${d + 1}-${s + 1}`,
    ...(title === '' ? [] : [`title: ${title}`]),
  ]
  return `${lines.join('\n')}\n\n`
}

/**
 * One LDIF file: the OU tree first (slapadd wants parents before children), then the people. Written in
 * chunks so the generator does not inflate this process's RSS before the reads are measured.
 */
function writeLdif(file: string, entries: number): void {
  const fd = openSync(file, 'w')
  try {
    writeSync(fd, `${ou(base, 'people')}\n`)
    for (let d = 1; d <= divisions; d++) {
      writeSync(fd, `${ou(`ou=本部${d},${base}`, `本部${d}`)}\n`)
      for (let s = 1; s <= sectionsPerDivision; s++) writeSync(fd, `${ou(sectionDn(d, s), `課${d}-${s}`)}\n`)
    }
    const sections = divisions * sectionsPerDivision
    for (let from = 0; from < entries; from += 1000) {
      const chunk: string[] = []
      for (let i = from; i < Math.min(entries, from + 1000); i++) chunk.push(personLdif(i, sections))
      writeSync(fd, chunk.join(''))
    }
  } finally {
    closeSync(fd)
  }
}

async function timeRead(
  slapd: Slapd,
  print: (line: string) => void,
  pageSize: number,
  departmentsFrom: 'attribute' | 'ou',
): Promise<void> {
  const config = ldapSourceConfig.parse({
    kind: 'ldap',
    url: slapd.url,
    security: 'plain',
    allowPlain: true,
    bindDn: slapd.rootDn,
    baseDn: base,
    departmentsFrom,
    pageSize,
    timeoutSeconds: 120,
  })
  const source = new LdapDirectorySource(config, slapd.rootPassword)
  const before = process.memoryUsage.rss()
  let peak = before
  const sample = (): void => void (peak = Math.max(peak, process.memoryUsage.rss()))
  const timer = setInterval(sample, 20)
  const start = performance.now()
  try {
    const { snapshot } = await source.read(new AbortController().signal, sample)
    const seconds = (performance.now() - start) / 1000
    sample()
    const label = `read, page ${pageSize}, departments from ${departmentsFrom}`
    print(
      `  ${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ` +
        `${Math.round(snapshot.employees.length / seconds).toLocaleString()} entries/s  ` +
        `${snapshot.departments.length.toLocaleString()} departments  ` +
        `peak RSS +${Math.round((peak - before) / 1_048_576)} MB`,
    )
  } finally {
    clearInterval(timer)
  }
}

const targetUsers = `ou=users,${suffix}`
const targetSuspended = `ou=suspended,${suffix}`

/** The target as Renkei leaves it after a first run: every person of the CSV under ou=users. */
export async function writeTargetLdif(
  file: string,
  usersFile: string,
  departmentsFile: string,
): Promise<void> {
  const source = new CsvDirectorySource(csvSourceConfig.parse({ kind: 'csv', usersFile, departmentsFile }))
  const { snapshot } = await source.read(new AbortController().signal)
  const projection = new TargetProjection(snapshot)
  const fd = openSync(file, 'w')
  try {
    writeSync(fd, `${ou(targetUsers, 'users')}\n${ou(targetSuspended, 'suspended')}\n`)
    for (const employee of snapshot.employees) {
      const user = projection.user(employee)
      const lines = [`dn: uid=${user.login},${targetUsers}`]
      for (const [name, values] of Object.entries(newUserEntry(user, null)))
        for (const value of values) lines.push(`${name}: ${value}`)
      writeSync(fd, `${lines.join('\n')}\n\n`)
    }
  } finally {
    closeSync(fd)
  }
}

/** `directory.preview` of `entries` people (home directory imported) against an LDAP target already holding them. */
async function previewAgainstLdap(
  print: (line: string) => void,
  dir: string,
  entries: number,
): Promise<void> {
  const usersFile = join(dir, 'users.csv')
  const departmentsFile = join(dir, 'departments.csv')
  writeFileSync(departmentsFile, `\uFEFF${departmentsCsv(5_000)}`)
  writeUsersCsv(usersFile, entries, 5_000, null)
  const ldif = join(dir, 'target.ldif')
  await writeTargetLdif(ldif, usersFile, departmentsFile)
  const slapd = await startSlapd({ suffix, preloadLdifFile: ldif })
  try {
    const target = {
      kind: 'ldap',
      url: slapd.url,
      security: 'plain',
      allowPlain: true,
      bindDn: slapd.rootDn,
      usersDn: targetUsers,
      suspendedDn: targetSuspended,
      timeoutSeconds: 120,
    }
    const source = { kind: 'csv', usersFile, departmentsFile }
    const dataDir = join(dir, 'preview-data')
    await measure('run', dataDir, { source, target: { kind: 'none' } })
    // The steady state: Renkei owns the entries (the admin approved their adoption once).
    const adopted = await measure('adopt', dataDir, { source, target }, slapd.rootPassword)
    const measured = await measure('preview', dataDir, { source, target }, slapd.rootPassword)
    print(`\nLDAP target: ${entries.toLocaleString()} people already there (CSV source)`)
    print(
      `  adopt all (one approved run)`.padEnd(48) +
        ` ${(adopted.ms / 1000).toFixed(2).padStart(6)} s (${adopted.outcome})`,
    )
    printPreview(print, 'preview, LDAP target holding all', measured)
  } finally {
    await slapd.stop()
  }
}

/** Prints load and read figures for `entries` people. */
export async function runLdapBench(
  print: (line: string) => void,
  entries = Number(process.env.BENCH_LDAP_ENTRIES ?? 100_000),
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-ldap-bench-'))
  const file = join(dir, 'people.ldif')
  let slapd: Slapd | null = null
  try {
    print(
      `\nLDAP source: ${entries.toLocaleString()} people in ${divisions * sectionsPerDivision} department OUs`,
    )
    let start = performance.now()
    writeLdif(file, entries)
    print(`  ${'LDIF generated'.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s`)
    start = performance.now()
    slapd = await startSlapd({ suffix, preloadLdifFile: file })
    const load = (performance.now() - start) / 1000
    print(`  ${'slapadd + slapd start'.padEnd(44)} ${load.toFixed(2).padStart(7)} s`)
    await timeRead(slapd, print, 500, 'attribute')
    await timeRead(slapd, print, 1000, 'attribute')
    await timeRead(slapd, print, 1000, 'ou')
    await slapd.stop()
    slapd = null
    await previewAgainstLdap(print, dir, entries)
  } finally {
    await slapd?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (/ldap-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  runLdapBench((line) => console.log(line)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
