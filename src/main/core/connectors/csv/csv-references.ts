import type { DirectoryDepartment, DirectoryEmployee } from '../../../../shared/model/directory'
import type { SourceLocation } from '../../engines/directory/directory-connectors'
import type { SourceProblemCollector } from '../../engines/directory/source-problems'
import { csvProblemMessages } from './csv-messages'
import type { DepartmentRow } from './csv-record-mappers'

type Resolved = { readonly code: string } | { readonly problem: 'unknown' | 'ambiguous' }

/**
 * desknet's NEO refers to an organisation as "@" + 企業内組織コード, "*" + 組織システムID or by its
 * 組織名 (NEOJAPAN FAQ NEO-T0081 / NEO-T0218). One index over the organisation file turns each form
 * into the code, in linear time. "@code" is not checked here: the engine's validator reports a code
 * the file lacks, as it does for any source.
 */
class ReferenceIndex {
  private readonly codes = new Set<string>()
  private readonly bySystemId = new Map<string, string>()
  /** null: several organisations carry the name. */
  private readonly byName = new Map<string, string | null>()

  constructor(rows: readonly DepartmentRow[]) {
    for (const { department, systemId } of rows) {
      this.codes.add(department.code)
      if (systemId !== '') this.bySystemId.set(systemId, department.code)
      const name = department.nameJa.normalize('NFKC')
      this.byName.set(name, this.byName.has(name) ? null : department.code)
    }
  }

  resolve(reference: string): Resolved {
    if (reference.startsWith('@')) return { code: reference.slice(1) }
    if (reference.startsWith('*')) {
      const code = this.bySystemId.get(reference.slice(1))
      return code === undefined ? { problem: 'unknown' } : { code }
    }
    if (this.codes.has(reference)) return { code: reference }
    const named = this.byName.get(reference)
    if (named === undefined) return { problem: 'unknown' }
    return named === null ? { problem: 'ambiguous' } : { code: named }
  }
}

export interface ReferenceColumns {
  readonly usersFile: string
  readonly departmentsFile: string
  readonly parent: string
  readonly mainDepartment: string
  readonly otherDepartments: string
}

/** Rewrites every department reference to a code; one that cannot be resolved is a problem and dropped. */
export function resolveDesknetsReferences(
  rows: readonly DepartmentRow[],
  departmentLocations: readonly SourceLocation[],
  employees: readonly DirectoryEmployee[],
  employeeLocations: readonly SourceLocation[],
  columns: ReferenceColumns,
  problems: SourceProblemCollector,
): { departments: DirectoryDepartment[]; employees: DirectoryEmployee[] } {
  const index = new ReferenceIndex(rows)
  const resolve = (reference: string, file: string, at: SourceLocation | undefined, column: string) => {
    const found = index.resolve(reference)
    if ('code' in found) return found.code
    const line = at?.line ?? 0
    const message =
      found.problem === 'unknown'
        ? csvProblemMessages.unknownReference(file, line, column, reference)
        : csvProblemMessages.ambiguousName(file, line, column, reference)
    problems.add(at ?? null, message)
    return null
  }
  const departments = rows.map(({ department: d }, i) =>
    d.parent === null
      ? d
      : { ...d, parent: resolve(d.parent, columns.departmentsFile, departmentLocations[i], columns.parent) },
  )
  const people = employees.map((e, i) => {
    const at = employeeLocations[i]
    const main = e.mainDepartment
    const others = e.otherDepartments.map((o) => resolve(o, columns.usersFile, at, columns.otherDepartments))
    return {
      ...e,
      mainDepartment: main === null ? null : resolve(main, columns.usersFile, at, columns.mainDepartment),
      otherDepartments: others.filter((o): o is string => o !== null),
    }
  })
  return { departments, employees: people }
}
