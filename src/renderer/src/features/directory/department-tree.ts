/**
 * The home directory's flat department list as a tree for the screen. Siblings follow the source's
 * display order, then the code. A department whose parent is missing is shown at the top rather than lost.
 */
import type { DepartmentSummary } from '../../../../shared/model/directory'

export interface DepartmentNode {
  readonly department: DepartmentSummary
  readonly depth: number
  readonly children: readonly DepartmentNode[]
}

function bySiblingOrder(a: DepartmentSummary, b: DepartmentSummary): number {
  return a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
}

export function buildDepartmentTree(departments: readonly DepartmentSummary[]): readonly DepartmentNode[] {
  const codes = new Set(departments.map((d) => d.code))
  const children = new Map<string | null, DepartmentSummary[]>()
  for (const d of departments) {
    const parent = d.parent !== null && codes.has(d.parent) && d.parent !== d.code ? d.parent : null
    const siblings = children.get(parent)
    if (siblings) siblings.push(d)
    else children.set(parent, [d])
  }
  // A cycle (the source validator refuses them, but the tree must not loop) is cut where it repeats,
  // and departments only reachable through one are shown at the top.
  const placed = new Set<string>()
  const build = (list: readonly DepartmentSummary[], depth: number): DepartmentNode[] => {
    const nodes: DepartmentNode[] = []
    for (const d of [...list].sort(bySiblingOrder)) {
      if (placed.has(d.code)) continue
      placed.add(d.code)
      nodes.push({ department: d, depth, children: build(children.get(d.code) ?? [], depth + 1) })
    }
    return nodes
  }
  const roots = build(children.get(null) ?? [], 0)
  const stranded = departments.filter((d) => !placed.has(d.code))
  return stranded.length > 0 ? [...roots, ...build(stranded, 0)] : roots
}

/** The codes open when the tree is first shown: the top two levels, so a small company is seen whole. */
export function initiallyExpanded(roots: readonly DepartmentNode[], levels = 2): ReadonlySet<string> {
  const open = new Set<string>()
  const walk = (nodes: readonly DepartmentNode[]): void => {
    for (const node of nodes) {
      if (node.depth < levels && node.children.length > 0) open.add(node.department.code)
      walk(node.children)
    }
  }
  walk(roots)
  return open
}
