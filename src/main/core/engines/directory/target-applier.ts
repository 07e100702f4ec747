import type { NewHistoryEntry } from '../../../../shared/model/history'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { planItemFailure, planItemMessage } from './change-messages'
import type { DirectoryTargetConnector } from './directory-connectors'
import { adoptGroup, adoptUser, createManyOwned, createOwned, type OwnershipHooks } from './owned-writes'
import type { PlannedGroupWrite, PlannedUserWrite, TargetPlan } from './target-planner'

export interface ApplyHooks {
  readonly signal: AbortSignal
  readonly targetName: string
  readonly initialPassword: string | null
  /** Current refs by user key (from the target read); updated as users are created or moved. */
  readonly refs: Map<string, string>
  readonly record: (entries: readonly NewHistoryEntry[]) => void
  readonly progress: (done: number, total: number) => void
  /** A user the source no longer has was suspended: the grace period starts. */
  readonly suspendedMissing: (key: string) => void
  /** A user is back or gone: no grace period to track any more. */
  readonly graceEnded: (key: string) => void
  /** The ledger of what Renkei owns: every create, adoption and delete goes through it. */
  readonly ownership: OwnershipHooks
}

export interface ApplyResult {
  readonly applied: number
  readonly failed: number
  /** Set when the run stopped early (server down, credentials refused, quit). */
  readonly stoppedBy: Localized | null
}

const flushEvery = 200

/**
 * Users first (so groups can name them), then groups, then deletions (so no group points at a deleted
 * user). Each phase finishes before the next starts; inside one, writes are independent of each other.
 * Adoptions only when approved for this run.
 */
function phases(plan: TargetPlan, approveAdoptions: boolean): (PlannedUserWrite | PlannedGroupWrite)[][] {
  const isDelete = (w: PlannedUserWrite | PlannedGroupWrite): boolean => w.item.action === 'delete'
  const wanted = (w: PlannedUserWrite | PlannedGroupWrite): boolean =>
    !isDelete(w) && (approveAdoptions || w.item.action !== 'adopt')
  return [
    plan.users.filter(wanted),
    plan.groups.filter(wanted),
    plan.users.filter(isDelete),
    plan.groups.filter(isDelete),
  ]
}

/** Runs `work` over `items` with at most `limit` in flight; stops taking new items once `stop()` says so. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  stop: () => boolean,
  work: (item: T) => Promise<void>,
) {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
}

async function applyUser(
  target: DirectoryTargetConnector,
  w: PlannedUserWrite,
  hooks: ApplyHooks,
): Promise<void> {
  const { refs } = hooks
  const ref = w.ref ?? refs.get(w.user.key) ?? null
  switch (w.item.action) {
    case 'create': {
      const create = () => target.createUser(w.user, hooks.initialPassword)
      refs.set(
        w.user.key,
        await createOwned('user', w.user.key, w.user.login, hooks.ownership, target, create),
      )
      return
    }
    case 'adopt':
      refs.set(w.user.key, await adoptUser(target, w, hooks.ownership))
      return
    case 'update':
      refs.set(w.user.key, await target.updateUser(ref!, w.user, w.changed))
      return
    case 'suspend':
    case 'reactivate': {
      let moved = w.changed.length > 0 ? await target.updateUser(ref!, w.user, w.changed) : ref!
      moved = await target.setActive(moved, w.user, w.item.action === 'reactivate')
      refs.set(w.user.key, moved)
      if (w.item.action === 'reactivate') hooks.graceEnded(w.user.key)
      else if (w.missing) hooks.suspendedMissing(w.user.key)
      return
    }
    case 'delete':
      await target.deleteUser(ref!)
      hooks.ownership.ledger.release('user', w.user.key)
      refs.delete(w.user.key)
      hooks.graceEnded(w.user.key)
  }
}

async function applyGroup(
  target: DirectoryTargetConnector,
  w: PlannedGroupWrite,
  hooks: ApplyHooks,
): Promise<void> {
  const members = w.group.memberKeys.flatMap((key) => hooks.refs.get(key) ?? [])
  const { ownership } = hooks
  if (w.item.action === 'create') {
    const create = () => target.createGroup(w.group, members)
    await createOwned('group', w.group.key, null, ownership, target, create)
  } else if (w.item.action === 'adopt') await adoptGroup(target, w, members, ownership)
  else if (w.item.action === 'update') await target.updateGroup(w.ref!, w.group, members)
  else {
    await target.deleteGroup(w.ref!)
    ownership.ledger.release('group', w.group.key)
  }
}

/** Errors that say the next item will fail too: stop instead of writing 10,000 identical failures. */
const stopsTheRun = (error: unknown): boolean => error instanceof ConnectorError && error.kind !== 'permanent'

function reasonOf(error: unknown): Localized {
  if (error instanceof ConnectorError) return error.localized
  const text = error instanceof Error ? error.message : String(error)
  return { ja: `予期しないエラー: ${text}`, en: `Unexpected error: ${text}` }
}

const interrupted: Localized = {
  ja: 'アプリの終了により中断しました（次回の実行で続きから反映します）',
  en: 'Interrupted by shutdown (the next run finishes the job)',
}

type Write = PlannedUserWrite | PlannedGroupWrite
/** One unit of work for the pool: a write, or new users the target creates together (SCIM Bulk). */
type Work = Write | { readonly creates: readonly PlannedUserWrite[] }

const isCreate = (w: Write): w is PlannedUserWrite => 'user' in w && w.item.action === 'create'

/** New users go in batches to a target that can create several at once; everything else one by one. */
async function workOf(phase: readonly Write[], target: DirectoryTargetConnector): Promise<Work[]> {
  const creates = phase.filter(isCreate)
  const batch = creates.length > 1 && target.createUsers ? ((await target.createBatchSize?.()) ?? 1) : 1
  if (batch <= 1) return [...phase]
  const work: Work[] = phase.filter((w) => !isCreate(w))
  for (let i = 0; i < creates.length; i += batch) work.push({ creates: creates.slice(i, i + batch) })
  return work
}

/** Runs one unit and says how each write in it ended (an error, or null for success). */
async function perform(target: DirectoryTargetConnector, work: Work, hooks: ApplyHooks) {
  const attempt = async (w: Write): Promise<[Write, unknown]> => {
    try {
      if ('user' in w) await applyUser(target, w, hooks)
      else await applyGroup(target, w, hooks)
      return [w, null]
    } catch (error) {
      return [w, error]
    }
  }
  if (!('creates' in work)) return [await attempt(work)]
  const users = work.creates.map((w) => w.user)
  const createAll = () => target.createUsers!(users, hooks.initialPassword)
  const results = await createManyOwned(users, hooks.ownership, target, createAll).catch((error: unknown) =>
    users.map(() => error),
  )
  return work.creates.map((w, i): [Write, unknown] => {
    const result = results[i]
    if (typeof result === 'string') hooks.refs.set(w.user.key, result)
    return [w, typeof result === 'string' ? null : (result ?? new Error('no result'))]
  })
}

/**
 * Applies a plan, as many writes at once as the target allows (`writeConcurrency`, 1 unless it says more;
 * new users in batches when it can create several at once); each success or failure leaves a history line.
 * A failure that says the next write will fail too (server down, credentials refused, quota) stops new
 * writes; those in flight finish and are recorded.
 */
export async function applyTargetPlan(
  target: DirectoryTargetConnector,
  plan: TargetPlan,
  hooks: ApplyHooks,
): Promise<ApplyResult> {
  const all = phases(plan, hooks.ownership.approveAdoptions)
  const total = all.reduce((sum, phase) => sum + phase.length, 0)
  const pending: NewHistoryEntry[] = []
  const flush = (): void => void (pending.length && hooks.record(pending.splice(0)))
  let applied = 0
  let failed = 0
  let done = 0
  let stoppedBy: Localized | null = null
  const stop = (): boolean => {
    if (hooks.signal.aborted) stoppedBy ??= interrupted
    return stoppedBy !== null
  }
  const record = (w: Write, error: unknown): void => {
    const detail = { object: w.item.object, key: w.item.key, action: w.item.action, fields: w.item.fields }
    const base = { site: hooks.targetName, direction: 'send', category: 'directory' } as const
    if (error === null) {
      applied++
      const message = planItemMessage(w.item, hooks.targetName)
      pending.push({ ...base, level: 'info', message: message.ja, messageEn: message.en, detail })
    } else {
      failed++
      const reason = reasonOf(error)
      const serverAnswer = error instanceof ConnectorError ? error.serverAnswer : null
      const message = planItemFailure(w.item, hooks.targetName, reason)
      const extra = { ...detail, serverAnswer }
      pending.push({ ...base, level: 'error', message: message.ja, messageEn: message.en, detail: extra })
      if (stopsTheRun(error)) stoppedBy ??= reason
    }
    if (pending.length >= flushEvery) flush()
    hooks.progress(++done, total)
  }
  const run = async (work: Work): Promise<void> => {
    for (const [w, error] of await perform(target, work, hooks)) record(w, error)
  }
  for (const phase of all) {
    if (stop()) break
    await inPool(await workOf(phase, target), target.writeConcurrency ?? 1, stop, run)
  }
  flush()
  return { applied, failed, stoppedBy }
}
