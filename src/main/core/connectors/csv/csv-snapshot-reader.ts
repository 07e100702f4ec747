import {
  csvPresetDefaults,
  requiredDepartmentFields,
  requiredUserFields,
  type CsvDepartmentField,
  type CsvUserField,
} from '../../../../shared/model/csv-presets'
import type { DirectoryEmployee, SourceNotice } from '../../../../shared/model/directory'
import type { CsvSourceConfig } from '../../../../shared/model/directory-config'
import type { SourceLocation, SourceRead } from '../../engines/directory/directory-connectors'
import type { SourceProblemCollector } from '../../engines/directory/source-problems'
import type { CsvText } from './csv-file-loader'
import { csvNoteMessages } from './csv-messages'
import {
  DerivedNames,
  KeyNormalizer,
  mapDepartmentRow,
  mapUserRow,
  type DepartmentRow,
} from './csv-record-mappers'
import { resolveDesknetsReferences } from './csv-references'
import { readCsvTable, type CsvFileSummary, type CsvTableSpec, type RowTick } from './csv-table-reader'

interface Located<T> {
  readonly items: T[]
  readonly locations: SourceLocation[]
}

type TableRead = CsvFileSummary & { readonly complete: boolean }

interface Reading {
  readonly config: CsvSourceConfig
  readonly problems: SourceProblemCollector
  readonly keys: KeyNormalizer
  readonly tick: RowTick
}

async function readUsers(
  file: CsvText,
  r: Reading,
): Promise<Located<DirectoryEmployee> & { summary: TableRead }> {
  const out: Located<DirectoryEmployee> = { items: [], locations: [] }
  const { config } = r
  const spec: CsvTableSpec<CsvUserField> = {
    fileName: file.fileName,
    encoding: file.encoding,
    columns: config.users,
    required: requiredUserFields,
  }
  const ctx = { fileName: file.fileName, columns: config.users, problems: r.problems, keys: r.keys }
  const rules = {
    listSeparator: config.listSeparator,
    inactive: new Set(config.inactiveValues.map((v) => v.normalize('NFKC').trim().toLowerCase())),
  }
  const summary = await readCsvTable(
    file.text,
    spec,
    r.problems,
    (row) => {
      const employee = mapUserRow(row, ctx, rules)
      if (!employee) return
      // Duplicates are kept on purpose: the engine's validator reports them with both lines.
      out.items.push(employee)
      out.locations.push({ where: file.fileName, line: row.line })
    },
    r.tick,
  )
  return { ...out, summary }
}

async function readDepartments(
  file: CsvText,
  r: Reading,
): Promise<Located<DepartmentRow> & { summary: TableRead }> {
  const out: Located<DepartmentRow> = { items: [], locations: [] }
  const { config } = r
  const spec: CsvTableSpec<CsvDepartmentField> = {
    ...file,
    columns: config.departments,
    required: requiredDepartmentFields,
  }
  const ctx = { fileName: file.fileName, columns: config.departments, problems: r.problems, keys: r.keys }
  const summary = await readCsvTable(
    file.text,
    spec,
    r.problems,
    (row) => {
      const department = mapDepartmentRow(row, ctx)
      if (!department) return
      out.items.push(department)
      out.locations.push({ where: file.fileName, line: row.line })
    },
    r.tick,
  )
  return { ...out, summary }
}

/** Under half active is almost always a mapping that reads the state column backwards. */
function activeShareNote(employees: readonly DirectoryEmployee[], config: CsvSourceConfig, users: TableRead) {
  const column = config.users.active.trim()
  if (employees.length === 0 || column === '' || users.missingOptional.includes(column)) return []
  const active = employees.filter((e) => e.active).length
  if (active * 2 >= employees.length) return []
  const message = csvNoteMessages.fewActive(active, employees.length, column, config.inactiveValues)
  return [{ level: 'warning', message } as const]
}

function notes(
  employees: readonly DirectoryEmployee[],
  summaries: readonly TableRead[],
  r: Reading,
): SourceNotice[] {
  const found: SourceNotice[] = []
  const [users] = summaries
  if (users) found.push(...activeShareNote(employees, r.config, users))
  if (r.keys.changed > 0) found.push({ level: 'info', message: csvNoteMessages.normalised(r.keys.changed) })
  for (const s of summaries) {
    if (s.missingOptional.length === 0) continue
    found.push({ level: 'info', message: csvNoteMessages.missingOptional(s.fileName, s.missingOptional) })
  }
  return found
}

type UsersRead = Awaited<ReturnType<typeof readUsers>>
type DepartmentsRead = Awaited<ReturnType<typeof readDepartments>>

/** Department cells as codes: as they are, or desknet's NEO's references resolved. */
function resolveReferences(
  people: UsersRead,
  orgs: DepartmentsRead,
  files: { readonly users: CsvText; readonly departments: CsvText },
  r: Reading,
) {
  const { config } = r
  if (csvPresetDefaults[config.preset].references !== 'desknets') {
    return { departments: orgs.items.map((row) => row.department), employees: people.items }
  }
  const columns = {
    usersFile: files.users.fileName,
    departmentsFile: files.departments.fileName,
    parent: config.departments.parent,
    mainDepartment: config.users.mainDepartment,
    otherDepartments: config.users.otherDepartments,
  }
  return resolveDesknetsReferences(
    orgs.items,
    orgs.locations,
    people.items,
    people.locations,
    columns,
    r.problems,
  )
}

/**
 * Both files into one snapshot. Problems of both files are collected before anything is thrown, so
 * the admin sees them all at once; the summaries are pushed as each file is done (check() shows them).
 * `complete` is false when a file could not be read to its end (no header, broken quoting): then the
 * records read so far must not be checked against each other.
 */
export async function readCsvSnapshot(
  users: CsvText,
  departments: CsvText,
  config: CsvSourceConfig,
  problems: SourceProblemCollector,
  tick: RowTick,
  summaries: CsvFileSummary[],
): Promise<SourceRead & { readonly complete: boolean }> {
  const reading: Reading = { config, problems, keys: new KeyNormalizer(), tick }
  const people = await readUsers(users, reading)
  summaries.push(people.summary)
  const orgs = await readDepartments(departments, reading)
  summaries.push(orgs.summary)
  const resolved = resolveReferences(people, orgs, { users, departments }, reading)
  const positions = new DerivedNames()
  const groups = new DerivedNames()
  for (const employee of resolved.employees) {
    positions.addAll(employee.positions)
    groups.addAll(employee.groups)
  }
  return {
    snapshot: {
      employees: resolved.employees,
      departments: resolved.departments,
      positions: positions.positions(),
      groups: groups.groups(),
    },
    locations: { employees: people.locations, departments: orgs.locations },
    notes: notes(resolved.employees, [people.summary, orgs.summary], reading),
    complete: people.summary.complete && orgs.summary.complete,
  }
}
