import type { Localized } from '../../../../shared/model/localized'
import { ApiError } from '../../../../shared/model/errors'
import type { MemberNoticeSendResult } from '../../../../shared/model/rooms'
import { ConnectorError } from '../../connectors/connector-error'
import { redactCredentials } from '../../connectors/redaction'
import { composeMemberNotice } from './notices-mail'
import type { MemberNoticeStore } from './notices-store'
import type { RoomContext } from './room-context'
import { planNoticeSend, type NoticeMail, type PendingMemberNotice } from './room-member-notices'
import type { MemberNoticeOutlet } from './room-ports'

export const noOutletError = (): ApiError =>
  new ApiError('invalid-input', {
    ja: 'メンバ追加通知の送信先が選ばれていません。会議室の設定で通知先(お知らせ中継のメール(SMTP)の送信先)を選んでから送信してください。',
    en: 'No target is chosen for member-added notices. Pick a notice target (one of the notice relay’s e-mail (SMTP) targets) in the Rooms settings, then send again.',
  })

/** What the server or the connector said, in both languages, credentials cut. */
export function failureText(error: unknown): Localized {
  if (error instanceof ConnectorError) {
    const answer = error.serverAnswer === null ? '' : ` (${error.serverAnswer})`
    return { ja: `${error.localized.ja}${answer}`, en: `${error.localized.en}${answer}` }
  }
  const text = redactCredentials(error instanceof Error ? error.message : String(error))
  return { ja: `予期しないエラー: ${text}`, en: `Unexpected error: ${text}` }
}

/**
 * 「通知メールを送信」: notices of deleted communities are dropped (F (4)); the others leave oldest first, one
 * mail per recipient, and a notice is marked sent only once all its mails went. The first failure stops the
 * run: the outlet is one relay, and what fails one mail (relay down, sign-in refused, rate limit) would fail
 * every following one. The failed notice keeps the error and stays pending with the ones after it; the next
 * send resends its mails under the same Message-IDs.
 */
export async function sendMemberNotices(
  ctx: RoomContext,
  store: MemberNoticeStore,
  outlet: MemberNoticeOutlet,
  siteName: string,
): Promise<MemberNoticeSendResult> {
  const pending = store.pending()
  const communities = new Map(pending.map((n) => [n.communityCode, store.community(n.communityCode)]))
  const existing = new Set([...communities.values()].filter((c) => c.exists).map((c) => c.code))
  const plan = planNoticeSend(pending, existing)
  for (const drop of plan.dropped) {
    store.finish(drop.noticeId, 'dropped', ctx.now(), drop.reason)
    ctx.history.append({
      direction: 'local',
      category: 'rooms',
      level: 'warning',
      message: `メンバ追加通知 ${drop.noticeId}: ${drop.reason.ja}`,
      messageEn: `Member-added notice ${drop.noticeId}: ${drop.reason.en}`,
      detail: { noticeId: drop.noticeId, communityCode: drop.communityCode },
    })
  }
  const droppedIds = new Set(plan.dropped.map((d) => d.noticeId))
  const toSend = pending.filter((n) => !droppedIds.has(n.id))
  let sent = 0
  let mails = 0
  let failure: { notice: PendingMemberNotice; text: Localized } | null = null
  for (const notice of toSend) {
    if (ctx.signal.aborted) break
    const ofNotice = plan.mails.filter((m) => m.noticeId === notice.id)
    try {
      mails += await sendOne(ctx, outlet, notice, ofNotice, communities, siteName)
    } catch (error) {
      failure = { notice, text: failureText(error) }
      store.failed(notice.id, failure.text)
      break
    }
    store.finish(notice.id, 'sent', ctx.now(), null)
    sent += 1
  }
  const left = toSend.length - sent
  const outcome = outcomeOf(sent, mails, plan.dropped.length, left, failure)
  ctx.history.append({
    direction: 'send',
    category: 'rooms',
    level: failure ? 'error' : plan.dropped.length > 0 ? 'warning' : 'info',
    message: outcome.ja,
    messageEn: outcome.en,
    detail: {
      sent,
      mails,
      dropped: plan.dropped.length,
      stillPending: left,
      failedNotice: failure?.notice.id,
    },
  })
  return { sent, dropped: plan.dropped.length, failed: failure ? 1 : 0, outcome }
}

async function sendOne(
  ctx: RoomContext,
  outlet: MemberNoticeOutlet,
  notice: PendingMemberNotice,
  mails: readonly NoticeMail[],
  communities: ReadonlyMap<string, ReturnType<MemberNoticeStore['community']>>,
  siteName: string,
): Promise<number> {
  const community = communities.get(notice.communityCode)!
  for (const [index, mail] of mails.entries()) {
    const message = composeMemberNotice(ctx.home, notice, community, mail, index, ctx.language(), siteName)
    await outlet.send(message, ctx.signal)
  }
  return mails.length
}

function outcomeOf(
  sent: number,
  mails: number,
  dropped: number,
  left: number,
  failure: { notice: PendingMemberNotice; text: Localized } | null,
): Localized {
  const ja = [`メンバ追加通知: ${sent} 件送信(メール ${mails} 通)、${dropped} 件はコミュニティがないため破棄`]
  const en = [`Member-added notices: ${sent} sent (${mails} mails), ${dropped} dropped (community gone)`]
  if (failure) {
    ja.push(`通知 ${failure.notice.id} の送信に失敗したため中断しました: ${failure.text.ja}`)
    en.push(`stopped at notice ${failure.notice.id}, which failed: ${failure.text.en}`)
  }
  if (left > 0) {
    ja.push(`${left} 件は未送信のまま残っています`)
    en.push(`${left} still pending`)
  }
  return { ja: ja.join('。'), en: en.join('; ') }
}
