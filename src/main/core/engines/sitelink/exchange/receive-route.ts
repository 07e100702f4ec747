import { ApiError } from '../../../../../shared/model/errors'
import type { Localized } from '../../../../../shared/model/localized'
import { linkDataKinds } from '../../../../../shared/model/sitelink'
import type { PartnerResponse, PartnerRoute } from '../sitelink-ports'
import type { ExchangeLinks } from './exchange-ports'
import { batchPath, itemSchemas, linkBatch, type BatchAck, type LinkBatch } from './exchange-wire'
import type { ReceiveRepository } from './receive-repository'

export interface ReceiveDeps {
  readonly links: ExchangeLinks
  readonly receive: ReceiveRepository
  readonly now: () => number
  /** After a batch was applied (the history line, events). */
  readonly onApplied?: (link: { readonly id: string; readonly siteName: string }, batch: LinkBatch) => void
}

const refuse = (status: number, message: Localized): PartnerResponse => ({ status, body: { message } })

const unknownKey: Localized = {
  ja: 'このサイトと連携していない鍵で署名されています。受信していません。',
  en: 'Signed with a key this site has no link for. Nothing was received.',
}

const inactive: Localized = {
  ja: '連携が一時停止中または解除済みのため受信していません。再開されると次の送信のタイミングで届きます。',
  en: 'The link is paused or unlinked, so nothing was received. Once it is resumed, the data comes at the next send.',
}

/** Checks the envelope and every item against its kind before anything is applied. */
function parseBatch(body: unknown): LinkBatch | Localized {
  const parsed = linkBatch.safeParse(body)
  const bad = (what: string): Localized => ({
    ja: `受信したデータの形式が正しくありません（${what}）。何も適用していません。`,
    en: `The data received is malformed (${what}). Nothing was applied.`,
  })
  if (!parsed.success) return bad(parsed.error.issues[0]?.path.join('.') || 'batch')
  const schema = itemSchemas[parsed.data.kind]
  const index = parsed.data.upserts.findIndex((u) => !schema.safeParse(u.data).success)
  return index >= 0 ? bad(`upserts.${index}`) : parsed.data
}

/**
 * A kind a newer partner sends that this version does not know (a well-formed name and number): left
 * unapplied but acknowledged, so the partner's outbox moves on instead of holding every later batch.
 */
function unknownKindSeq(body: unknown): number | null {
  const { kind, seq } = (body ?? {}) as { kind?: unknown; seq?: unknown }
  const known = (linkDataKinds as readonly unknown[]).includes(kind)
  if (known || typeof kind !== 'string' || !/^[a-z][a-z-]{0,39}$/.test(kind)) return null
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= 1 ? seq : null
}

/** POST renkei-link/v1/batches: a partner's batch, applied once per (link, kind, number). */
export function batchRoute(deps: ReceiveDeps): PartnerRoute {
  return {
    method: 'POST',
    path: batchPath,
    auth: 'partner',
    async handle(request) {
      const link = request.keyId === null ? null : deps.links.linkForKey(request.keyId)
      if (!link) return refuse(403, unknownKey)
      if (!link.active) return refuse(409, inactive)
      const unknownSeq = unknownKindSeq(request.body)
      if (unknownSeq !== null) return { status: 200, body: { seq: unknownSeq, applied: false } }
      const batch = parseBatch(request.body)
      if (!('v' in batch)) return refuse(400, batch)
      try {
        const applied = deps.receive.apply(link.id, batch, deps.now())
        if (applied) deps.onApplied?.(link, batch)
        const ack: BatchAck = { seq: batch.seq, applied }
        return { status: 200, body: ack }
      } catch (error) {
        if (error instanceof ApiError) return refuse(422, error.localized)
        throw error
      }
    },
  }
}
