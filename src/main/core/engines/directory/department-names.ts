/**
 * Department codes in a dry run's changes read as names (「営業1課 (D110) → 営業2課 (D120)」). The names come
 * from the source being planned and, for departments the run deletes, from the home directory's record
 * of them; a screen is sent only the names its listed changes mention.
 */
import type {
  DepartmentName,
  DirectoryDepartment,
  DirectoryPlan,
  HomeChange,
} from '../../../../shared/model/directory'
import { departmentCodeFields } from '../../../../shared/model/directory'

/** Every department the plan may mention: the source's, and the ones the run deletes from home. */
export function departmentNamesOf(
  departments: readonly DirectoryDepartment[],
  changes: readonly HomeChange[],
): Record<string, DepartmentName> {
  const names: Record<string, DepartmentName> = {}
  for (const c of changes) {
    if (c.kind === 'department' && c.action === 'deleted') names[c.key] = { nameJa: c.name, nameEn: null }
  }
  for (const d of departments) names[d.code] = { nameJa: d.nameJa, nameEn: d.nameEn }
  return names
}

function addCodes(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value)
  else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') into.add(v)
}

/** Only the names of codes the plan's listed items and home changes mention (a cut plan lists a few). */
export function namesInUse(plan: DirectoryPlan): Record<string, DepartmentName> {
  const codes = new Set<string>()
  for (const change of [...plan.items, ...plan.homeChanges]) {
    for (const f of change.fields) {
      if (!departmentCodeFields.has(f.field)) continue
      addCodes(f.before, codes)
      addCodes(f.after, codes)
    }
  }
  const names: Record<string, DepartmentName> = {}
  for (const code of codes) {
    const name = plan.departmentNames[code]
    if (name) names[code] = name
  }
  return names
}
