/** The partner's (or home) department hierarchy, as the rules need it: only "who is the parent". */
export interface DepartmentTree {
  /** Null = top level (or a code the tree does not know). */
  parentOf(code: string): string | null
}

export function departmentTreeOf(
  departments: Iterable<{ code: string; parent: string | null }>,
): DepartmentTree {
  const parents = new Map<string, string | null>()
  for (const department of departments) parents.set(department.code, department.parent)
  return { parentOf: (code) => parents.get(code) ?? null }
}

/**
 * A department and its ancestors, nearest first (index = distance). A cycle in received data stops the
 * walk instead of looping forever.
 */
export function lineageOf(tree: DepartmentTree, code: string): string[] {
  const lineage = [code]
  const seen = new Set(lineage)
  for (
    let parent = tree.parentOf(code);
    parent !== null && !seen.has(parent);
    parent = tree.parentOf(parent)
  ) {
    lineage.push(parent)
    seen.add(parent)
  }
  return lineage
}
