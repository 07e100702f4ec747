/**
 * The ports of one-time visits: where the rules come from (the rule sets stored and received per link) and
 * what happens after a visit is allowed (the OpenID Connect provider mode hands the browser to its sign-in).
 */
import type { AcceptRuleSet, VisitOutcome, VisitRuleSet } from '../../../../../shared/model/sitelink-rules'
import type { PartnerResponse } from '../sitelink-ports'

/** The partner's visit rules as received: group targets travel with their members (partners have no groups). */
export interface ReceivedVisitRules {
  readonly rules: VisitRuleSet
  readonly groupMembers: Readonly<Record<string, readonly string[]>>
}

/** The rule sets of one link: this site's (defaults when none saved) and the partner's as last received. */
export interface VisitRuleSource {
  myVisitRules(linkId: string): VisitRuleSet
  myAcceptRules(linkId: string): AcceptRuleSet
  /** Null: none received yet (the partner's default, everyone, applies). */
  partnerVisitRules(linkId: string): ReceivedVisitRules | null
}

/** A visit the partner signed and this site's checks and rules allowed. */
export interface VerifiedVisit {
  readonly linkId: string
  readonly partnerName: string
  readonly partnerKeyId: string
  readonly employee: { readonly key: string; readonly name: string; readonly email: string | null }
  readonly outcome: VisitOutcome
  /** The visitor's source address (IPv4-mapped IPv6 written as IPv4). */
  readonly address: string
  readonly at: number
}

/** After an allowed visit from a browser: a response that takes over (e.g. a 302 into a sign-in), or null. */
export interface VisitHandoff {
  afterAllowedVisit(visit: VerifiedVisit): Promise<PartnerResponse | null>
}
