/**
 * Seed 連携の開始 step 3 and ボタン: what this side's admin does to a link (start, reject, pause, resume,
 * unlink, relink, link URL change) and how the partner hears of it (a signed state call).
 */
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import type { LinkTransitionKind } from '../../../../shared/model/sitelink'
import { reasonOf, recordNoticeFailure, recordTransition, type LinkContext } from './link-context'
import type { PauseReason, StoredLink } from './link-repository'
import { afterTransition, localRefusal, type LocalAction } from './link-states'
import { noLinkCode, stateRoute, type StateBody } from './wire'

/** Start and reject decide the partner's record too: they happen only when the partner heard them. */
const mustReachPartner: ReadonlySet<LocalAction> = new Set(['start', 'reject'])

export function linkNotFound(id: string): ApiError {
  return new ApiError('not-found', {
    ja: `リンク「${id}」はありません。一覧から選んでください。何も変更していません。`,
    en: `There is no link "${id}". Pick one from the list. Nothing was changed.`,
  })
}

type NoticeFailure = Localized & { readonly partnerHasNoLink: boolean }

/** Tells the partner; returns why it failed (null = heard). */
async function tellPartner(
  ctx: LinkContext,
  link: StoredLink,
  body: StateBody,
): Promise<NoticeFailure | null> {
  try {
    await ctx.client.send(link.partner.linkUrl, { method: 'POST', path: stateRoute, body })
    return null
  } catch (error) {
    // connectors/peer keeps the partner's own refusal (`{ error: { code, ja, en } }`) on the error; its
    // endpoint answers 'unknown-key' when no pending or linked link there holds this site's key.
    const code = (error as { refusal?: { code?: unknown } | null }).refusal?.code
    const { ja, en } = reasonOf(error)
    return { ja, en, partnerHasNoLink: code === noLinkCode || code === 'unknown-key' }
  }
}

export function runHooks(
  ctx: LinkContext,
  kind: LinkTransitionKind,
  linkId: string,
  sendAt: number | null,
): void {
  for (const hooks of ctx.hooks()) {
    if (kind === 'start') hooks.onStart?.(linkId, sendAt)
    if (kind === 'relink') hooks.onRelink?.(linkId, sendAt)
    if (kind === 'unlink') hooks.onUnlink?.(linkId)
  }
}

/**
 * One admin action on a link. `sendAt` (start, relink): the first full send's time; null = now.
 * `pauseReason` (pause): 'machine' when Renkei pauses it because the data directory moved machine.
 */
export async function actOnLink(
  ctx: LinkContext,
  id: string,
  action: LocalAction,
  sendAt: number | null = null,
  pauseReason: PauseReason = 'admin',
): Promise<StoredLink> {
  const link = ctx.links.get(id)
  if (!link) throw linkNotFound(id)
  const refusal = localRefusal(action, link)
  if (refusal) throw new ApiError('invalid-input', refusal)
  const at = ctx.now()
  const actor = ctx.site.actor()
  const siteName = ctx.site.displayName()
  const withSendAt = action === 'start' || action === 'relink' ? { sendAt } : {}
  let failure = await tellPartner(ctx, link, { kind: action, at, actor, siteName, ...withSendAt })
  // The partner holds no such link (its accept answer was lost): there is nothing of its to follow a rejection.
  if (failure?.partnerHasNoLink && action === 'reject') failure = null
  if (failure && mustReachPartner.has(action)) {
    throw new ApiError('invalid-input', {
      ja: `相手先に伝えられなかったため、何も変更していません。${failure.ja}`,
      en: `The partner could not be told, so nothing was changed. ${failure.en}`,
    })
  }
  ctx.links.transaction(() => {
    ctx.links.setFacts(id, afterTransition(action, link, 'local'), at, pauseReason)
    recordTransition(ctx, link, action, { at, actor, siteName, direction: 'local' })
    if (failure) recordNoticeFailure(ctx, link, action, failure)
    else ctx.links.setNoticeError(id, null)
  })
  runHooks(ctx, action, id, sendAt)
  ctx.changed()
  return ctx.links.get(id)!
}

/** リンクURL変更: every pending or linked partner is told (best effort; a failure stays on the link). */
export async function announceUrlChange(ctx: LinkContext, linkUrl: string): Promise<void> {
  const at = ctx.now()
  const actor = ctx.site.actor()
  const siteName = ctx.site.displayName()
  const active = ctx.links.list().filter((link) => link.state === 'pending' || link.state === 'linked')
  for (const link of active) {
    const failure = await tellPartner(ctx, link, { kind: 'url-change', at, actor, siteName, linkUrl })
    ctx.links.transaction(() => {
      recordTransition(ctx, link, 'url-change', { at, actor, siteName, direction: 'local' }, { linkUrl })
      if (failure) recordNoticeFailure(ctx, link, 'url-change', failure)
      else ctx.links.setNoticeError(link.id, null)
    })
  }
  if (active.length > 0) ctx.changed()
}
