/**
 * The people the visit rules look at: a home employee (issuing) or a partner's employee as received (the
 * landing), with their department tree and the names a rule trail shows. One person at a time: nothing
 * here reads a whole directory of 100,000.
 */
import type { DirectoryEmployee } from '../../../../../shared/model/directory'
import type { LinkEmployee } from '../../../../../shared/model/sitelink-exchange'
import type { RuleSubject } from '../../../../../shared/model/sitelink-rules'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import { recordId } from '../../../directory/home-diff'
import type { Db } from '../../../store/database'
import { departmentTreeOf, type DepartmentTree } from '../rules/department-tree'
import type { RuleNames } from '../rules/rule-labels'

export interface VisitPerson {
  readonly subject: RuleSubject
  readonly name: string
  readonly email: string | null
  readonly active: boolean
}

export interface RuleDirectory {
  person(key: string): VisitPerson | null
  tree(): DepartmentTree
  readonly names: RuleNames
}

const named = (o: { nameJa: string } | undefined): string | null => o?.nameJa ?? null

export function homeRuleDirectory(home: HomeDirectoryRepository): RuleDirectory {
  const object = <T extends { nameJa: string }>(kind: string, key: string): T | undefined =>
    home.objects([recordId(kind, key)]).get(recordId(kind, key)) as T | undefined
  return {
    person(key) {
      const e = object<DirectoryEmployee>('employee', key)
      if (!e) return null
      const { mainDepartment, otherDepartments, positions, groups } = e
      return {
        subject: { key, mainDepartment, otherDepartments, positions, groups },
        name: e.nameJa,
        email: e.email,
        active: e.active,
      }
    },
    tree: () => departmentTreeOf(home.departments()),
    names: {
      department: (code) => named(object('department', code)),
      position: (code) => named(object('position', code)),
      employee: (key) => named(object('employee', key)),
      group: (code) => named(object('group', code)),
    },
  }
}

/**
 * A partner's directory as received on one link. Partners send no groups: the subject's groups come from
 * the group members that travel with the partner's visit rules.
 */
export function partnerRuleDirectory(
  db: Db,
  linkId: string,
  groupMembers: Readonly<Record<string, readonly string[]>>,
): RuleDirectory {
  const item = <T>(kind: string, key: string): T | undefined => {
    const data = db
      .prepare('SELECT data FROM partner_items WHERE link_id = ? AND kind = ? AND key = ?')
      .pluck()
      .get(linkId, kind, key) as string | undefined
    return data === undefined ? undefined : (JSON.parse(data) as T)
  }
  return {
    person(key) {
      const e = item<LinkEmployee>('employee', key)
      if (!e) return null
      const groups = Object.keys(groupMembers).filter((code) => groupMembers[code]!.includes(key))
      const { mainDepartment, otherDepartments, positions } = e
      return {
        subject: { key, mainDepartment, otherDepartments, positions, groups },
        name: e.nameJa,
        email: e.email,
        active: e.active,
      }
    },
    tree: () =>
      departmentTreeOf(
        db
          .prepare(
            `SELECT key AS code, owner AS parent FROM partner_items WHERE link_id = ? AND kind = 'department'`,
          )
          .all(linkId) as { code: string; parent: string | null }[],
      ),
    names: {
      department: (code) => named(item('department', code)),
      position: (code) => named(item('position', code)),
      employee: (key) => named(item('employee', key)),
      group: () => null,
    },
  }
}
