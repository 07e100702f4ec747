import type { Localized } from '../../../../shared/model/localized'
import { ApiError } from '../../../../shared/model/errors'
import type { InboundRefusalCode } from './inbound-refusals'

/** What a source's handler decided; the mount turns it into the HTTP answer and the history line. */
export type InboundOutcome =
  | { readonly ok: true; readonly body: unknown }
  | {
      readonly ok: false
      readonly code: InboundRefusalCode
      /** Replaces the code's own text (the intake's reason). */
      readonly why?: Localized
      /** The body's problems (field paths and zod's words), for the sender's developer. */
      readonly issues?: readonly { readonly path: string; readonly message: string }[]
    }

/** The intake's refusal of an event (bad `occurredAt`, …) is the sender's problem; anything else is ours. */
export function ingestFailure(error: unknown): InboundOutcome {
  if (error instanceof ApiError && error.code === 'invalid-input') {
    return { ok: false, code: 'bad-body', why: error.localized }
  }
  return { ok: false, code: 'internal' }
}
