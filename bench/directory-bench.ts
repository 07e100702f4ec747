/**
 * Directory sync at scale: 100,000 employees in 5,000 departments read from CSV, imported, then
 * re-imported with 1% of the people changed. Goals (issue 3): diff < 1 s, peak memory < 300 MB.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultDirectoryConfig, csvSourceConfig } from '../src/shared/model/directory-config'
import { CsvDirectorySource } from '../src/main/core/connectors/csv/csv-directory-source'
import { HomeDirectoryRepository } from '../src/main/core/directory/home-directory-repository'
import { computeDirectoryRun } from '../src/main/core/engines/directory/directory-planner'
import { validateSourceRead } from '../src/main/core/engines/directory/source-validator'
import { openDatabase } from '../src/main/core/store/database'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6
const row = (cells: (string | number)[]): string =>
  cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')

export function departmentsCsv(count: number): string {
  const lines = [row(['部署コード', '部署名', '部署名（英語）', '上位部署コード', '表示順'])]
  for (let i = 0; i < count; i++) {
    const parent = i < 50 ? '' : `D${String(Math.floor(i / 50) - 1).padStart(5, '0')}`
    lines.push(row([`D${String(i).padStart(5, '0')}`, `部署${i}`, `Dept ${i}`, parent, i % 50]))
  }
  return lines.join('\r\n')
}

/** Written in chunks so the benchmark's own file generation does not count in the peak memory. */
export function writeUsersCsv(
  file: string,
  count: number,
  departments: number,
  changedEvery: number | null,
): void {
  const header = [
    '社員番号',
    'ログインID',
    '氏名',
    '氏名（英語）',
    'ふりがな',
    'メールアドレス',
    '所属部署コード',
    '兼務部署コード',
    '役職',
    'グループ',
    '状態',
  ]
  const fd = openSync(file, 'w')
  let chunk = `\uFEFF${row(header)}`
  for (let i = 0; i < count; i++) {
    const changed = changedEvery !== null && i % changedEvery === 0
    chunk += `\r\n${row([
      `E${String(i).padStart(6, '0')}`,
      `user${i}`,
      `山田 太郎${i}`,
      `Taro Yamada ${i}`,
      'やまだ たろう',
      changed ? `moved${i}@example.jp` : `user${i}@example.jp`,
      `D${String(i % departments).padStart(5, '0')}`,
      '',
      i % 20 === 0 ? '課長' : '',
      i % 7 === 0 ? 'プロジェクトA' : '',
      '',
    ])}`
    if (chunk.length > 1 << 16) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
}

export async function runDirectoryBench(
  print: (line: string) => void,
  employees = 100_000,
  departments = 5_000,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-dir-bench-'))
  const rssBefore = process.memoryUsage().rss
  try {
    const usersFile = join(dir, 'users.csv')
    const departmentsFile = join(dir, 'departments.csv')
    writeFileSync(departmentsFile, `\uFEFF${departmentsCsv(departments)}`)
    const db = openDatabase(dir)
    const home = new HomeDirectoryRepository(db)
    const source = new CsvDirectorySource(csvSourceConfig.parse({ kind: 'csv', usersFile, departmentsFile }))
    print(
      `Directory: ${employees.toLocaleString()} employees, ${departments.toLocaleString()} departments (CSV, UTF-8)`,
    )
    const signal = new AbortController().signal
    for (const [label, changedEvery] of [
      ['first import', null],
      ['1% changed', 100],
    ] as const) {
      writeUsersCsv(usersFile, employees, departments, changedEvery)
      let start = process.hrtime.bigint()
      const read = await source.read(signal)
      const readMs = ms(start)
      const rssAfterRead = process.memoryUsage().rss
      start = process.hrtime.bigint()
      const counts = home.counts()
      validateSourceRead(read)
      const computed = await computeDirectoryRun({
        config: defaultDirectoryConfig,
        read,
        home,
        homeCounts: () => counts,
        targetState: Promise.resolve(null),
        suspendedSince: new Map(),
        approveDeletions: false,
        approveAdoptions: false,
        ownership: [],
        now: Date.now(),
      })
      const diffMs = ms(start)
      start = process.hrtime.bigint()
      home.applyImport(computed.homeDiff, Date.now())
      const writeMs = ms(start)
      const goal = changedEvery === null ? '' : `goal < 1000 ms: ${diffMs < 1000 ? 'met' : 'NOT met'}`
      print(
        `  ${label.padEnd(14)} read CSV ${readMs.toFixed(0).padStart(6)} ms   validate + diff ${diffMs.toFixed(0).padStart(5)} ms (${computed.homeDiff.changes.length} changes)  ${goal}`,
      )
      print(
        `  ${''.padEnd(14)} write home directory ${writeMs.toFixed(0)} ms   RSS after read ${mb(rssAfterRead)}, after write ${mb(process.memoryUsage().rss)}`,
      )
    }
    db.close()
    const peak = process.resourceUsage().maxRSS * 1024
    print(
      `  peak RSS ${mb(peak)} (process start ${mb(rssBefore)})  goal < 300 MB: ${peak < 300 * 1024 * 1024 ? 'met' : 'NOT met'}`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runDirectoryBench((line) => console.log(line)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
