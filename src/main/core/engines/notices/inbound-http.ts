/**
 * The mount `renkei-notice/v1/in/<source id>` on the partner-facing listener: finds the source, reads the
 * body (at most 1 MB, as bytes: the signature covers them exactly), hands it to the source's kind, answers
 * JSON. Every refusal is answered `{ error: { ja, en } }` and written to the history (no body, no secret).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { noticeSourceSecret } from '../../../../shared/model/notices'
import { BodyTooLarge, readBoundedBody } from '../../http/bounded-body'
import type { PartnerMount } from '../sitelink/sitelink-ports'
import type { NoticeContext } from './notice-context'
import type { NoticeIntake } from './notice-ports'
import { takeSignedEvent } from './inbound-events'
import type { InboundOutcome } from './inbound-outcome'
import { inboundRefusals, recordRefusal, type RefusalCounter } from './inbound-refusals'
import { takeChatWebhook } from './inbound-slack'
import { inboundMountPrefix } from './inbound-source-handlers'
import type { InboundSourceStore } from './inbound-source-store'

export const maxInboundBodyBytes = 1024 * 1024

export interface InboundMountDeps {
  readonly ctx: NoticeContext
  readonly store: InboundSourceStore
  readonly refusals: RefusalCounter
  readonly intake: NoticeIntake
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(status === 405 ? { allow: 'POST' } : {}),
    ...(status === 413 ? { connection: 'close' } : {}),
  })
  response.end(JSON.stringify(body))
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

async function decide(
  deps: InboundMountDeps,
  request: IncomingMessage,
  sourceId: string,
): Promise<InboundOutcome> {
  const source = deps.store.get(sourceId)
  if (!source || !source.enabled || source.kind === 'xmpp') return { ok: false, code: 'unknown-source' }
  if (request.method !== 'POST') return { ok: false, code: 'method' }
  let body: Buffer
  try {
    body = await readBoundedBody(request, maxInboundBodyBytes)
  } catch (error) {
    return { ok: false, code: error instanceof BodyTooLarge ? 'too-large' : 'bad-body' }
  }
  let secret: string | null
  try {
    secret = await deps.ctx.secrets.get(noticeSourceSecret(sourceId))
  } catch {
    return { ok: false, code: 'keychain' }
  }
  const taking = { intake: deps.intake, now: deps.ctx.now() }
  if (source.kind === 'slack') {
    return takeChatWebhook(
      sourceId,
      secret,
      { body, contentType: header(request, 'content-type') ?? '' },
      taking,
    )
  }
  const signed = {
    timestamp: header(request, 'x-renkei-timestamp'),
    signature: header(request, 'x-renkei-signature'),
    body,
  }
  return takeSignedEvent(sourceId, secret, signed, taking)
}

async function serve(
  deps: InboundMountDeps,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'https://mount.invalid').pathname
  const sourceId = /^\/([a-z0-9][a-z0-9-]{0,62})\/?$/.exec(path)?.[1] ?? null
  const outcome: InboundOutcome =
    sourceId === null ? { ok: false, code: 'unknown-source' } : await decide(deps, request, sourceId)
  if (outcome.ok) return answer(response, 200, outcome.body)
  const refusal = inboundRefusals[outcome.code]
  const why = outcome.why ?? { ja: refusal.ja, en: refusal.en }
  const shownId = sourceId ?? path.slice(1, 64)
  recordRefusal(
    deps.ctx.history,
    { sourceId: shownId, remoteAddress: request.socket.remoteAddress ?? '', code: outcome.code },
    why,
  )
  if (sourceId !== null && deps.store.get(sourceId)) deps.refusals.add(sourceId, deps.ctx.now())
  answer(response, refusal.status, { error: why, ...(outcome.issues ? { issues: outcome.issues } : {}) })
  // A body too large to read is not drained: the connection ends once the answer is out.
  if (outcome.code === 'too-large') response.on('finish', () => request.destroy())
}

export function inboundMount(deps: InboundMountDeps): PartnerMount {
  return {
    prefix: inboundMountPrefix,
    handle: (request, response) => {
      serve(deps, request, response).catch(() => {
        if (!response.headersSent)
          answer(response, 500, {
            error: { ja: inboundRefusals.internal.ja, en: inboundRefusals.internal.en },
          })
      })
    },
  }
}
