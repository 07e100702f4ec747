import { ConnectorError } from '../../connectors/connector-error'
import type { DirectoryTargetConnector, TargetUser } from './directory-connectors'
import type { PlannedGroupWrite } from './group-planner'
import type { OwnershipLedger } from './ownership-ledger'
import type { PlannedUserWrite } from './target-planner'

/** What the applier needs to keep the ownership ledger in step with its writes. */
export interface OwnershipHooks {
  readonly ledger: OwnershipLedger
  readonly now: () => number
  /** Adopt items are written only when the admin approved adoptions for this run. */
  readonly approveAdoptions: boolean
}

/**
 * The intent is committed before the request, the ownership after the answer: killed in between, the next
 * run recognises the object by the pending key or login instead of creating it twice or calling it foreign.
 * A refusal the server states (permanent) leaves nothing behind, so the intent is dropped.
 */
export async function createOwned(
  object: 'user' | 'group',
  key: string,
  login: string | null,
  hooks: OwnershipHooks,
  target: DirectoryTargetConnector,
  create: () => Promise<string>,
): Promise<string> {
  hooks.ledger.intendCreate(object, key, login, hooks.now())
  let ref: string
  try {
    ref = await create()
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'permanent') hooks.ledger.dropPending(object, key)
    throw error
  }
  hooks.ledger.own(object, key, await target.handleOf(ref), ref, 'created', hooks.now())
  return ref
}

/**
 * New users created together (SCIM Bulk), with the same ledger rule as createOwned: every intent is committed
 * before the request, each ownership after its answer; a user the server refused for good leaves no intent.
 */
export async function createManyOwned(
  users: readonly TargetUser[],
  hooks: OwnershipHooks,
  target: DirectoryTargetConnector,
  createAll: () => Promise<(string | Error)[]>,
): Promise<(string | Error)[]> {
  for (const user of users) hooks.ledger.intendCreate('user', user.key, user.login, hooks.now())
  const results = await createAll()
  for (const [i, result] of results.entries()) {
    const key = users[i]!.key
    if (typeof result === 'string')
      hooks.ledger.own('user', key, await target.handleOf(result), result, 'created', hooks.now())
    else if (result instanceof ConnectorError && result.kind === 'permanent')
      hooks.ledger.dropPending('user', key)
  }
  return results
}

/** Adopt a user: recorded as Renkei's first (the admin approved it), then given the source's values and state. */
export async function adoptUser(
  target: DirectoryTargetConnector,
  w: PlannedUserWrite,
  hooks: OwnershipHooks,
): Promise<string> {
  hooks.ledger.own('user', w.user.key, w.handle!, w.ref!, 'adopted', hooks.now())
  const fields = w.changed.filter((f): f is keyof TargetUser => f !== 'active')
  let ref = fields.length > 0 ? await target.updateUser(w.ref!, w.user, fields) : w.ref!
  if (w.changed.includes('active')) ref = await target.setActive(ref, w.user, w.user.active)
  return ref
}

export async function adoptGroup(
  target: DirectoryTargetConnector,
  w: PlannedGroupWrite,
  members: readonly string[],
  hooks: OwnershipHooks,
): Promise<void> {
  hooks.ledger.own('group', w.group.key, w.handle!, w.ref!, 'adopted', hooks.now())
  await target.updateGroup(w.ref!, w.group, members)
}
