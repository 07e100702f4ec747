import type {
  DirectoryDepartment,
  DirectoryEmployee,
  DirectoryGroup,
  DirectoryPosition,
} from '../../../../shared/model/directory'
import {
  requiredDepartmentFields,
  requiredUserFields,
  type CsvDepartmentField,
  type CsvUserField,
} from '../../../../shared/model/csv-presets'
import type { SourceProblemCollector } from '../../engines/directory/source-problems'
import { csvProblemMessages } from './csv-messages'
import type { CsvTableRow } from './csv-table-reader'

/**
 * Keys must compare equal however they were typed: Excel users type Ｄ１０ as often as D10. NFKC
 * folds full-width letters and digits (and half-width kana) to their usual form; the count feeds
 * the preview's note.
 */
export class KeyNormalizer {
  changed = 0
  // Department, position and group codes repeat across 100,000 rows: one string each, not one per row.
  private readonly pool = new Map<string, string>()

  key(value: string): string {
    const normal = value.normalize('NFKC')
    if (normal !== value) this.changed += 1
    return normal
  }

  /** `key`, sharing one string per distinct value. */
  code(value: string): string {
    return this.shared(this.key(value))
  }

  /** The one stored copy of a value that repeats from row to row. */
  shared(value: string): string {
    const known = this.pool.get(value)
    if (known !== undefined) return known
    this.pool.set(value, value)
    return value
  }
}

/** What a row mapper needs besides the row: where it is (for messages) and how to read cells. */
export interface MapContext<F extends string> {
  readonly fileName: string
  readonly columns: Readonly<Record<F, string>>
  readonly problems: SourceProblemCollector
  readonly keys: KeyNormalizer
}

export interface UserValueRules {
  readonly listSeparator: string
  /** NFKC-normalised (１ = 1), lower-cased, trimmed values of the active column that mean "suspended". */
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
    ctx.problems.add({ where: ctx.fileName, line: row.line }, message)
    ok = false
  }
  return ok
}

/**
 * One user row. A row with problems (recorded) still comes back when it has a key, so the cross-record
 * rules can run over it in the same pass; nothing is applied while any problem stands.
 */
export function mapUserRow(
  row: CsvTableRow<CsvUserField>,
  ctx: MapContext<CsvUserField>,
  rules: UserValueRules,
): DirectoryEmployee | null {
  if (row.misshapen) return null
  requiredFilled(row, requiredUserFields, ctx)
  const v = row.values
  if (v.key === '') return null
  const codes = (cells: string): string[] => list(cells, rules.listSeparator).map((c) => ctx.keys.code(c))
  const shared = (cells: string): string[] => list(cells, rules.listSeparator).map((c) => ctx.keys.shared(c))
  return {
    key: ctx.keys.key(v.key),
    login: v.login,
    nameJa: v.nameJa,
    nameEn: orNull(v.nameEn),
    kana: orNull(v.kana),
    email: orNull(v.email),
    mainDepartment: v.mainDepartment === '' ? null : ctx.keys.code(v.mainDepartment),
    otherDepartments: codes(v.otherDepartments),
    positions: shared(v.positions),
    groups: shared(v.groups),
    active: !rules.inactive.has(v.active.normalize('NFKC').trim().toLowerCase()),
  }
}

/** Accepts full-width digits (１０) as typed in Excel; anything else that is not an integer is null. */
function parseOrder(value: string): number | null {
  const normalized = value.normalize('NFKC').trim()
  if (!/^[-+]?\d+$/.test(normalized)) return null
  const n = Number(normalized)
  return Number.isSafeInteger(n) ? n : null
}

/** A department as read, with the groupware's own ID when the file has one (for "*" references). */
export interface DepartmentRow {
  readonly department: DirectoryDepartment
  readonly systemId: string
}

/**
 * A department whose row has the wrong cell count still exists: kept as a bare placeholder (its code
 * guessed by position) so its people are not each reported as in an unknown department.
 */
function placeholder(row: CsvTableRow<CsvDepartmentField>, ctx: MapContext<CsvDepartmentField>) {
  const code = row.values.code
  if (code === '') return null
  const department = { code: ctx.keys.key(code), nameJa: code, nameEn: null, parent: null, order: row.index }
  return { department, systemId: row.values.systemId.normalize('NFKC') }
}

/** One department row; an empty order falls back to the row's position in the file. Kept like users. */
export function mapDepartmentRow(
  row: CsvTableRow<CsvDepartmentField>,
  ctx: MapContext<CsvDepartmentField>,
): DepartmentRow | null {
  if (row.misshapen) return placeholder(row, ctx)
  requiredFilled(row, requiredDepartmentFields, ctx)
  const v = row.values
  const order = v.order === '' ? row.index : parseOrder(v.order)
  if (order === null) {
    const message = csvProblemMessages.notInteger(ctx.fileName, row.line, ctx.columns.order, v.order)
    ctx.problems.add({ where: ctx.fileName, line: row.line }, message)
  }
  if (v.code === '') return null
  const department = {
    code: ctx.keys.key(v.code),
    nameJa: v.nameJa,
    nameEn: orNull(v.nameEn),
    parent: v.parent === '' ? null : ctx.keys.key(v.parent),
    order: order ?? row.index,
  }
  return { department, systemId: v.systemId.normalize('NFKC') }
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
