/** Small home-directory CSV pairs written by tests (UTF-8 with BOM, CRLF, the default Japanese headers). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface CsvPerson {
  readonly key: string
  readonly login?: string
  readonly name: string
  readonly email?: string
  readonly dept: string
  readonly position?: string
  readonly groups?: string
  readonly status?: string
}

const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
const lines = (rows: string[][]): string => `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`

export const defaultDepartments: readonly (readonly [string, string, string | null])[] = [
  ['HQ', '本社', null],
  ['SALES', '営業本部', 'HQ'],
  ['S1', '営業1課', 'SALES'],
]

export function people(count: number, dept = 'S1'): CsvPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `E${String(i + 1).padStart(4, '0')}`,
    name: `山田 太郎${i + 1}`,
    email: `user${i + 1}@example.jp`,
    dept,
    groups: i % 2 === 0 ? '営業プロジェクト' : '',
  }))
}

/** Writes users.csv and departments.csv into `dir`; returns their paths. */
export function writeDirectoryCsv(
  dir: string,
  persons: readonly CsvPerson[],
  departments = defaultDepartments,
): { usersFile: string; departmentsFile: string } {
  const usersFile = join(dir, 'users.csv')
  const departmentsFile = join(dir, 'departments.csv')
  writeFileSync(
    departmentsFile,
    lines([
      ['部署コード', '部署名', '部署名（英語）', '上位部署コード', '表示順'],
      ...departments.map(([code, name, parent], i) => [code, name, '', parent ?? '', String(i + 1)]),
    ]),
  )
  writeFileSync(
    usersFile,
    lines([
      [
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
      ],
      ...persons.map((p) => [
        p.key,
        p.login ?? p.key.toLowerCase(),
        p.name,
        '',
        '',
        p.email ?? '',
        p.dept,
        '',
        p.position ?? '',
        p.groups ?? '',
        p.status ?? '',
      ]),
    ]),
  )
  return { usersFile, departmentsFile }
}
