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
import type { DirectoryTargetConnector, SourceRead, TargetAccount, TargetState } from './directory-connectors'
import type { OwnershipRecord } from './ownership-ledger'
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
  readonly homeActiveEmployees: number
  readonly homeEmployees: number
  readonly target: DirectoryTargetConnector | null
  readonly suspendedSince: ReadonlyMap<string, number>
  readonly approveDeletions: boolean
  readonly approveAdoptions: boolean
  /** The ownership ledger of the configured target. */
  readonly ownership: readonly OwnershipRecord[]
  readonly now: number
  readonly signal: AbortSignal
}

function countItems(items: readonly PlanItem[]): PlanCounts {
  const zero = (): Record<PlanAction, number> =>
    Object.fromEntries(planActions.map((a) => [a, 0])) as Record<PlanAction, number>
  const counts: Record<PlanObject, Record<PlanAction, number>> = { user: zero(), group: zero() }
  for (const item of items) counts[item.object][item.action]++
  return counts
}

async function planTargetSide(inputs: PlanInputs): Promise<ComputedRun['target']> {
  if (!inputs.target) return null
  const { exclusions, adoptBy } = inputs.config
  const state = await inputs.target.read(inputs.signal, { watchGroups: exclusions.groups })
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
    activeNow: target
      ? [...target.plan.classified.owned.values()].filter((u) => u.active).length
      : inputs.homeActiveEmployees,
    newUsers: target
      ? counts.user.create + counts.user.reactivate
      : homeDiff.changes.filter(
          (c) =>
            c.kind === 'employee' &&
            (c.action === 'reactivated' || (c.action === 'created' && activeKeys.has(c.key))),
        ).length,
    removals: target ? counts.user.suspend + counts.user.delete : homeRemovals,
    base: target ? target.plan.classified.owned.size : inputs.homeEmployees,
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
  }
  return { plan, read, homeDiff, target }
}

/** A plan cut down for a screen: the first `limit` items and home changes, with the totals kept. */
export function limitPlan(plan: DirectoryPlan, limit: number): DirectoryPlan {
  return {
    ...plan,
    items: plan.items.slice(0, limit),
    homeChanges: plan.homeChanges.slice(0, limit),
    foreign: plan.foreign.slice(0, limit),
    excluded: plan.excluded.slice(0, limit),
    held: plan.held.slice(0, limit),
  }
}
