import type { NewHistoryEntry } from '../../../../shared/model/history'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { planItemFailure, planItemMessage } from './change-messages'
import type { DirectoryTargetConnector } from './directory-connectors'
import { adoptGroup, adoptUser, createOwned, type OwnershipHooks } from './owned-writes'
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
 * Users first (so groups can name them), then groups, then deletions (so no group points at a deleted user).
 * Adoptions only when approved for this run.
 */
function ordered(plan: TargetPlan, approveAdoptions: boolean): (PlannedUserWrite | PlannedGroupWrite)[] {
  const userDeletes = plan.users.filter((w) => w.item.action === 'delete')
  const groupDeletes = plan.groups.filter((w) => w.item.action === 'delete')
  const wanted = (w: PlannedUserWrite | PlannedGroupWrite): boolean =>
    w.item.action !== 'delete' && (approveAdoptions || w.item.action !== 'adopt')
  return [...plan.users.filter(wanted), ...plan.groups.filter(wanted), ...userDeletes, ...groupDeletes]
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

/** Applies a plan one write at a time; each success or failure leaves a history line. */
export async function applyTargetPlan(
  target: DirectoryTargetConnector,
  plan: TargetPlan,
  hooks: ApplyHooks,
): Promise<ApplyResult> {
  const writes = ordered(plan, hooks.ownership.approveAdoptions)
  const pending: NewHistoryEntry[] = []
  const flush = (): void => void (pending.length && hooks.record(pending.splice(0)))
  let applied = 0
  let failed = 0
  let stoppedBy: Localized | null = null
  for (const [i, w] of writes.entries()) {
    if (hooks.signal.aborted) {
      stoppedBy = {
        ja: 'アプリの終了により中断しました（次回の実行で続きから反映します）',
        en: 'Interrupted by shutdown (the next run finishes the job)',
      }
      break
    }
    const detail = { object: w.item.object, key: w.item.key, action: w.item.action, fields: w.item.fields }
    const note = (level: 'info' | 'error', message: Localized, extra: object = {}): void => {
      pending.push({
        site: hooks.targetName,
        direction: 'send',
        category: 'directory',
        level,
        message: message.ja,
        messageEn: message.en,
        detail: { ...detail, ...extra },
      })
    }
    try {
      if ('user' in w) await applyUser(target, w, hooks)
      else await applyGroup(target, w, hooks)
      applied++
      note('info', planItemMessage(w.item, hooks.targetName))
    } catch (error) {
      failed++
      const reason = reasonOf(error)
      const serverAnswer = error instanceof ConnectorError ? error.serverAnswer : null
      note('error', planItemFailure(w.item, hooks.targetName, reason), { serverAnswer })
      if (stopsTheRun(error)) {
        stoppedBy = reason
        break
      }
    }
    if (pending.length >= flushEvery) flush()
    hooks.progress(i + 1, writes.length)
  }
  flush()
  return { applied, failed, stoppedBy }
}
