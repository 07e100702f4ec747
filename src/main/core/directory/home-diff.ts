import type {
  DirectoryEmployee,
  DirectorySnapshot,
  FieldChange,
  HomeChange,
  HomeChangeAction,
} from '../../../shared/model/directory'
import type { Localized } from '../../../shared/model/localized'
import {
  fingerprintHash,
  snapshotCandidates,
  toCandidate,
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
  /** Employees the source no longer has (key → when a run first saw them gone). */
  leavers(): Map<string, number>
}

/** People who leave the source are suspended, and deleted once `graceDays` have passed since a run first saw them gone. */
export interface GracePeriod {
  readonly now: number
  readonly graceDays: number
}

const dayMs = 24 * 60 * 60 * 1000
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

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

const returnedReason: Localized = {
  ja: 'ソースに戻ったため、削除の予定を取り消しました',
  en: 'back in the source: no longer to be deleted',
}

const graceOver = (since: number, grace: GracePeriod): boolean => grace.now - since >= grace.graceDays * dayMs

/** A person gone from the source: deleted once the grace period is over, else suspended and kept with `missingSince`. */
function planLeaver(
  key: string,
  stored: DirectoryEmployee,
  since: number | undefined,
  grace: GracePeriod,
): { readonly record: HomeRecord | null; readonly change: HomeChange } {
  const first = since ?? grace.now
  const name = stored.nameJa
  if (graceOver(first, grace)) {
    const reason = {
      ja: `${day(first)} からソースになく、猶予期間 ${grace.graceDays} 日を過ぎました`,
      en: `not in the source since ${day(first)}; the ${grace.graceDays}-day grace period has passed`,
    }
    return { record: null, change: { kind: 'employee', key, name, action: 'deleted', fields: [], reason } }
  }
  const deleteOn = day(first + grace.graceDays * dayMs)
  const fields = stored.active ? [{ field: 'active', before: true, after: false }] : []
  const reason = {
    ja: `ソースにいないため無効にします（猶予期間 ${grace.graceDays} 日、${deleteOn} 以降に削除）`,
    en: `not in the source: suspended now, deleted from ${deleteOn} (${grace.graceDays}-day grace period)`,
  }
  return {
    record: { ...toRecord(toCandidate('employee', { ...stored, active: false })), missingSince: first },
    change: { kind: 'employee', key, name, action: 'suspended', fields, reason },
  }
}

/** The import's objects that differ from what is stored (or are leavers back in the source). */
function sortCandidates(
  next: DirectorySnapshot,
  fingerprints: Map<string, number>,
  leavers: ReadonlyMap<string, number>,
): { created: HomeRecord[]; changed: HomeRecord[]; returned: HomeRecord[] } {
  const sorted = { created: [] as HomeRecord[], changed: [] as HomeRecord[], returned: [] as HomeRecord[] }
  for (const candidate of snapshotCandidates(next)) {
    const id = recordId(candidate.kind, candidate.key)
    const previous = fingerprints.get(id)
    fingerprints.delete(id)
    const returning = candidate.kind === 'employee' && leavers.has(candidate.key)
    const same = previous === fingerprintHash(candidate.fingerprint)
    if (same && !returning) continue
    const list = previous === undefined ? 'created' : same ? 'returned' : 'changed'
    sorted[list].push(toRecord(candidate))
  }
  return sorted
}

/** Objects the import lacks: leavers suspended or (after the grace period) deleted, anything else deleted. */
function planRemovals(
  ids: readonly string[],
  before: ReadonlyMap<string, HomeObject>,
  leavers: ReadonlyMap<string, number>,
  grace: GracePeriod,
): { upserts: HomeRecord[]; deletes: HomeDiff['deletes'][number][]; changes: HomeChange[] } {
  const result = {
    upserts: [] as HomeRecord[],
    deletes: [] as HomeDiff['deletes'][number][],
    changes: [] as HomeChange[],
  }
  for (const id of ids) {
    const [kind, key] = id.split('\t') as [HomeRecord['kind'], string]
    const object = before.get(id)
    const name = object?.nameJa ?? key
    if (kind === 'employee' && object) {
      const leaver = planLeaver(key, object as DirectoryEmployee, leavers.get(key), grace)
      if (leaver.record) result.upserts.push(leaver.record)
      else result.deletes.push({ kind, key, name })
      result.changes.push(leaver.change)
    } else {
      result.deletes.push({ kind, key, name })
      result.changes.push({ kind, key, name, action: 'deleted', fields: [] })
    }
  }
  return result
}

/**
 * Compares a new import with what is stored, by fingerprint first: with 1% changes on 100,000 people
 * only those 1,000 stored records are parsed. People missing from the import follow the grace period
 * (suspended at once, deleted after it); departments, positions and groups missing are deleted.
 */
export function diffHome(stored: StoredHomeView, next: DirectorySnapshot, grace: GracePeriod): HomeDiff {
  const fingerprints = stored.fingerprints()
  const leavers = stored.leavers()
  const { created, changed, returned } = sortCandidates(next, fingerprints, leavers)
  // Leavers still within their grace period need nothing (and are not parsed).
  const removedIds = [...fingerprints.keys()].filter((id) => {
    const [kind, key] = id.split('\t') as [string, string]
    const since = kind === 'employee' ? leavers.get(key) : undefined
    return since === undefined || graceOver(since, grace)
  })
  const before = stored.objects([...changed.map((r) => recordId(r.kind, r.key)), ...removedIds])
  const upserts = [...created, ...changed, ...returned]
  const change = (r: HomeRecord, action: HomeChangeAction, fields: FieldChange[], reason?: Localized) =>
    ({
      kind: r.kind,
      key: r.key,
      name: r.object.nameJa,
      action,
      fields,
      ...(reason ? { reason } : {}),
    }) as const
  const changes: HomeChange[] = created.map((r) => change(r, 'created', []))
  for (const r of changed) {
    const fields = fieldChanges(before.get(recordId(r.kind, r.key))!, r.object)
    const back = r.kind === 'employee' && leavers.has(r.key)
    changes.push(change(r, updateAction(r, fields), fields, back ? returnedReason : undefined))
  }
  for (const r of returned) changes.push(change(r, 'updated', [], returnedReason))
  const removed = planRemovals(removedIds, before, leavers, grace)
  upserts.push(...removed.upserts)
  changes.push(...removed.changes)
  return { upserts, deletes: removed.deletes, changes }
}
