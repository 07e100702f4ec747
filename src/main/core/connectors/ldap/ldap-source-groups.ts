import { normalizeDn } from './ldap-dn'

interface GroupEntry {
  readonly code: string
  /** Member DNs in normal form. */
  readonly members: readonly string[]
}

/**
 * Group entries as read, resolved to people once every group is in: a member group's members only
 * become known after that group is read, and groups come in server order. With `nested`, members of
 * member groups count too, at any depth; cycles (AD accepts them) end the walk instead of looping.
 *
 * The walk uses the `member` values already read with the groups: no query per group. AD's
 * LDAP_MATCHING_RULE_IN_CHAIN asks the server the same question once per group instead, which costs
 * a search per group (about 1 s each on Samba; bench/ad-bench.ts prints both).
 */
export class GroupGraph {
  private readonly groups: GroupEntry[] = []
  private readonly byDn = new Map<string, number>()

  add(dn: string, code: string, members: readonly string[]): void {
    this.byDn.set(normalizeDn(dn), this.groups.length)
    this.groups.push({ code, members: members.map(normalizeDn) })
  }

  get codes(): string[] {
    return this.groups.map((g) => g.code)
  }

  /**
   * Calls `join(person, code)` for every person in every group, group by group in read order.
   * `people` maps a normal DN to the person's index; members that are neither people nor (with
   * `nested`) groups are ignored.
   */
  resolve(
    people: ReadonlyMap<string, number>,
    nested: boolean,
    join: (person: number, code: string) => void,
  ): void {
    for (const [index, group] of this.groups.entries()) {
      const seen = new Set<number>([index])
      const pending = [...group.members]
      for (let member = pending.pop(); member !== undefined; member = pending.pop()) {
        const person = people.get(member)
        if (person !== undefined) {
          join(person, group.code)
          continue
        }
        const inner = nested ? this.byDn.get(member) : undefined
        if (inner === undefined || seen.has(inner)) continue
        seen.add(inner)
        for (const m of this.groups[inner]!.members) pending.push(m)
      }
    }
  }
}
