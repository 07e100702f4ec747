import type {
  DirectoryPlan,
  PlanAction,
  PlanCounts,
  PlanItem,
  PlanObject,
  TargetAccountSummary,
} from '../../../../shared/model/directory'
import { planActions } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import { diffHome, type HomeDiff, type StoredHomeView } from '../../directory/home-diff'
import type { SourceRead, TargetAccount, TargetState } from './directory-connectors'
import type { OwnershipRecord } from './ownership-ledger'
import { departmentNamesOf, namesInUse } from './department-names'
import { blockReason, checkDeletions, checkLicence } from './guards'
import { planFingerprint } from './plan-fingerprint'
import { ownershipScope } from './target-scope'
import { TargetProjection } from './target-projection'
import { planTarget, type TargetPlan } from './target-planner'

/** Everything a run needs after planning: the plan to show, and the writes behind it. */
export interface ComputedRun {
  readonly plan: DirectoryPlan
  readonly read: SourceRead
  readonly homeDiff: HomeDiff
  readonly target: { readonly state: TargetState; readonly plan: TargetPlan } | null
}

export interface PlanInputs {
  readonly config: DirectoryConfig
  readonly read: SourceRead
  readonly home: StoredHomeView
  /** Asked only without a target (counting active people reads every stored record). */
  readonly homeCounts: () => { readonly employees: number; readonly activeEmployees: number }
  /** What the target holds (read while the source was); null without a target. */
  readonly targetState: Promise<TargetState | null>
  readonly suspendedSince: ReadonlyMap<string, number>
  readonly approveDeletions: boolean
  readonly approveAdoptions: boolean
  /** The ownership ledger of the configured target. */
  readonly ownership: Iterable<OwnershipRecord>
  readonly now: number
}

function countItems(items: readonly PlanItem[]): PlanCounts {
  const zero = (): Record<PlanAction, number> =>
    Object.fromEntries(planActions.map((a) => [a, 0])) as Record<PlanAction, number>
  const counts: Record<PlanObject, Record<PlanAction, number>> = { user: zero(), group: zero() }
  for (const item of items) counts[item.object][item.action]++
  return counts
}

async function planTargetSide(inputs: PlanInputs): Promise<ComputedRun['target']> {
  const state = await inputs.targetState
  if (!state) return null
  const { exclusions, adoptBy } = inputs.config
  const projection = new TargetProjection(inputs.read.snapshot)
  const provisionGroups =
    inputs.config.target.kind === 'ldap'
      ? inputs.config.target.groupsDn !== ''
      : inputs.config.target.kind === 'scim' && inputs.config.target.provisionGroups
  const plan = planTarget({
    desiredUsers: projection.users(),
    desiredGroups: provisionGroups ? projection.groups() : null,
    state,
    suspendedSince: inputs.suspendedSince,
    now: inputs.now,
    graceDays: inputs.config.graceDays,
    records: inputs.ownership,
    adoptBy,
    exclusions,
  })
  return { state, plan }
}

function accountSummary(account: TargetAccount, reason: Localized | null): TargetAccountSummary {
  const { ref, login, displayName, email, key } = account
  return { object: 'user', ref, name: login, displayName, email, key, reason }
}

type OwnershipPart = Pick<
  DirectoryPlan,
  'adoption' | 'foreign' | 'foreignTotal' | 'excluded' | 'excludedTotal' | 'held' | 'heldTotal'
>

/** The plan's ownership part: adoptions waiting for approval, and the accounts the run leaves alone. */
function ownershipPart(target: ComputedRun['target'], counts: PlanCounts, approved: boolean): OwnershipPart {
  const lists = accountLists(target)
  return {
    adoption: { candidates: counts.user.adopt + counts.group.adopt, approved },
    ...lists,
    foreignTotal: lists.foreign.length,
    excludedTotal: lists.excluded.length,
    heldTotal: lists.held.length,
  }
}

/** Foreign, excluded and held accounts as the preview lists them. */
function accountLists(target: ComputedRun['target']) {
  if (!target) return { foreign: [], excluded: [], held: [] }
  const { classified, held, users, groups } = target.plan
  const adopted = new Set([...users, ...groups].flatMap((w) => (w.item.action === 'adopt' ? [w.ref] : [])))
  const foreign: TargetAccountSummary[] = [
    ...classified.foreign.filter((a) => !adopted.has(a.ref)).map((a) => accountSummary(a, null)),
    ...classified.foreignGroups
      .filter((g) => !adopted.has(g.ref))
      .map((g) => ({
        object: 'group' as const,
        ref: g.ref,
        name: g.displayName,
        displayName: g.displayName,
        email: null,
        key: g.key,
        reason: null,
      })),
  ]
  return {
    foreign,
    excluded: classified.excluded.map((e) => accountSummary(e.account, e.reason)),
    held: held.map((h) => ({
      ...accountSummary(h.account, h.reason),
      key: h.user.key,
      displayName: h.user.displayName,
    })),
  }
}

/** Seats in use and the deletion guard's base: the accounts Renkei owns in the target, else the home directory. */
function inUse(target: ComputedRun['target'], inputs: PlanInputs): { activeNow: number; base: number } {
  if (!target) {
    const home = inputs.homeCounts()
    return { activeNow: home.activeEmployees, base: home.employees }
  }
  const { owned } = target.plan.classified
  return { activeNow: [...owned.values()].filter((u) => u.active).length, base: owned.size }
}

/**
 * The dry run: compares a validated source read (`readValidSource`) with the home directory and with
 * what the target really holds, and applies the licence and deletion guards. Writes nothing.
 */
export async function computeDirectoryRun(inputs: PlanInputs): Promise<ComputedRun> {
  const { read, config } = inputs
  const homeDiff = diffHome(inputs.home, read.snapshot, { now: inputs.now, graceDays: config.graceDays })
  const target = await planTargetSide(inputs)
  const items = target ? [...target.plan.users, ...target.plan.groups].map((w) => w.item) : []
  const counts = countItems(items)
  // A person imported already suspended takes no seat: only active ones count as new users.
  const activeKeys = new Set(read.snapshot.employees.filter((e) => e.active).map((e) => e.key))
  const activeSourceUsers = activeKeys.size
  const homeRemovals = homeDiff.changes.filter(
    (c) => c.kind === 'employee' && (c.action === 'deleted' || c.action === 'suspended'),
  ).length
  const guardInput = {
    config,
    activeSourceUsers,
    reportedLimit: target?.state.licenceLimit ?? null,
    ...inUse(target, inputs),
    newUsers: target
      ? counts.user.create + counts.user.reactivate
      : homeDiff.changes.filter(
          (c) =>
            c.kind === 'employee' &&
            (c.action === 'reactivated' || (c.action === 'created' && activeKeys.has(c.key))),
        ).length,
    removals: target ? counts.user.suspend + counts.user.delete : homeRemovals,
    approveDeletions: inputs.approveDeletions,
  }
  const licence = checkLicence(guardInput)
  const deletion = checkDeletions(guardInput)
  const { employees, departments, positions, groups } = read.snapshot
  const plan: DirectoryPlan = {
    computedAt: inputs.now,
    fingerprint: planFingerprint(ownershipScope(config), homeDiff.changes, items),
    source: {
      employees: employees.length,
      departments: departments.length,
      positions: positions.length,
      groups: groups.length,
    },
    homeChanges: homeDiff.changes,
    homeChangesTotal: homeDiff.changes.length,
    hasTarget: target !== null,
    items,
    itemsTotal: items.length,
    counts,
    licence,
    deletion,
    ...ownershipPart(target, counts, inputs.approveAdoptions),
    blocked: blockReason(licence, deletion),
    sourceNotices: read.notes ?? [],
    departmentNames: departmentNamesOf(departments, homeDiff.changes),
  }
  return { plan, read, homeDiff, target }
}

/** A plan cut down for a screen: the first `limit` items and home changes, with the totals kept. */
export function limitPlan(plan: DirectoryPlan, limit: number): DirectoryPlan {
  const limited = {
    ...plan,
    items: plan.items.slice(0, limit),
    homeChanges: plan.homeChanges.slice(0, limit),
    foreign: plan.foreign.slice(0, limit),
    excluded: plan.excluded.slice(0, limit),
    held: plan.held.slice(0, limit),
  }
  return { ...limited, departmentNames: namesInUse(limited) }
}
