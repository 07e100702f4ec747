/** Departments in tree order, pure so the order is tested. */
export interface TreeEntry {
  readonly code: string
  readonly nameJa: string
  readonly nameEn: string | null
  readonly depth: number
}

/** Departments parent first, siblings by their display order: a select shows the tree by indenting. */
export function departmentTree(
  departments: readonly {
    code: string
    nameJa: string
    nameEn: string | null
    parent: string | null
    order: number
  }[],
): TreeEntry[] {
  const known = new Set(departments.map((d) => d.code))
  const children = new Map<string | null, typeof departments>()
  for (const d of departments) {
    const parent = d.parent !== null && known.has(d.parent) ? d.parent : null
    children.set(parent, [...(children.get(parent) ?? []), d])
  }
  const out: TreeEntry[] = []
  const walk = (parent: string | null, depth: number): void => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.order - b.order || a.code.localeCompare(b.code),
    )
    for (const d of list) {
      out.push({ code: d.code, nameJa: d.nameJa, nameEn: d.nameEn, depth })
      walk(d.code, depth + 1)
    }
  }
  walk(null, 0)
  return out
}
