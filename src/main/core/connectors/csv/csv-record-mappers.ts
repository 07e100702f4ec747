import type {
  DirectoryDepartment,
  DirectoryEmployee,
  DirectoryGroup,
  DirectoryPosition,
} from '../../../../shared/model/directory'
import type { CsvSourceConfig } from '../../../../shared/model/directory-config'
import { csvProblemMessages } from './csv-messages'
import type { CsvProblemList } from './csv-problem-list'
import type { CsvTableRow } from './csv-table-reader'

export type UserField = keyof CsvSourceConfig['users']
export type DepartmentField = keyof CsvSourceConfig['departments']

export const requiredUserFields = ['key', 'login', 'nameJa'] as const satisfies readonly UserField[]
export const requiredDepartmentFields = ['code', 'nameJa'] as const satisfies readonly DepartmentField[]

/** What a row mapper needs besides the row: where it is (for messages) and how to read cells. */
export interface MapContext<F extends string> {
  readonly fileName: string
  readonly columns: Readonly<Record<F, string>>
  readonly problems: CsvProblemList
}

export interface UserValueRules {
  readonly listSeparator: string
  /** Lower-cased, trimmed values of the active column that mean "suspended". */
  readonly inactive: ReadonlySet<string>
}

function orNull(value: string): string | null {
  return value === '' ? null : value
}

function list(value: string, separator: string): string[] {
  if (value === '') return []
  return value
    .split(separator)
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/** Reports each empty required cell of the row; true when all are filled. */
function requiredFilled<F extends string>(
  row: CsvTableRow<F>,
  required: readonly F[],
  ctx: MapContext<F>,
): boolean {
  let ok = true
  for (const field of required) {
    if (row.values[field] !== '') continue
    const message = csvProblemMessages.requiredEmpty(ctx.fileName, row.line, ctx.columns[field])
    ctx.problems.add(ctx.fileName, row.line, message)
    ok = false
  }
  return ok
}

/** One user row; null (with problems recorded) when a required cell is empty. */
export function mapUserRow(
  row: CsvTableRow<UserField>,
  ctx: MapContext<UserField>,
  rules: UserValueRules,
): DirectoryEmployee | null {
  if (!requiredFilled(row, requiredUserFields, ctx)) return null
  const v = row.values
  return {
    key: v.key,
    login: v.login,
    nameJa: v.nameJa,
    nameEn: orNull(v.nameEn),
    kana: orNull(v.kana),
    email: orNull(v.email),
    mainDepartment: orNull(v.mainDepartment),
    otherDepartments: list(v.otherDepartments, rules.listSeparator),
    positions: list(v.positions, rules.listSeparator),
    groups: list(v.groups, rules.listSeparator),
    active: !rules.inactive.has(v.active.trim().toLowerCase()),
  }
}

/** Accepts full-width digits (１０) as typed in Excel; anything else that is not an integer is null. */
function parseOrder(value: string): number | null {
  const normalized = value.normalize('NFKC').trim()
  if (!/^[-+]?\d+$/.test(normalized)) return null
  const n = Number(normalized)
  return Number.isSafeInteger(n) ? n : null
}

/** One department row; an empty order falls back to the row's position in the file. */
export function mapDepartmentRow(
  row: CsvTableRow<DepartmentField>,
  ctx: MapContext<DepartmentField>,
): DirectoryDepartment | null {
  const filled = requiredFilled(row, requiredDepartmentFields, ctx)
  const v = row.values
  const order = v.order === '' ? row.index : parseOrder(v.order)
  if (order === null) {
    const message = csvProblemMessages.notInteger(ctx.fileName, row.line, ctx.columns.order, v.order)
    ctx.problems.add(ctx.fileName, row.line, message)
  }
  if (!filled || order === null) return null
  return { code: v.code, nameJa: v.nameJa, nameEn: orNull(v.nameEn), parent: orNull(v.parent), order }
}

/**
 * The exports have no position or group lists, so they are derived from the user file: each distinct
 * name becomes one entry (code = name), in order of first appearance. For positions that order is the
 * rank, which is only a stand-in: the files do not say which position is senior.
 */
export class DerivedNames {
  private readonly names = new Set<string>()

  addAll(values: readonly string[]): void {
    for (const value of values) this.names.add(value)
  }

  positions(): DirectoryPosition[] {
    return [...this.names].map((name, i) => ({ code: name, nameJa: name, nameEn: null, rank: i + 1 }))
  }

  groups(): DirectoryGroup[] {
    return [...this.names].map((name) => ({ code: name, nameJa: name, nameEn: null }))
  }
}
