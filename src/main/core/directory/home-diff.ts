import type {
  DirectoryEmployee,
  DirectorySnapshot,
  FieldChange,
  HomeChange,
  HomeChangeAction,
} from '../../../shared/model/directory'
import {
  fingerprintHash,
  snapshotCandidates,
  toRecord,
  type HomeObject,
  type HomeRecord,
} from './home-records'

/** What an import changes at home: the rows to write and, for the history, what changed in each object. */
export interface HomeDiff {
  readonly upserts: readonly HomeRecord[]
  readonly deletes: readonly {
    readonly kind: HomeRecord['kind']
    readonly key: string
    readonly name: string
  }[]
  readonly changes: readonly HomeChange[]
}

export interface StoredHomeView {
  /** `${kind}\t${key}` → fingerprintHash of every stored object's fingerprint. */
  fingerprints(): Map<string, number>
  /** Stored objects by `${kind}\t${key}` for the given ids (only the changed ones are parsed). */
  objects(ids: readonly string[]): Map<string, HomeObject>
}

export const recordId = (kind: string, key: string): string => `${kind}\t${key}`

function fieldChanges(before: HomeObject, after: HomeObject): FieldChange[] {
  const changes: FieldChange[] = []
  const a = before as unknown as Record<string, unknown>
  const b = after as unknown as Record<string, unknown>
  for (const field of Object.keys(b)) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) {
      changes.push({ field, before: a[field] ?? null, after: b[field] })
    }
  }
  return changes
}

function updateAction(record: HomeRecord, fields: readonly FieldChange[]): HomeChangeAction {
  if (record.kind !== 'employee') return 'updated'
  const active = fields.find((f) => f.field === 'active')
  if (!active) return 'updated'
  return (record.object as DirectoryEmployee).active ? 'reactivated' : 'suspended'
}

/**
 * Compares a new import with what is stored, by fingerprint first: with 1% changes on 100,000 people
 * only those 1,000 stored records are parsed.
 */
export function diffHome(stored: StoredHomeView, next: DirectorySnapshot): HomeDiff {
  const fingerprints = stored.fingerprints()
  const upserts: HomeRecord[] = []
  const created: HomeRecord[] = []
  const changed: HomeRecord[] = []
  for (const candidate of snapshotCandidates(next)) {
    const id = recordId(candidate.kind, candidate.key)
    const previous = fingerprints.get(id)
    fingerprints.delete(id)
    if (previous === fingerprintHash(candidate.fingerprint)) continue
    const record = toRecord(candidate)
    upserts.push(record)
    ;(previous === undefined ? created : changed).push(record)
  }
  const removedIds = [...fingerprints.keys()]
  const before = stored.objects([...changed.map((r) => recordId(r.kind, r.key)), ...removedIds])
  const changes: HomeChange[] = created.map((r) => ({
    kind: r.kind,
    key: r.key,
    name: r.object.nameJa,
    action: 'created',
    fields: [],
  }))
  for (const r of changed) {
    const fields = fieldChanges(before.get(recordId(r.kind, r.key))!, r.object)
    changes.push({ kind: r.kind, key: r.key, name: r.object.nameJa, action: updateAction(r, fields), fields })
  }
  const deletes = removedIds.map((id) => {
    const [kind, key] = id.split('\t') as [HomeRecord['kind'], string]
    return { kind, key, name: before.get(id)?.nameJa ?? key }
  })
  for (const d of deletes) changes.push({ ...d, action: 'deleted', fields: [] })
  return { upserts, deletes, changes }
}
