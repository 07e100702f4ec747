/**
 * The signed inbound API for community events from products Renkei cannot read (F-1's five operations):
 * `POST <partner-facing base URL>renkei-rooms/v1/events`, one `roomEventInput` as JSON, signed like the
 * notice relay's events source (`X-Renkei-Timestamp`, `X-Renkei-Signature: v1=<HMAC-SHA256>` of
 * `<timestamp>.<body>` with the keychain secret `rooms.inbound.secret`, 5-minute window). Taken in through the
 * same handler as `rooms.events.ingest` (source `webhook`): the same event id twice is one event. Every refusal
 * answers `{ error: { ja, en } }` and is a history line (no body, no secret).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import { roomEventInput, roomInboundSecret } from '../../../../shared/model/rooms'
import { BodyTooLarge, readBoundedBody } from '../../http/bounded-body'
import { inboundRefusals, type InboundRefusalCode } from '../notices/inbound-refusals'
import { verifySignature } from '../notices/inbound-signature'
import type { PartnerMount } from '../sitelink/sitelink-ports'
import type { RoomContext } from './room-context'
import type { RoomsCorePart } from './rooms-core'

export const roomsInboundPrefix = 'renkei-rooms/v1/events'
const maxBodyBytes = 1024 * 1024

type Answer = { readonly status: number; readonly body: unknown; readonly refused?: Localized }

const refusal = (status: number, why: Localized, extra: object = {}): Answer => ({
  status,
  body: { error: why, ...extra },
  refused: why,
})

/** The notice relay's words for the same refusals (one signing scheme, one way of saying what is wrong). */
const said = (code: InboundRefusalCode): Localized => ({
  ja: inboundRefusals[code].ja,
  en: inboundRefusals[code].en,
})

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

async function decide(
  ctx: RoomContext,
  ingest: RoomsCorePart['handlers']['rooms.events.ingest'],
  request: IncomingMessage,
): Promise<Answer> {
  if (request.method !== 'POST') return refusal(405, said('method'))
  const secret = await ctx.secrets.get(roomInboundSecret)
  if (secret === null)
    return refusal(404, {
      ja: '会議室の受信口は設定されていません（秘密鍵がありません）。',
      en: 'The rooms inbound API is not set up (no secret).',
    })
  let body: Buffer
  try {
    body = await readBoundedBody(request, maxBodyBytes)
  } catch (error) {
    if (error instanceof BodyTooLarge) return refusal(413, said('too-large'))
    throw error
  }
  const signed = {
    timestamp: header(request, 'x-renkei-timestamp'),
    signature: header(request, 'x-renkei-signature'),
  }
  const refused = verifySignature(signed, body, secret, ctx.now())
  if (refused !== null) return refusal(401, said(refused))
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    return refusal(400, { ja: '本文が JSON ではありません。', en: 'The body is not JSON.' })
  }
  const parsed = roomEventInput.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    return refusal(
      400,
      { ja: '本文の形式が正しくありません。', en: 'The body is not in the expected form.' },
      { issues },
    )
  }
  try {
    return { status: 200, body: await ingest({ source: 'webhook', event: parsed.data }) }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid-input') return refusal(400, error.localized)
    throw error
  }
}

export function roomsInboundMount(
  ctx: RoomContext,
  ingest: RoomsCorePart['handlers']['rooms.events.ingest'],
): PartnerMount {
  const send = (response: ServerResponse, answer: Answer): void => {
    response.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(answer.status === 405 ? { allow: 'POST' } : {}),
      ...(answer.status === 413 ? { connection: 'close' } : {}),
    })
    response.end(JSON.stringify(answer.body))
  }
  return {
    prefix: roomsInboundPrefix,
    handle: (request, response) => {
      void decide(ctx, ingest, request)
        .catch((): Answer =>
          refusal(500, {
            ja: '会議室のイベントを受け付けられませんでした（内部エラー）。',
            en: 'The room event could not be taken in (internal error).',
          }),
        )
        .then((answer) => {
          if (answer.refused)
            ctx.history.append({
              direction: 'local',
              category: 'rooms',
              level: 'warning',
              message: `会議室のイベントを拒否しました（${request.socket.remoteAddress ?? ''}、${answer.status}）: ${answer.refused.ja}`,
              messageEn: `Refused a room event (${request.socket.remoteAddress ?? ''}, ${answer.status}): ${answer.refused.en}`,
            })
          send(response, answer)
          if (answer.status === 413) response.on('finish', () => request.destroy())
        })
    },
  }
}
