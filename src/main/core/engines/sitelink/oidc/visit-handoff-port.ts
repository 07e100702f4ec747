/**
 * The handoff port as h-visits defines it (`visits/visit-ports.ts`), kept here until that branch lands;
 * the merge replaces this file with an import of theirs. After the landing route verified a visit token
 * and the rules allowed the visit, it asks the handoff where the browser goes next.
 */
import type { VisitOutcome } from '../../../../../shared/model/sitelink-rules'
import type { PartnerResponse } from '../sitelink-ports'

export interface VerifiedVisit {
  readonly linkId: string
  readonly partnerName: string
  readonly partnerKeyId: string
  readonly employee: { readonly key: string; readonly name: string; readonly email: string | null }
  readonly outcome: VisitOutcome
  readonly address: string
  readonly at: number
}

/** A partner response that may redirect (`headers.location` with a 302). */
export type HandoffResponse = PartnerResponse & { readonly headers?: Readonly<Record<string, string>> }

export interface VisitHandoff {
  /** null: no handoff configured; the landing route answers with its own page. */
  afterAllowedVisit(visit: VerifiedVisit): Promise<HandoffResponse | null>
}
