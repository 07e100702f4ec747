import type { FieldChange, PlanAction, PlanItem } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import type { TargetGroup, TargetGroupAccount } from './directory-connectors'
import type { ClassifiedTarget, OwnedGroup } from './ownership-classifier'

export interface PlannedGroupWrite {
  readonly item: PlanItem
  readonly group: TargetGroup
  readonly ref: string | null
  /** Adopt: the group's stable handle, for the ownership record. */
  readonly handle?: string
}

function groupItem(
  action: PlanAction,
  group: TargetGroup,
  fields: FieldChange[],
  reason: Localized | null = null,
): PlanItem {
  return { object: 'group', key: group.key, name: group.displayName, action, fields, reason }
}

function groupFields(
  current: { displayName: string; memberKeys: readonly string[] },
  group: TargetGroup,
): FieldChange[] {
  const fields: FieldChange[] = []
  if (current.displayName !== group.displayName)
    fields.push({ field: 'displayName', before: current.displayName, after: group.displayName })
  const before = [...current.memberKeys].sort()
  if (before.join('\n') !== group.memberKeys.join('\n')) {
    const added = group.memberKeys.filter((k) => !before.includes(k))
    const removed = before.filter((k) => !group.memberKeys.includes(k))
    fields.push({ field: 'members', before: removed, after: added })
  }
  return fields
}

/** A foreign group with the same key (SCIM externalId / LDAP cn) or, failing that, the same name. */
function foreignMatch(foreign: readonly TargetGroupAccount[], group: TargetGroup): TargetGroupAccount | null {
  return (
    foreign.find((g) => g.key === group.key) ??
    foreign.find((g) => g.displayName === group.displayName) ??
    null
  )
}

const adoptReason = (g: TargetGroupAccount): Localized => ({
  ja: `既存のグループ ${g.displayName} (${g.ref}) を引き継ぎます（承認が必要）`,
  en: `adopts the existing group ${g.displayName} (${g.ref}) (needs approval)`,
})

/**
 * Groups against Renkei's own groups: create, update, delete only its own; a group someone else made with
 * the same key or name is adopted (with approval) instead of duplicated. Members are Renkei's own users.
 */
export function planGroups(
  desired: readonly TargetGroup[],
  classified: ClassifiedTarget,
): PlannedGroupWrite[] {
  const keyByRef = new Map([...classified.owned.values()].map((u) => [u.ref, u.key]))
  for (const e of classified.excluded) if (e.ownedKey !== null) keyByRef.set(e.account.ref, e.ownedKey)
  const memberKeys = (g: Pick<OwnedGroup, 'memberRefs'>): string[] =>
    [...new Set(g.memberRefs.flatMap((ref) => keyByRef.get(ref) ?? []))].sort()
  const owned = new Map(classified.ownedGroups)
  const foreign = [...classified.foreignGroups]
  const writes: PlannedGroupWrite[] = []
  for (const group of desired) {
    const existing = owned.get(group.key)
    owned.delete(group.key)
    if (existing) {
      const fields = groupFields({ ...existing, memberKeys: memberKeys(existing) }, group)
      if (fields.length > 0)
        writes.push({ item: groupItem('update', group, fields), group, ref: existing.ref })
      continue
    }
    const match = foreignMatch(foreign, group)
    if (match) {
      foreign.splice(foreign.indexOf(match), 1)
      const fields = groupFields({ displayName: match.displayName, memberKeys: memberKeys(match) }, group)
      const item = groupItem('adopt', group, fields, adoptReason(match))
      writes.push({ item, group, ref: match.ref, handle: match.handle })
      continue
    }
    const members = [{ field: 'members', before: null, after: group.memberKeys.length }]
    writes.push({ item: groupItem('create', group, members), group, ref: null })
  }
  for (const stale of owned.values()) {
    const group = { key: stale.key, displayName: stale.displayName, memberKeys: [] }
    writes.push({ item: groupItem('delete', group, []), group, ref: stale.ref })
  }
  return writes
}
