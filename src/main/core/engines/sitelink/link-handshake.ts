/**
 * Seed 連携の開始, steps 1 and 2: the requester issues a one-time URL (リンク要求), the accepting side loads
 * it (読み込み: nothing is recorded or sent about it) and accepts (受諾: both sides hold a pending link).
 */
import { createHash, randomBytes } from 'node:crypto'
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import {
  maxLinkedSites,
  type LinkRequestPreview,
  type LinkRequestStatus,
  type LinkRequestTicket,
} from '../../../../shared/model/sitelink'
import { linkCategory, reasonOf, recordTransition, type LinkContext } from './link-context'
import { keyIdOfSent } from './link-keys'
import type { StoredLink } from './link-repository'
import { parseRequestUrl, requestPathPrefix } from './request-url'
import { acceptRoute, requestResource, type RequestResource } from './wire'

export const requestLifetimeMs = 24 * 60 * 60 * 1000

/** Only this hash is stored: the token itself exists in the URL the admin was shown once. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export const requestMessages = {
  expired: {
    ja: 'このリンク要求は有効期限（要求から24時間）を過ぎています。要求した側で「リンク要求」からやり直してもらってください。',
    en: 'This link request has expired (24 hours after it was made). Ask the requesting site to make a new link request.',
  },
  unknown: {
    ja: 'このリンク要求は使えません。すでに受諾されたか、新しい要求に置き換えられたか、URL が違います。要求した側で新しいリンクURLを発行してもらってください。',
    en: 'This link request cannot be used: it was already accepted, replaced by a newer request, or the URL is wrong. Ask the requesting site for a new link URL.',
  },
} as const satisfies Record<string, Localized>

export function limitMessage(): Localized {
  return {
    ja: `連携できるサイトは ${maxLinkedSites} サイトまでです（開始待ちを含む）。不要なリンクを解除してからやり直してください。何も変更していません。`,
    en: `At most ${maxLinkedSites} sites can be linked (pending ones included). Unlink one you no longer need and try again. Nothing was changed.`,
  }
}

/** リンク要求: a new token (256 random bits) valid 24 hours; the previous one stops working at once. */
export async function issueRequest(ctx: LinkContext): Promise<LinkRequestTicket> {
  const profile = ctx.site.profile()
  await ctx.siteKey.publicKey()
  const token = randomBytes(32).toString('base64url')
  const requestedAt = ctx.now()
  const expiresAt = requestedAt + requestLifetimeMs
  const requester = ctx.site.actor()
  ctx.links.transaction(() => {
    ctx.links.addRequest(hashToken(token), requestedAt, expiresAt, requester)
    ctx.history.append({
      direction: 'local',
      category: linkCategory,
      level: 'info',
      message: `リンク要求のURLを発行しました（${requester}、24時間有効。それまでのURLは使えなくなりました）`,
      messageEn: `Issued a link request URL (${requester}, valid 24 hours; any earlier URL no longer works)`,
      detail: { requestedAt, expiresAt },
    })
  })
  ctx.changed()
  return { url: `${profile.linkUrl}${requestPathPrefix}${token}`, requestedAt, expiresAt, requester }
}

export function currentRequest(ctx: LinkContext): LinkRequestStatus | null {
  const open = ctx.links.openRequest()
  if (!open || open.expiresAt <= ctx.now()) return null
  return { requestedAt: open.requestedAt, expiresAt: open.expiresAt, requester: open.requester }
}

function loadRefused(reason: Localized): ApiError {
  return new ApiError('invalid-input', {
    ja: `リンク要求を読み込めませんでした。${reason.ja}`,
    en: `The link request could not be loaded. ${reason.en}`,
  })
}

export interface LoadedRequest {
  readonly linkUrl: string
  readonly token: string
  readonly resource: RequestResource
  readonly preview: LinkRequestPreview
}

/** 読み込み: one unsigned GET of the request; nothing about this site leaves it, nothing is stored here. */
export async function loadRequest(ctx: LinkContext, url: string): Promise<LoadedRequest> {
  const { linkUrl, token } = parseRequestUrl(url)
  let raw: unknown
  try {
    raw = await ctx.client.getPublic(`${linkUrl}${requestPathPrefix}${token}`)
  } catch (error) {
    throw loadRefused(reasonOf(error))
  }
  const parsed = requestResource.safeParse(raw)
  const partnerKeyId = parsed.success ? keyIdOfSent(parsed.data.publicKey) : null
  if (!parsed.success || partnerKeyId === null) {
    throw loadRefused({
      ja: '相手先の答えが Renkei のリンク要求ではありません。URL を確かめてください。',
      en: 'The answer is not a Renkei link request. Check the URL.',
    })
  }
  const resource = parsed.data
  if (resource.expiresAt <= ctx.now()) throw loadRefused(requestMessages.expired)
  if (partnerKeyId === (await ctx.siteKey.publicKey()).keyId) {
    throw loadRefused({
      ja: 'これはこのサイト自身のリンク要求です。連携したい相手先で受諾してもらってください。',
      en: "This is this site's own link request. The site you want to link with must accept it.",
    })
  }
  const { requester, requestedAt, expiresAt } = resource
  const partner = { ...resource.partner, linkUrl }
  return { linkUrl, token, resource, preview: { partner, requester, requestedAt, expiresAt, partnerKeyId } }
}

function acceptRefused(reason: Localized): ApiError {
  return new ApiError('invalid-input', {
    ja: `受諾できませんでした。何も変更していません。${reason.ja}`,
    en: `The link could not be accepted; nothing was changed. ${reason.en}`,
  })
}

/** 受諾: the signed accept call publishes this site's profile; then this side records its pending link. */
export async function acceptRequest(ctx: LinkContext, url: string): Promise<StoredLink> {
  const own = ctx.site.profile()
  const { linkUrl, token, resource, preview } = await loadRequest(ctx, url)
  if (ctx.links.activeByKey(preview.partnerKeyId)) {
    throw acceptRefused({
      ja: 'このサイトとはすでに開始待ちかリンク中のリンクがあります。',
      en: 'A pending or linked link with this site already exists.',
    })
  }
  if (ctx.links.countActive() >= maxLinkedSites) throw acceptRefused(limitMessage())
  const key = await ctx.siteKey.publicKey()
  const acceptedAt = ctx.now()
  const registrant = ctx.site.actor()
  const body = { token, partner: own, registrant, acceptedAt, publicKey: key.pem }
  try {
    await ctx.client.send(linkUrl, { method: 'POST', path: acceptRoute, body })
  } catch (error) {
    throw acceptRefused(reasonOf(error))
  }
  const link = ctx.links.transaction(() => {
    const created = ctx.links.create(
      {
        partnerKeyId: preview.partnerKeyId,
        partnerPublicKey: resource.publicKey,
        partner: preview.partner,
        role: 'acceptor',
      },
      acceptedAt,
    )
    const requesterSite = resource.partner.siteName ?? resource.partner.companyName
    recordTransition(ctx, created, 'request', {
      at: resource.requestedAt,
      actor: resource.requester,
      siteName: requesterSite,
      direction: 'receive',
    })
    recordTransition(ctx, created, 'accept', {
      at: acceptedAt,
      actor: registrant,
      siteName: ctx.site.displayName(),
      direction: 'local',
    })
    return created
  })
  ctx.changed()
  return link
}
