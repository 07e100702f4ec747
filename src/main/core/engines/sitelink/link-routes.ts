/**
 * The handshake and state routes this site answers below its link URL (wire.ts). app.ts hands them to
 * the partner endpoint (connectors/peer); refusals answer `{ message: { ja, en } }` with a fitting status.
 */
import type { Localized } from '../../../../shared/model/localized'
import { maxLinkedSites } from '../../../../shared/model/sitelink'
import { ApiError } from '../../../../shared/model/errors'
import { linkCategory, recordTransition, type LinkContext } from './link-context'
import { hashToken, limitMessage, requestMessages } from './link-handshake'
import { keyIdOfSent } from './link-keys'
import { runHooks } from './link-lifecycle'
import { afterTransition, inboundRefusal } from './link-states'
import { parseLinkUrl } from '../../connectors/peer/link-url'
import type { InboundPartnerRequest, PartnerResponse, PartnerRoute } from './sitelink-ports'
import {
  acceptBody,
  acceptRoute,
  refusalBody,
  requestRoute,
  stateBody,
  stateRoute,
  type LinkRefusalCode,
} from './wire'

const ok: PartnerResponse = { status: 200, body: { ok: true } }

function refuse(status: number, code: LinkRefusalCode, message: Localized): PartnerResponse {
  return { status, body: refusalBody(code, message) }
}

const badBody: Localized = {
  ja: '要求の形式が正しくありません（Renkei の版が合っていない可能性があります）。',
  en: 'The request is malformed (the two Renkei versions may not match).',
}

/** GET request/:token (unsigned): who asks, for the accepting side's 読み込み. Records nothing. */
async function serveRequest(ctx: LinkContext, request: InboundPartnerRequest): Promise<PartnerResponse> {
  const stored = ctx.links.requestByHash(hashToken(request.params['token'] ?? ''))
  if (!stored || stored.consumedAt !== null || stored.invalidatedAt !== null) {
    return refuse(404, 'request-unusable', requestMessages.unknown)
  }
  if (stored.expiresAt <= ctx.now()) return refuse(410, 'request-expired', requestMessages.expired)
  const { requester, requestedAt, expiresAt } = stored
  const publicKey = (await ctx.siteKey.publicKey()).pem
  return { status: 200, body: { partner: ctx.site.profile(), requester, requestedAt, expiresAt, publicKey } }
}

/** A refused accept is worth a line here too: someone holds (or guessed) an old URL. */
function refusedAccept(
  ctx: LinkContext,
  status: number,
  code: LinkRefusalCode,
  message: Localized,
): PartnerResponse {
  ctx.history.append({
    direction: 'receive',
    category: linkCategory,
    level: 'warning',
    message: `リンク受諾を断りました: ${message.ja}`,
    messageEn: `Refused a link accept: ${message.en}`,
  })
  return refuse(status, code, message)
}

/** POST accept (signed by the presented key): consumes the token and records the pending link. */
async function receiveAccept(ctx: LinkContext, request: InboundPartnerRequest): Promise<PartnerResponse> {
  const parsed = acceptBody.safeParse(request.body)
  if (!parsed.success) return refuse(400, 'bad-request', badBody)
  const body = parsed.data
  const keyId = keyIdOfSent(body.publicKey)
  if (keyId === null || request.keyId !== keyId) return refuse(401, 'bad-request', badBody)
  const stored = ctx.links.requestByHash(hashToken(body.token))
  if (!stored || stored.consumedAt !== null || stored.invalidatedAt !== null) {
    return refusedAccept(ctx, 404, 'request-unusable', requestMessages.unknown)
  }
  if (stored.expiresAt <= ctx.now())
    return refusedAccept(ctx, 410, 'request-expired', requestMessages.expired)
  if (ctx.links.activeByKey(keyId)) {
    return refusedAccept(ctx, 409, 'link-exists', {
      ja: 'このサイトとはすでに開始待ちかリンク中のリンクがあります。',
      en: 'A pending or linked link with this site already exists.',
    })
  }
  if (ctx.links.countActive() >= maxLinkedSites) return refusedAccept(ctx, 409, 'link-limit', limitMessage())
  let linkUrl: string
  try {
    linkUrl = parseLinkUrl(body.partner.linkUrl)
  } catch (error) {
    return refusedAccept(ctx, 400, 'bad-request', (error as ApiError).localized)
  }
  const now = ctx.now()
  ctx.links.transaction(() => {
    ctx.links.consumeRequest(stored.id, now)
    const link = ctx.links.create(
      {
        partnerKeyId: keyId,
        partnerPublicKey: body.publicKey,
        partner: { ...body.partner, linkUrl },
        role: 'requester',
      },
      now,
    )
    const own = ctx.site.displayName()
    recordTransition(ctx, link, 'request', {
      at: stored.requestedAt,
      actor: stored.requester,
      siteName: own,
      direction: 'local',
    })
    const accepter = body.partner.siteName ?? body.partner.companyName
    recordTransition(ctx, link, 'accept', {
      at: body.acceptedAt,
      actor: body.registrant,
      siteName: accepter,
      direction: 'receive',
    })
  })
  ctx.changed()
  return ok
}

/** POST state (signed by a registered partner): the partner started, rejected, unlinked, paused … */
async function receiveState(ctx: LinkContext, request: InboundPartnerRequest): Promise<PartnerResponse> {
  const parsed = stateBody.safeParse(request.body)
  if (!parsed.success) return refuse(400, 'bad-request', badBody)
  const body = parsed.data
  const link = request.keyId === null ? null : ctx.links.activeByKey(request.keyId)
  if (!link) {
    return refuse(404, 'no-link', {
      ja: 'このサイトとの開始待ちかリンク中のリンクはありません。',
      en: 'There is no pending or linked link with this site.',
    })
  }
  const refusal = inboundRefusal(body.kind, link)
  if (refusal) return refuse(409, 'state-refused', refusal)
  let newUrl: string | null = null
  if (body.kind === 'url-change') {
    try {
      newUrl = parseLinkUrl(body.linkUrl ?? '')
    } catch (error) {
      return refuse(400, 'bad-request', (error as ApiError).localized)
    }
  }
  const now = ctx.now()
  ctx.links.transaction(() => {
    ctx.links.setFacts(link.id, afterTransition(body.kind, link, 'partner'), now)
    if (newUrl !== null) ctx.links.setPartnerLinkUrl(link.id, newUrl, now)
    const detail = newUrl === null ? undefined : { linkUrl: newUrl }
    recordTransition(
      ctx,
      link,
      body.kind,
      { at: body.at, actor: body.actor, siteName: body.siteName, direction: 'receive' },
      detail,
    )
  })
  runHooks(ctx, body.kind, link.id, body.sendAt ?? null)
  ctx.changed()
  return ok
}

export function linkRoutes(ctx: LinkContext): PartnerRoute[] {
  return [
    { method: 'GET', path: requestRoute, auth: 'none', handle: (request) => serveRequest(ctx, request) },
    {
      method: 'POST',
      path: acceptRoute,
      auth: 'presented',
      handle: (request) => receiveAccept(ctx, request),
    },
    { method: 'POST', path: stateRoute, auth: 'partner', handle: (request) => receiveState(ctx, request) },
  ]
}
