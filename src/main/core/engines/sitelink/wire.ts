/**
 * What travels between two sites (routes below the link URL). Every body is checked on arrival: a partner
 * is another machine, never trusted to send the right shape. Refusals answer as the partner endpoint's own
 * do (`{ error: { code, ja, en } }`), so the calling site shows the partner's words.
 */
import { z } from 'zod'
import type { Localized } from '../../../../shared/model/localized'
import { inboundKinds } from './link-states'

export const requestRoute = 'renkei-link/v1/request/:token'
export const acceptRoute = 'renkei-link/v1/accept'
export const stateRoute = 'renkei-link/v1/state'

const text = z.string().min(1).max(2000)
export const wireProfile = z
  .object({
    companyName: z.string().min(1).max(200),
    siteName: z.string().max(200).nullable(),
    linkUrl: text,
  })
  .strict()
const publicKey = z.string().min(1).max(4000)

/** GET request/:token — the requester, as the accepting side's 読み込み shows it. */
export const requestResource = z
  .object({
    partner: wireProfile,
    requester: z.string().min(1).max(200),
    requestedAt: z.number().int(),
    expiresAt: z.number().int(),
    publicKey,
  })
  .strict()
export type RequestResource = z.infer<typeof requestResource>

/** POST accept, signed by the key it presents: the token binds that key to the request. */
export const acceptBody = z
  .object({
    token: z.string().min(1).max(200),
    partner: wireProfile,
    registrant: z.string().min(1).max(200),
    acceptedAt: z.number().int(),
    publicKey,
  })
  .strict()
export type AcceptBody = z.infer<typeof acceptBody>

/** POST state, signed by a registered partner key: the link is the one registered with that key. */
export const stateBody = z
  .object({
    kind: z.enum(inboundKinds),
    at: z.number().int(),
    actor: z.string().min(1).max(200),
    /** The sender's site name at that moment (seed リンク情報). */
    siteName: z.string().min(1).max(200),
    /** url-change: the sender's new link URL. */
    linkUrl: text.optional(),
    /** start / relink: when the first full send is planned (22:00 at peak hours); null = now. */
    sendAt: z.number().int().nullable().optional(),
  })
  .strict()
export type StateBody = z.infer<typeof stateBody>

/** Why the link engine refused a partner's call (beside the endpoint's own signature refusals). */
export type LinkRefusalCode =
  | 'bad-request'
  | 'request-expired'
  | 'request-unusable'
  | 'link-exists'
  | 'link-limit'
  | 'no-link'
  | 'state-refused'

/** The partner holds no pending or linked link with the caller's key. */
export const noLinkCode: LinkRefusalCode = 'no-link'

export function refusalBody(
  code: LinkRefusalCode,
  message: Localized,
): { readonly error: Localized & { code: string } } {
  return { error: { code, ...message } }
}
