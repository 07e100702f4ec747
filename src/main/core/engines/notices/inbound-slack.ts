/**
 * A source of kind `slack`: a Slack-compatible OUTGOING webhook (Mattermost, Rocket.Chat, Slack's legacy
 * one) posts each channel message, form-encoded or as JSON, with the token the chat server generated; the
 * admin stores that token as the source's secret. The message becomes a `chat.message` event for the
 * groupware. The answer is `{}`: nothing is echoed back into the channel.
 */
import { chatEvent } from './inbound-chat-event'
import type { NoticeIntake } from './notice-ports'
import { ingestFailure, type InboundOutcome } from './inbound-outcome'
import { sameSecret } from './inbound-signature'

type Fields = Readonly<Record<string, unknown>>

function parseBody(body: Buffer, contentType: string): Fields | null {
  const text = body.toString('utf8')
  const asJson = (): Fields | null => {
    try {
      const value = JSON.parse(text) as unknown
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null
    } catch {
      return null
    }
  }
  if (contentType.includes('json')) return asJson()
  if (contentType.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text))
  return asJson() ?? Object.fromEntries(new URLSearchParams(text))
}

/** Mattermost sends milliseconds, Slack seconds ("1355517523.000005"), Rocket.Chat an ISO date. */
export function chatTime(value: unknown, now: number): number {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) {
    const n = Number(value)
    return n > 1e11 ? Math.trunc(n) : Math.trunc(n * 1000)
  }
  const parsed = typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isFinite(parsed) ? parsed : now
}

const text = (fields: Fields, name: string): string | null => {
  const value = fields[name]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null
}

export function takeChatWebhook(
  sourceId: string,
  secret: string | null,
  request: { readonly body: Buffer; readonly contentType: string },
  deps: { readonly intake: NoticeIntake; readonly now: number },
): InboundOutcome {
  const fields = parseBody(request.body, request.contentType)
  if (fields === null) {
    return {
      ok: false,
      code: 'bad-body',
      issues: [{ path: '', message: 'Expected a form or a JSON object.' }],
    }
  }
  const token = text(fields, 'token')
  if (secret === null || token === null || !sameSecret(token, secret)) return { ok: false, code: 'bad-token' }
  const required = { user_name: text(fields, 'user_name'), channel_name: text(fields, 'channel_name') }
  const body = text(fields, 'text')
  const missing = [...Object.entries(required), ['text', body] as const]
    .filter(([, value]) => value === null || value.trim() === '')
    .map(([name]) => ({ path: name, message: 'Required.' }))
  if (missing.length > 0) return { ok: false, code: 'bad-body', issues: missing }
  const event = chatEvent({
    id: text(fields, 'post_id') ?? text(fields, 'message_id'),
    actor: required.user_name!,
    text: body!,
    where: required.channel_name,
    at: chatTime(fields['timestamp'], deps.now),
    fallbackAddressee: required.channel_name!,
  })
  try {
    deps.intake.ingest(sourceId, event)
    return { ok: true, body: {} }
  } catch (error) {
    return ingestFailure(error)
  }
}
