/**
 * A source of kind `events`: the groupware (or a script beside it) posts one `noticeEventInput` as JSON,
 * signed (see inbound-signature.ts). Checked in this order — signature and window, then the body — so an
 * unsigned caller learns nothing about the body's rules.
 */
import { noticeEventInput } from '../../../../shared/model/notices'
import type { NoticeIntake } from './notice-ports'
import { ingestFailure, type InboundOutcome } from './inbound-outcome'
import { verifySignature } from './inbound-signature'

export interface SignedRequest {
  readonly timestamp: string | undefined
  readonly signature: string | undefined
  readonly body: Buffer
}

export function takeSignedEvent(
  sourceId: string,
  secret: string | null,
  request: SignedRequest,
  deps: { readonly intake: NoticeIntake; readonly now: number },
): InboundOutcome {
  if (secret === null) return { ok: false, code: 'bad-signature' }
  const refused = verifySignature(request, request.body, secret, deps.now)
  if (refused !== null) return { ok: false, code: refused }
  let json: unknown
  try {
    json = JSON.parse(request.body.toString('utf8'))
  } catch {
    return { ok: false, code: 'bad-body', issues: [{ path: '', message: 'The body is not JSON.' }] }
  }
  const parsed = noticeEventInput.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }))
    return { ok: false, code: 'bad-body', issues }
  }
  try {
    const result = deps.intake.ingest(sourceId, parsed.data)
    return {
      ok: true,
      body: {
        accepted: result.accepted,
        eventRow: result.eventRow,
        unknownAddressees: result.unknownAddressees,
        queued: result.queued,
      },
    }
  } catch (error) {
    return ingestFailure(error)
  }
}
