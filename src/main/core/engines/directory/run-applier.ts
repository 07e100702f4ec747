import type { HomeChange } from '../../../../shared/model/directory'
import type { NewHistoryEntry } from '../../../../shared/model/history'
import type { Localized } from '../../../../shared/model/localized'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import type { HistoryRepository } from '../../history/history-repository'
import { homeChangeMessage } from './change-messages'
import type { DirectoryTargetConnector } from './directory-connectors'
import type { ComputedRun } from './directory-planner'
import type { DirectoryStateRepository } from './directory-state'
import type { DirectoryProgress } from '../../../../shared/model/directory'
import type { OwnershipLedger } from './ownership-ledger'
import { applyTargetPlan } from './target-applier'

export interface RunApplierDeps {
  readonly home: HomeDirectoryRepository
  readonly state: DirectoryStateRepository
  readonly history: HistoryRepository
  readonly now: () => number
  readonly onProgress: (progress: DirectoryProgress) => void
  readonly owner: string
  readonly signal: AbortSignal
  readonly initialPassword: string | null
  readonly targetName: string
  readonly ledger: OwnershipLedger
  readonly approveAdoptions: boolean
}

export interface AppliedRun {
  readonly outcome: 'ok' | 'warning' | 'error'
  readonly message: Localized
  readonly applied: number
  readonly failed: number
}

function homeEntries(
  changes: readonly HomeChange[],
  firstImport: boolean,
  employees: number,
): NewHistoryEntry[] {
  const base = { direction: 'local', category: 'directory', level: 'info' } as const
  if (firstImport) {
    // The first import would otherwise write one line per person (100,000 lines saying "added").
    return [
      {
        ...base,
        message: `ホームディレクトリを初めて取り込みました（社員 ${employees} 人）`,
        messageEn: `First import into the home directory (${employees} employees)`,
        detail: { changes: changes.length },
      },
    ]
  }
  return changes.map((change) => {
    const message = homeChangeMessage(change)
    return { ...base, message: message.ja, messageEn: message.en, detail: change }
  })
}

/** Keeps the grace-period clock: users the target holds suspended that the source lacks, counted from first sight. */
function trackMissingUsers(computed: ComputedRun, state: DirectoryStateRepository, now: number): void {
  if (!computed.target) return
  const inSource = new Set(computed.read.snapshot.employees.map((e) => e.key))
  const deleted = new Set(
    computed.target.plan.users.filter((w) => w.item.action === 'delete').map((w) => w.user.key),
  )
  const tracked = state.suspendedSince()
  for (const user of computed.target.plan.classified.owned.values()) {
    if (deleted.has(user.key)) continue
    if (inSource.has(user.key)) {
      if (tracked.has(user.key)) state.clearSuspended(user.key)
    } else if (!user.active && !tracked.has(user.key)) state.markSuspended(user.key, now)
  }
}

/** People left out of this run (adoptions not approved, collisions with accounts Renkei does not own). */
function leftOut(computed: ComputedRun, approveAdoptions: boolean): Localized | null {
  const waiting = approveAdoptions ? 0 : computed.plan.adoption.candidates
  const held = computed.plan.heldTotal
  const parts: Localized[] = []
  if (waiting > 0)
    parts.push({
      ja: `既存アカウント ${waiting} 件が引き継ぎの承認待ちです（プレビューで確認し「引き継ぎを承認して実行」）。`,
      en: `${waiting} existing accounts wait for adoption (check the preview, then "Approve adoptions and run").`,
    })
  if (held > 0)
    parts.push({
      ja: `${held} 人は Renkei の管理外のアカウントと重なるため作成していません（理由はプレビューに表示）。`,
      en: `${held} people were not created: they collide with accounts Renkei does not own (the preview says why).`,
    })
  if (parts.length === 0) return null
  return { ja: parts.map((p) => p.ja).join(''), en: parts.map((p) => p.en).join(' ') }
}

function outcomeOf(
  applied: number,
  failed: number,
  stoppedBy: Localized | null,
  homeChanges: number,
  notDone: Localized | null = null,
): AppliedRun {
  const counts = {
    ja: `ホームディレクトリの変更 ${homeChanges} 件、反映 ${applied} 件、失敗 ${failed} 件`,
    en: `${homeChanges} home directory changes, ${applied} writes applied, ${failed} failed`,
  }
  if (stoppedBy) {
    return {
      outcome: 'error',
      applied,
      failed,
      message: {
        ja: `途中で止まりました（${counts.ja}）: ${stoppedBy.ja}`,
        en: `Stopped part way (${counts.en}): ${stoppedBy.en}`,
      },
    }
  }
  if (failed > 0 || notDone) {
    const parts = [
      ...(failed > 0
        ? [
            {
              ja: `一部を反映できませんでした: ${counts.ja}。同期履歴で理由を確認してください。`,
              en: `Some writes failed: ${counts.en}. See the sync history for why.`,
            },
          ]
        : [{ ja: `同期しました: ${counts.ja}。`, en: `Synchronised: ${counts.en}.` }]),
      ...(notDone ? [notDone] : []),
    ]
    return {
      outcome: 'warning',
      applied,
      failed,
      message: { ja: parts.map((p) => p.ja).join(' '), en: parts.map((p) => p.en).join(' ') },
    }
  }
  if (applied === 0 && homeChanges === 0) {
    return { outcome: 'ok', applied, failed, message: { ja: '変更はありませんでした', en: 'No changes' } }
  }
  return {
    outcome: 'ok',
    applied,
    failed,
    message: { ja: `同期しました: ${counts.ja}`, en: `Synchronised: ${counts.en}` },
  }
}

/** Writes a computed run: the home directory and its change records in one transaction, then the target. */
export async function applyComputedRun(
  computed: ComputedRun,
  target: DirectoryTargetConnector | null,
  deps: RunApplierDeps,
): Promise<AppliedRun> {
  const firstImport = deps.home.importedAt() === null
  const entries = homeEntries(computed.homeDiff.changes, firstImport, computed.read.snapshot.employees.length)
  deps.home.applyImport(computed.homeDiff, deps.now(), () => deps.history.appendMany(entries))
  if (!target || !computed.target) return outcomeOf(0, 0, null, computed.homeDiff.changes.length)
  const { plan } = computed.target
  const startedAt = deps.now()
  for (const claim of plan.classified.claims)
    deps.ledger.own(claim.object, claim.key, claim.handle, claim.ref, claim.origin, deps.now())
  const refs = new Map([...plan.classified.owned.values()].map((u) => [u.key, u.ref]))
  const result = await applyTargetPlan(target, plan, {
    signal: deps.signal,
    targetName: deps.targetName,
    initialPassword: deps.initialPassword,
    refs,
    record: (batch) => deps.history.appendMany(batch),
    progress: (done, total) => {
      deps.state.heartbeat(deps.owner, deps.now())
      deps.onProgress({ phase: 'applying', done, total })
    },
    suspendedMissing: (key) => deps.state.markSuspended(key, deps.now()),
    graceEnded: (key) => deps.state.clearSuspended(key),
    ownership: { ledger: deps.ledger, now: deps.now, approveAdoptions: deps.approveAdoptions },
  })
  trackMissingUsers(computed, deps.state, deps.now())
  if (!result.stoppedBy) deps.ledger.dropStalePending(startedAt)
  const notDone = leftOut(computed, deps.approveAdoptions)
  return outcomeOf(result.applied, result.failed, result.stoppedBy, computed.homeDiff.changes.length, notDone)
}
