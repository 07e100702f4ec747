import { createHash } from 'node:crypto'
import type {
  DirectoryDepartment,
  DirectoryEmployee,
  DirectoryGroup,
  DirectoryObjectKind,
  DirectoryPosition,
  DirectorySnapshot,
} from '../../../shared/model/directory'

export type HomeObject = DirectoryEmployee | DirectoryDepartment | DirectoryPosition | DirectoryGroup

/** One object as stored: its canonical JSON, the hash the next import is compared with, and list columns. */
export interface HomeRecord {
  readonly kind: DirectoryObjectKind
  readonly key: string
  readonly hash: string
  readonly data: string
  readonly dept: string | null
  readonly search: string
  readonly object: HomeObject
}

const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort()

/**
 * Fixed field order and sorted sets, so the same person read twice (from CSV or LDAP, in any order)
 * serialises to the same bytes and an unchanged import compares equal without a field-by-field walk.
 */
function canonical(kind: DirectoryObjectKind, o: HomeObject): HomeObject {
  if (kind === 'employee') {
    const e = o as DirectoryEmployee
    return {
      key: e.key,
      login: e.login,
      nameJa: e.nameJa,
      nameEn: e.nameEn ?? null,
      kana: e.kana ?? null,
      email: e.email ?? null,
      mainDepartment: e.mainDepartment ?? null,
      otherDepartments: sorted(e.otherDepartments),
      positions: [...new Set(e.positions)],
      groups: sorted(e.groups),
      active: e.active,
    }
  }
  if (kind === 'department') {
    const d = o as DirectoryDepartment
    return {
      code: d.code,
      nameJa: d.nameJa,
      nameEn: d.nameEn ?? null,
      parent: d.parent ?? null,
      order: d.order,
    }
  }
  if (kind === 'position') {
    const p = o as DirectoryPosition
    return { code: p.code, nameJa: p.nameJa, nameEn: p.nameEn ?? null, rank: p.rank }
  }
  const g = o as DirectoryGroup
  return { code: g.code, nameJa: g.nameJa, nameEn: g.nameEn ?? null }
}

export function objectKey(kind: DirectoryObjectKind, o: HomeObject): string {
  return kind === 'employee' ? (o as DirectoryEmployee).key : (o as DirectoryDepartment).code
}

export function objectName(o: HomeObject): string {
  return o.nameJa
}

export function toRecord(kind: DirectoryObjectKind, object: HomeObject): HomeRecord {
  const c = canonical(kind, object)
  const data = JSON.stringify(c)
  const e = kind === 'employee' ? (c as DirectoryEmployee) : null
  return {
    kind,
    key: objectKey(kind, c),
    hash: createHash('sha1').update(data).digest('base64'),
    data,
    dept: e ? e.mainDepartment : kind === 'department' ? (c as DirectoryDepartment).parent : null,
    search: e
      ? [e.key, e.login, e.nameJa, e.nameEn ?? '', e.kana ?? '', e.email ?? ''].join(' ').toLowerCase()
      : '',
    object: c,
  }
}

/** Every object of a snapshot as records, in kind order (departments first, so lists read naturally). */
export function* snapshotRecords(snapshot: DirectorySnapshot): Generator<HomeRecord> {
  for (const d of snapshot.departments) yield toRecord('department', d)
  for (const p of snapshot.positions) yield toRecord('position', p)
  for (const g of snapshot.groups) yield toRecord('group', g)
  for (const e of snapshot.employees) yield toRecord('employee', e)
}
