import type { DirectoryEmployee, DirectorySnapshot } from '../../../../shared/model/directory'
import type { TargetGroup, TargetUser } from './directory-connectors'

/** "山田 太郎" (or with an ideographic space) → family 山田, given 太郎; a name without a space is all family name. */
export function splitName(name: string): { familyName: string; givenName: string } {
  const trimmed = name.trim()
  const at = trimmed.search(/\s/)
  if (at === -1) return { familyName: trimmed, givenName: '' }
  const given = trimmed.slice(at).trim()
  // The usual "family given" with one plain space needs no split (100,000 people a preview).
  const plain = !/\s/.test(given) || !/[^\S ]| {2}/.test(given)
  return { familyName: trimmed.slice(0, at), givenName: plain ? given : given.split(/\s+/).join(' ') }
}

/** Turns home employees and groups into what targets store, resolving codes to names once. */
export class TargetProjection {
  private readonly departmentNames: Map<string, string>
  private readonly positionNames: Map<string, string>

  constructor(private readonly snapshot: DirectorySnapshot) {
    this.departmentNames = new Map(snapshot.departments.map((d) => [d.code, d.nameJa]))
    this.positionNames = new Map(snapshot.positions.map((p) => [p.code, p.nameJa]))
  }

  user(e: DirectoryEmployee): TargetUser {
    const position = e.positions[0]
    const { familyName, givenName } = splitName(e.nameJa)
    return {
      key: e.key,
      login: e.login,
      displayName: e.nameJa,
      familyName,
      givenName,
      email: e.email,
      departmentCode: e.mainDepartment,
      department: e.mainDepartment === null ? null : (this.departmentNames.get(e.mainDepartment) ?? null),
      title: position === undefined ? null : (this.positionNames.get(position) ?? position),
      active: e.active,
    }
  }

  /** One at a time, as the planner asks: 100,000 projected users are never held at once. */
  *users(): Generator<TargetUser> {
    for (const e of this.snapshot.employees) yield this.user(e)
  }

  /** Groups hold active users only: a suspended person leaves the chat rooms their groups open. */
  groups(): TargetGroup[] {
    const members = new Map<string, string[]>(this.snapshot.groups.map((g) => [g.code, []]))
    for (const e of this.snapshot.employees) {
      if (!e.active) continue
      for (const code of e.groups) members.get(code)?.push(e.key)
    }
    return this.snapshot.groups.map((g) => ({
      key: g.code,
      displayName: g.nameJa,
      memberKeys: [...(members.get(g.code) ?? [])].sort(),
    }))
  }
}
