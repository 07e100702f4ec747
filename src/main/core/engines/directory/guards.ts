import type { DeletionCheck, LicenceCheck } from '../../../../shared/model/directory'
import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import type { Localized } from '../../../../shared/model/localized'

export interface GuardInput {
  readonly config: DirectoryConfig
  readonly activeSourceUsers: number
  /** Seats reported by the target, if any. */
  readonly reportedLimit: number | null
  /** Active users on the target now (or at home, without a target). */
  readonly activeNow: number
  readonly newUsers: number
  readonly removals: number
  /** Users the removal share is taken of. */
  readonly base: number
  readonly approveDeletions: boolean
}

/** Seed ②: sync only while the source's users fit the target's licences. */
export function checkLicence(input: GuardInput): LicenceCheck {
  const limit = input.config.licenceCount ?? input.reportedLimit
  return {
    limit,
    activeSourceUsers: input.activeSourceUsers,
    newUsers: input.newUsers,
    seatsFree: limit === null ? null : limit - input.activeNow,
    over: limit === null ? 0 : Math.max(0, input.activeSourceUsers - limit),
  }
}

/** Stops a run that would remove more than the threshold (a half-empty export must not empty the chat). */
export function checkDeletions(input: GuardInput): DeletionCheck {
  const { maxCount, maxPercent } = input.config.deletionGuard
  const share = input.base === 0 ? 0 : (input.removals * 100) / input.base
  return {
    removals: input.removals,
    base: input.base,
    maxCount,
    maxPercent,
    tripped: input.removals > 0 && (input.removals > maxCount || share > maxPercent),
    approved: input.approveDeletions,
  }
}

export function blockReason(licence: LicenceCheck, deletion: DeletionCheck): Localized | null {
  if (licence.over > 0) {
    return {
      ja: `ライセンス超過のため同期しませんでした: 有効なユーザー ${licence.activeSourceUsers} 人がライセンス数 ${licence.limit} を ${licence.over} 人超えています。ライセンスを追加するか、ソースのユーザーを減らしてください。`,
      en: `Not synchronised: ${licence.activeSourceUsers} active users exceed the ${licence.limit} licences by ${licence.over}. Add licences or reduce the users in the source.`,
    }
  }
  if (deletion.tripped && !deletion.approved) {
    const percent = deletion.base === 0 ? 0 : Math.round((deletion.removals * 1000) / deletion.base) / 10
    return {
      ja: `削除ガードにより同期しませんでした: ${deletion.removals} 人（${percent}%）を停止・削除しようとしています（しきい値 ${deletion.maxCount} 人または ${deletion.maxPercent}%）。プレビューで内容を確認し、正しければ「削除を承認して実行」で今回だけ許可してください。`,
      en: `Stopped by the deletion guard: this run would suspend or delete ${deletion.removals} users (${percent}%), above the threshold of ${deletion.maxCount} or ${deletion.maxPercent}%. Check the preview; if it is right, use "Approve deletions and run" to let this one run through.`,
    }
  }
  return null
}
