import type { DirectoryDepartment, DirectoryEmployee } from '../../../../shared/model/directory'
import type { CsvSourceConfig } from '../../../../shared/model/directory-config'
import type { SourceLocation, SourceRead } from '../../engines/directory/directory-connectors'
import type { CsvText } from './csv-file-loader'
import type { CsvProblemList } from './csv-problem-list'
import {
  DerivedNames,
  mapDepartmentRow,
  mapUserRow,
  requiredDepartmentFields,
  requiredUserFields,
  type DepartmentField,
  type UserField,
} from './csv-record-mappers'
import { readCsvTable, type CsvFileSummary, type CsvTableSpec, type RowTick } from './csv-table-reader'

interface Located<T> {
  readonly items: T[]
  readonly locations: SourceLocation[]
}

interface UsersRead extends Located<DirectoryEmployee> {
  readonly positions: DerivedNames
  readonly groups: DerivedNames
  readonly summary: CsvFileSummary
}

async function readUsers(
  file: CsvText,
  config: CsvSourceConfig,
  problems: CsvProblemList,
  tick: RowTick,
): Promise<UsersRead> {
  const out: Located<DirectoryEmployee> = { items: [], locations: [] }
  const positions = new DerivedNames()
  const groups = new DerivedNames()
  const spec: CsvTableSpec<UserField> = {
    fileName: file.fileName,
    encoding: file.encoding,
    columns: config.users,
    required: requiredUserFields,
  }
  const ctx = { fileName: file.fileName, columns: config.users, problems }
  const rules = {
    listSeparator: config.listSeparator,
    inactive: new Set(config.inactiveValues.map((v) => v.trim().toLowerCase())),
  }
  const summary = await readCsvTable(
    file.text,
    spec,
    problems,
    (row) => {
      const employee = mapUserRow(row, ctx, rules)
      if (!employee) return
      // Duplicates are kept on purpose: the engine's validator reports them with both lines.
      out.items.push(employee)
      out.locations.push({ where: file.fileName, line: row.line })
      positions.addAll(employee.positions)
      groups.addAll(employee.groups)
    },
    tick,
  )
  return { ...out, positions, groups, summary }
}

async function readDepartments(
  file: CsvText,
  config: CsvSourceConfig,
  problems: CsvProblemList,
  tick: RowTick,
): Promise<Located<DirectoryDepartment> & { summary: CsvFileSummary }> {
  const out: Located<DirectoryDepartment> = { items: [], locations: [] }
  const spec: CsvTableSpec<DepartmentField> = {
    ...file,
    columns: config.departments,
    required: requiredDepartmentFields,
  }
  const ctx = { fileName: file.fileName, columns: config.departments, problems }
  const summary = await readCsvTable(
    file.text,
    spec,
    problems,
    (row) => {
      const department = mapDepartmentRow(row, ctx)
      if (!department) return
      out.items.push(department)
      out.locations.push({ where: file.fileName, line: row.line })
    },
    tick,
  )
  return { ...out, summary }
}

/**
 * Both files into one snapshot. Problems of both files are collected before anything is thrown, so
 * the admin sees them all at once; the summaries are pushed as each file is done (check() shows them).
 */
export async function readCsvSnapshot(
  users: CsvText,
  departments: CsvText,
  config: CsvSourceConfig,
  problems: CsvProblemList,
  tick: RowTick,
  summaries: CsvFileSummary[],
): Promise<SourceRead> {
  const people = await readUsers(users, config, problems, tick)
  summaries.push(people.summary)
  const orgs = await readDepartments(departments, config, problems, tick)
  summaries.push(orgs.summary)
  return {
    snapshot: {
      employees: people.items,
      departments: orgs.items,
      positions: people.positions.positions(),
      groups: people.groups.groups(),
    },
    locations: { employees: people.locations, departments: orgs.locations },
  }
}
