import type { Entry } from 'ldapts'
import type {
  DirectoryDepartment,
  DirectoryEmployee,
  DirectoryGroup,
  DirectoryPosition,
} from '../../../../shared/model/directory'
import type { LdapSourceConfig } from '../../../../shared/model/directory-config'
import type { Localized } from '../../../../shared/model/localized'
import type { SourceLocation, SourceRead } from '../../engines/directory/directory-connectors'
import { SourceProblemCollector } from '../../engines/directory/source-problems'
import { isInactive } from './ldap-ad'
import { joinRdns, normalizeDn, normalizeRdns, parentKey, parseDn } from './ldap-dn'
import { entryValues, firstValue, type EntryValues } from './ldap-session'
import { GroupGraph } from './ldap-source-groups'

type Person = Omit<DirectoryEmployee, 'groups' | 'positions'> & {
  readonly dn: string
  readonly positions: string[]
  readonly groups: string[]
}

/** Values of a multi-valued attribute, trimmed, without blanks or repeats. */
function allValues(values: EntryValues, attribute: string): string[] {
  if (attribute === '') return []
  const list = (values.get(attribute.toLowerCase()) ?? []).map((v) => v.trim()).filter((v) => v !== '')
  return [...new Set(list)]
}

/** Distinct names in order of first appearance, each with where it was first seen. */
class FirstSeen {
  readonly order = new Map<string, SourceLocation>()
  add(name: string, where: string): void {
    if (!this.order.has(name)) this.order.set(name, { where, line: null })
  }
}

/** Departments from the OU path between the base and each entry (departmentsFrom 'ou'). */
class OuTree {
  readonly departments: DirectoryDepartment[] = []
  readonly locations: SourceLocation[] = []
  /** Parent DN as written (parentKey) → the code of its nearest OU (the person's main department). */
  private readonly byParent = new Map<string, string | null>()
  private readonly known = new Set<string>()

  constructor(private readonly baseLevels: number) {}

  /** Registers the OUs above `dn` and returns the immediate one's code (null right under the base). */
  mainDepartment(dn: string): string | null {
    const key = parentKey(dn)
    const cached = this.byParent.get(key)
    if (cached !== undefined) return cached
    const rdns = parseDn(dn)
    let parent: string | null = null
    for (let level = rdns.length - this.baseLevels - 1; level >= 1; level--) {
      const rdn = rdns[level]!
      const pair = rdn.pairs[0]!
      if (rdn.pairs.length !== 1 || pair.type !== 'ou') continue
      const above = rdns.slice(level)
      const code = normalizeRdns(above)
      if (!this.known.has(code)) {
        this.known.add(code)
        const order = this.departments.length + 1
        this.departments.push({ code, nameJa: pair.value, nameEn: null, parent, order })
        this.locations.push({ where: joinRdns(above), line: null })
      }
      parent = code
    }
    this.byParent.set(key, parent)
    return parent
  }
}

/**
 * Turns search entries into a snapshot: employees from user entries, departments from an attribute or the OU
 * path, positions from the position attribute, groups from group entries. Collects every bad entry (the
 * first 10,000, the rest counted) so the admin can fix them all at once.
 */
export class LdapSnapshotBuilder {
  private readonly people: Person[] = []
  private readonly groups = new GroupGraph()
  private readonly problems = new SourceProblemCollector()
  private readonly departmentNames = new FirstSeen()
  private readonly positionNames = new FirstSeen()
  private readonly ouTree: OuTree | null
  private readonly attrs: LdapSourceConfig['attributes']

  constructor(private readonly config: LdapSourceConfig) {
    this.attrs = config.attributes
    this.ouTree = config.departmentsFrom === 'ou' ? new OuTree(parseDn(config.baseDn).length) : null
  }

  /** Attributes to request for user entries: only the mapped ones. */
  static userAttributes(config: LdapSourceConfig): string[] {
    const a = config.attributes
    const mapped = [
      a.key,
      a.login,
      a.nameJa,
      a.nameEn,
      a.kana,
      a.email,
      a.position,
      config.inactive.attribute,
    ]
    if (config.departmentsFrom === 'attribute') mapped.push(a.department)
    return [...new Set(mapped.filter((name) => name !== ''))]
  }

  addPerson(entry: Entry): void {
    const values = entryValues(entry)
    const a = this.attrs
    const key = firstValue(values, a.key)
    const login = firstValue(values, a.login)
    const nameJa = firstValue(values, a.nameJa)
    if (key === null || login === null || nameJa === null) {
      const missing = [
        [a.key, key],
        [a.login, login],
        [a.nameJa, nameJa],
      ].flatMap(([name, value]) => (value === null ? [name] : []))
      return this.problem(entry.dn, {
        ja: `${entry.dn}: 必須の属性 ${missing.join('、')} がありません。エントリーに値を入れるか、属性の対応付けを直してください。`,
        en: `${entry.dn}: the required attribute ${missing.join(', ')} is missing. Fill it in, or fix the attribute mapping.`,
      })
    }
    const { mainDepartment, otherDepartments } = this.departmentsOf(entry.dn, values)
    const positions = allValues(values, a.position)
    for (const p of positions) this.positionNames.add(p, entry.dn)
    this.people.push({
      dn: entry.dn,
      key,
      login,
      nameJa,
      nameEn: firstValue(values, a.nameEn),
      kana: firstValue(values, a.kana),
      email: firstValue(values, a.email),
      mainDepartment,
      otherDepartments,
      positions,
      groups: [],
      // LDAP has no standard "disabled" attribute: active unless the configured rule says otherwise.
      active: !isInactive(values, this.config.inactive),
    })
  }

  private departmentsOf(
    dn: string,
    values: EntryValues,
  ): { mainDepartment: string | null; otherDepartments: string[] } {
    if (this.ouTree) return { mainDepartment: this.ouTree.mainDepartment(dn), otherDepartments: [] }
    const [main = null, ...others] = allValues(values, this.attrs.department)
    for (const name of main === null ? [] : [main, ...others]) this.departmentNames.add(name, dn)
    return { mainDepartment: main, otherDepartments: others }
  }

  /** A group entry; members are matched to people in build(), once every group is in. */
  addGroup(entry: Entry): void {
    const values = entryValues(entry)
    const code = firstValue(values, this.attrs.groupName)
    if (code === null) {
      return this.problem(entry.dn, {
        ja: `${entry.dn}: グループ名の属性 ${this.attrs.groupName} がありません。`,
        en: `${entry.dn}: the group name attribute ${this.attrs.groupName} is missing.`,
      })
    }
    this.groups.add(entry.dn, code, allValues(values, this.attrs.groupMember))
  }

  private resolveGroups(): DirectoryGroup[] {
    const index = new Map(this.people.map((p, i) => [normalizeDn(p.dn), i]))
    this.groups.resolve(index, this.config.nestedGroups, (i, code) => {
      const person = this.people[i]!
      if (!person.groups.includes(code)) person.groups.push(code)
    })
    return this.groups.codes.map((code) => ({ code, nameJa: code, nameEn: null }))
  }

  /** The snapshot; throws SourceInputError when any entry was unusable. */
  build(): SourceRead {
    const error = this.problems.toError()
    if (error) throw error
    const groups = this.resolveGroups()
    const rank = new Map([...this.positionNames.order.keys()].map((name, i) => [name, i + 1]))
    const positions: DirectoryPosition[] = [...rank].map(([name, r]) => ({
      code: name,
      nameJa: name,
      nameEn: null,
      rank: r,
    }))
    const employees: DirectoryEmployee[] = this.people.map(({ dn: _dn, ...person }) => ({
      ...person,
      // The model keeps positions highest rank first; ranks follow first appearance.
      positions: [...person.positions].sort((x, y) => rank.get(x)! - rank.get(y)!),
    }))
    const departments = this.ouTree ? this.ouTree.departments : this.attributeDepartments()
    const departmentLocations = this.ouTree ? this.ouTree.locations : [...this.departmentNames.order.values()]
    return {
      snapshot: { employees, departments, positions, groups },
      locations: {
        employees: this.people.map((p) => ({ where: p.dn, line: null })),
        departments: departmentLocations,
      },
    }
  }

  private attributeDepartments(): DirectoryDepartment[] {
    return [...this.departmentNames.order.keys()].map((name, i) => ({
      code: name,
      nameJa: name,
      nameEn: null,
      parent: null,
      order: i + 1,
    }))
  }

  private problem(dn: string, message: Localized): void {
    this.problems.add({ where: dn, line: null }, message)
  }
}
