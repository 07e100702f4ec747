import type {
  DirectoryDepartment,
  DirectoryEmployee,
  DirectoryGroup,
  DirectoryObjectKind,
  DirectoryPosition,
  DirectorySnapshot,
} from '../../../shared/model/directory'

export type HomeObject = DirectoryEmployee | DirectoryDepartment | DirectoryPosition | DirectoryGroup

/**
 * One object as stored: its fingerprint (every field joined with control characters, which no
 * directory value contains), compared with the next import's; the list columns; and the object itself,
 * serialised to JSON only when it is written (1% of a re-import, not all of it). The fingerprint and the
 * search text are made from the object when it is written (recordFingerprint, recordSearch): a preview of
 * a first import of 100,000 people held ~30 MB of them and never wrote one.
 */
export interface HomeRecord {
  readonly kind: DirectoryObjectKind
  readonly key: string
  readonly dept: string | null
  readonly object: HomeObject
  /** An employee the source no longer has: when a run first saw them gone. Null: in the source. */
  readonly missingSince: number | null
}

const sorted = (values: readonly string[]): string[] =>
  values.length < 2 ? [...values] : [...new Set(values)].sort()

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

const fieldSeparator = '\u0001'
const listSeparator = '\u0002'

/** Values in the canonical field order; cheaper than JSON plus a hash by a factor of ten on 100,000 people. */
function fingerprintOf(o: HomeObject): string {
  let text = ''
  for (const value of Object.values(o) as unknown[]) {
    text += Array.isArray(value) ? value.join(listSeparator) : value === null ? '\u0003' : String(value)
    text += fieldSeparator
  }
  return text
}

/**
 * 53 bits of two FNV-1a hashes of a fingerprint: what the diff keeps in memory per stored object, instead of
 * the fingerprint itself (100,000 Japanese fingerprints are ~35 MB; the hashes ~1 MB). Two different
 * fingerprints agreeing on 53 bits is a 1-in-10^15 event per changed object.
 */
export function fingerprintHash(fingerprint: string): number {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < fingerprint.length; i++) {
    const c = fingerprint.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)
}

/** Enough to compare with the stored import; the full record is built only for what changed. */
export interface HomeCandidate {
  readonly kind: DirectoryObjectKind
  readonly key: string
  readonly fingerprint: string
  readonly canonical: HomeObject
}

export function toCandidate(kind: DirectoryObjectKind, object: HomeObject): HomeCandidate {
  const c = canonical(kind, object)
  return { kind, key: objectKey(kind, c), fingerprint: fingerprintOf(c), canonical: c }
}

export function toRecord(candidate: HomeCandidate): HomeRecord {
  const { kind, key, canonical: c } = candidate
  const dept =
    kind === 'employee'
      ? (c as DirectoryEmployee).mainDepartment
      : kind === 'department'
        ? (c as DirectoryDepartment).parent
        : null
  return { kind, key, dept, object: c, missingSince: null }
}

/** The stored fingerprint: the one its candidate was compared by (the object is the canonical one). */
export const recordFingerprint = (record: HomeRecord): string => fingerprintOf(record.object)

/** The free-text column of the people list ('' for other objects). */
export function recordSearch(record: HomeRecord): string {
  if (record.kind !== 'employee') return ''
  const e = record.object as DirectoryEmployee
  return [e.key, e.login, e.nameJa, e.nameEn ?? '', e.kana ?? '', e.email ?? ''].join(' ').toLowerCase()
}

/** Every object of a snapshot, in kind order (departments first, so lists read naturally). */
export function* snapshotCandidates(snapshot: DirectorySnapshot): Generator<HomeCandidate> {
  for (const d of snapshot.departments) yield toCandidate('department', d)
  for (const p of snapshot.positions) yield toCandidate('position', p)
  for (const g of snapshot.groups) yield toCandidate('group', g)
  for (const e of snapshot.employees) yield toCandidate('employee', e)
}
