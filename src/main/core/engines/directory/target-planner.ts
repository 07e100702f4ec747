import type { FieldChange, PlanAction, PlanItem } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import {
  targetUserFields,
  type TargetGroup,
  type TargetGroupEntry,
  type TargetState,
  type TargetUser,
  type TargetUserEntry,
} from './directory-connectors'

const dayMs = 24 * 60 * 60 * 1000

export interface PlannedUserWrite {
  readonly item: PlanItem
  readonly user: TargetUser
  /** The target's handle; null for a create. */
  readonly ref: string | null
  readonly changed: readonly (keyof TargetUser)[]
  /** The source no longer has this user (the grace-period clock applies). */
  readonly missing: boolean
}

export interface PlannedGroupWrite {
  readonly item: PlanItem
  readonly group: TargetGroup
  readonly ref: string | null
}

export interface TargetPlan {
  readonly users: readonly PlannedUserWrite[]
  readonly groups: readonly PlannedGroupWrite[]
}

export interface TargetPlanInput {
  readonly desiredUsers: readonly TargetUser[]
  /** Null when groups are not provisioned. */
  readonly desiredGroups: readonly TargetGroup[] | null
  readonly state: TargetState
  /** When Renkei first saw each missing user suspended (user key → ms). */
  readonly suspendedSince: ReadonlyMap<string, number>
  readonly now: number
  readonly graceDays: number
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function changedFields(current: TargetUser, desired: TargetUser): (keyof TargetUser)[] {
  return targetUserFields.filter((f) => f !== 'active' && (current[f] ?? null) !== (desired[f] ?? null))
}

function fieldList(
  current: TargetUser | null,
  desired: TargetUser,
  fields: readonly (keyof TargetUser)[],
): FieldChange[] {
  return fields.map((field) => ({
    field,
    before: current ? (current[field] ?? null) : null,
    after: desired[field] ?? null,
  }))
}

function userItem(
  action: PlanAction,
  user: TargetUser,
  fields: FieldChange[],
  reason: Localized | null = null,
): PlanItem {
  return { object: 'user', key: user.key, name: user.displayName, action, fields, reason }
}

function planSourceUser(desired: TargetUser, current: TargetUserEntry | undefined): PlannedUserWrite | null {
  if (!current) {
    if (!desired.active) return null
    const fields = targetUserFields.filter((f) => f !== 'active' && desired[f] !== null)
    return {
      item: userItem('create', desired, fieldList(null, desired, fields)),
      user: desired,
      ref: null,
      changed: fields,
      missing: false,
    }
  }
  const changed = changedFields(current, desired)
  const fields = fieldList(current, desired, changed)
  if (desired.active !== current.active) {
    const action = desired.active ? 'reactivate' : 'suspend'
    const reason = desired.active ? null : { ja: 'ソースで無効になっています', en: 'suspended in the source' }
    return {
      item: userItem(action, desired, fields, reason),
      user: desired,
      ref: current.ref,
      changed,
      missing: false,
    }
  }
  if (changed.length === 0) return null
  return {
    item: userItem('update', desired, fields),
    user: desired,
    ref: current.ref,
    changed,
    missing: false,
  }
}

/** A user the source no longer has: suspended first, deleted once the grace period has passed. */
function planMissingUser(current: TargetUserEntry, input: TargetPlanInput): PlannedUserWrite | null {
  const write = (action: PlanAction, reason: Localized): PlannedUserWrite => ({
    item: userItem(action, current, [], reason),
    user: { ...current, active: false },
    ref: current.ref,
    changed: [],
    missing: true,
  })
  if (current.active) {
    return write('suspend', {
      ja: `ソースにいないため停止します（${input.graceDays} 日後に削除）`,
      en: `not in the source: suspended now, deleted after ${input.graceDays} days`,
    })
  }
  const since = input.suspendedSince.get(current.key) ?? input.now
  if (input.now - since < input.graceDays * dayMs) return null
  return write('delete', {
    ja: `${day(since)} から停止中で、猶予期間 ${input.graceDays} 日を過ぎました`,
    en: `suspended since ${day(since)}; the ${input.graceDays}-day grace period has passed`,
  })
}

function groupItem(action: PlanAction, group: TargetGroup, fields: FieldChange[]): PlanItem {
  return { object: 'group', key: group.key, name: group.displayName, action, fields, reason: null }
}

function planGroups(
  desired: readonly TargetGroup[],
  current: readonly TargetGroupEntry[],
): PlannedGroupWrite[] {
  const byKey = new Map(current.map((g) => [g.key, g]))
  const writes: PlannedGroupWrite[] = []
  for (const group of desired) {
    const existing = byKey.get(group.key)
    byKey.delete(group.key)
    if (!existing) {
      writes.push({
        item: groupItem('create', group, [
          { field: 'members', before: null, after: group.memberKeys.length },
        ]),
        group,
        ref: null,
      })
      continue
    }
    const fields: FieldChange[] = []
    if (existing.displayName !== group.displayName)
      fields.push({ field: 'displayName', before: existing.displayName, after: group.displayName })
    const before = [...existing.memberKeys].sort()
    if (before.join('\n') !== group.memberKeys.join('\n')) {
      const added = group.memberKeys.filter((k) => !before.includes(k))
      const removed = before.filter((k) => !group.memberKeys.includes(k))
      fields.push({ field: 'members', before: removed, after: added })
    }
    if (fields.length > 0) writes.push({ item: groupItem('update', group, fields), group, ref: existing.ref })
  }
  for (const stale of byKey.values())
    writes.push({ item: groupItem('delete', stale, []), group: stale, ref: stale.ref })
  return writes
}

/**
 * Desired (from the home directory) against what the target really holds. Because the target is
 * read every time, a run killed half way is simply finished by the next plan.
 */
export function planTarget(input: TargetPlanInput): TargetPlan {
  const current = new Map(input.state.users.map((u) => [u.key, u]))
  const users: PlannedUserWrite[] = []
  for (const desired of input.desiredUsers) {
    const write = planSourceUser(desired, current.get(desired.key))
    current.delete(desired.key)
    if (write) users.push(write)
  }
  for (const missing of current.values()) {
    const write = planMissingUser(missing, input)
    if (write) users.push(write)
  }
  const groups = input.desiredGroups === null ? [] : planGroups(input.desiredGroups, input.state.groups)
  return { users, groups }
}
