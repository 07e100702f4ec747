/**
 * The people the rules look at, from either directory: the home directory (SQLite `directory_objects`) or a
 * partner's as received (`partner_items`). Departments and positions are few and read whole; people are
 * streamed page by page, and names are looked up one at a time (only trails and checks need them).
 */
import type { DirectoryEmployee } from '../../../../../shared/model/directory'
import type { RuleSubject } from '../../../../../shared/model/sitelink-rules'
import type { LinkEmployee } from '../../../../../shared/model/sitelink-exchange'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import type { Db } from '../../../store/database'
import { departmentTreeOf, type DepartmentTree } from './department-tree'
import type { RuleNames } from './rule-labels'

export interface RulePerson {
  readonly subject: RuleSubject
  readonly name: string
}

export interface RuleDirectory {
  readonly tree: DepartmentTree
  /** Names double as existence checks: null = no such code in this directory. */
  readonly names: RuleNames
  person(key: string): RulePerson | null
  /** Everyone, in key order, a page at a time. */
  people(): Iterable<RulePerson>
}

const pageSize = 2000

interface Named {
  readonly code: string
  readonly nameJa: string
  readonly parent?: string | null
}

function byCode(items: readonly Named[]): Map<string, Named> {
  return new Map(items.map((item) => [item.code, item]))
}

export function homeRuleDirectory(home: HomeDirectoryRepository): RuleDirectory {
  const all = (kind: 'department' | 'position' | 'group'): Named[] =>
    home.page(kind, null, 1_000_000).map((row) => JSON.parse(row.data) as Named)
  const departments = byCode(all('department'))
  const positions = byCode(all('position'))
  const groups = byCode(all('group'))
  const employee = (key: string): DirectoryEmployee | null =>
    (home.objects([`employee\t${key}`]).get(`employee\t${key}`) as DirectoryEmployee | undefined) ?? null
  const person = (e: DirectoryEmployee): RulePerson => ({
    subject: {
      key: e.key,
      mainDepartment: e.mainDepartment,
      otherDepartments: e.otherDepartments,
      positions: e.positions,
      groups: e.groups,
    },
    name: e.nameJa,
  })
  return {
    tree: departmentTreeOf(
      [...departments.values()].map((d) => ({ code: d.code, parent: d.parent ?? null })),
    ),
    names: {
      department: (code) => departments.get(code)?.nameJa ?? null,
      position: (code) => positions.get(code)?.nameJa ?? null,
      group: (code) => groups.get(code)?.nameJa ?? null,
      employee: (key) => employee(key)?.nameJa ?? null,
    },
    person: (key) => {
      const e = employee(key)
      return e ? person(e) : null
    },
    *people() {
      for (let after: string | null = null; ;) {
        const rows = home.page('employee', after, pageSize)
        if (rows.length === 0) return
        for (const row of rows) yield person(JSON.parse(row.data) as DirectoryEmployee)
        after = rows[rows.length - 1]!.key
      }
    },
  }
}

/**
 * A partner's directory as received. Partners receive no groups: a person's groups are the ones whose
 * members (sent with the partner's visit rules) include them.
 */
export function partnerRuleDirectory(
  db: Db,
  linkId: string,
  groupMembers: Readonly<Record<string, readonly string[]>>,
): RuleDirectory {
  const read = <T>(kind: string): T[] =>
    (
      db
        .prepare('SELECT data FROM partner_items WHERE link_id = ? AND kind = ?')
        .pluck()
        .all(linkId, kind) as string[]
    ).map((data) => JSON.parse(data) as T)
  const departments = byCode(read<Named>('department'))
  const positions = byCode(read<Named>('position'))
  const groupsOf = new Map<string, string[]>()
  for (const [group, members] of Object.entries(groupMembers))
    for (const key of members) {
      const groups = groupsOf.get(key)
      if (groups) groups.push(group)
      else groupsOf.set(key, [group])
    }
  const employee = (key: string): LinkEmployee | null => {
    const data = db
      .prepare(`SELECT data FROM partner_items WHERE link_id = ? AND kind = 'employee' AND key = ?`)
      .pluck()
      .get(linkId, key) as string | undefined
    return data === undefined ? null : (JSON.parse(data) as LinkEmployee)
  }
  const person = (e: LinkEmployee): RulePerson => ({
    subject: {
      key: e.key,
      mainDepartment: e.mainDepartment,
      otherDepartments: e.otherDepartments,
      positions: e.positions,
      groups: groupsOf.get(e.key) ?? [],
    },
    name: e.nameJa,
  })
  const page = db.prepare(
    `SELECT key, data FROM partner_items WHERE link_id = ? AND kind = 'employee' AND key > ? ORDER BY key LIMIT ?`,
  )
  return {
    tree: departmentTreeOf(
      [...departments.values()].map((d) => ({ code: d.code, parent: d.parent ?? null })),
    ),
    names: {
      department: (code) => departments.get(code)?.nameJa ?? null,
      position: (code) => positions.get(code)?.nameJa ?? null,
      group: (code) => (Object.hasOwn(groupMembers, code) ? code : null),
      employee: (key) => employee(key)?.nameJa ?? null,
    },
    person: (key) => {
      const e = employee(key)
      return e ? person(e) : null
    },
    *people() {
      for (let after = ''; ;) {
        const rows = page.all(linkId, after, pageSize) as { key: string; data: string }[]
        if (rows.length === 0) return
        for (const row of rows) yield person(JSON.parse(row.data) as LinkEmployee)
        after = rows[rows.length - 1]!.key
      }
    },
  }
}
