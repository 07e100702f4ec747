/**
 * The accounts the provider signs in: a visitor is known from the moment their login grant is consumed
 * until their sign-in can no longer need the claims (the session's lifetime). The subject is
 * `<partnerKeyId>:<employee key>`: unique per partner site, stable across visits, readable by the RP.
 */
import type { LinkProduct, ViewRestriction } from '../../../../../shared/model/sitelink-rules'
import type { VerifiedVisit } from '../visits/visit-ports'

export interface VisitorClaims {
  readonly sub: string
  readonly name: string
  readonly email?: string
  readonly renkei_permission: string
  /** null: every product. */
  readonly renkei_products: readonly LinkProduct[] | null
  readonly renkei_view: ViewRestriction | null
  readonly renkei_partner: string
  readonly renkei_rule: string
}

/** Claims per scope: the Renkei ones travel with `profile`, so standard scopes are enough. */
export const scopeClaims = {
  openid: ['sub'],
  profile: ['name', 'renkei_permission', 'renkei_products', 'renkei_view', 'renkei_partner', 'renkei_rule'],
  email: ['email'],
}

export const visitorSubject = (visit: VerifiedVisit): string => `${visit.partnerKeyId}:${visit.employee.key}`

export function visitorClaims(visit: VerifiedVisit): VisitorClaims | null {
  const accept = visit.outcome.accept
  if (!visit.outcome.allowed || accept === null || accept.permission === 'none') return null
  return {
    sub: visitorSubject(visit),
    name: visit.employee.name,
    ...(visit.employee.email ? { email: visit.employee.email } : {}),
    renkei_permission: accept.permission,
    renkei_products: accept.products,
    renkei_view: accept.view,
    renkei_partner: visit.partnerName,
    renkei_rule: accept.ruleId,
  }
}

export class VisitorAccounts {
  private readonly known = new Map<string, { claims: VisitorClaims; until: number }>()

  constructor(
    private readonly now: () => number,
    private readonly lifetimeMs: number,
  ) {}

  remember(claims: VisitorClaims): void {
    const now = this.now()
    for (const [sub, entry] of this.known) if (entry.until <= now) this.known.delete(sub)
    this.known.set(claims.sub, { claims, until: now + this.lifetimeMs })
  }

  find(sub: string): VisitorClaims | null {
    const entry = this.known.get(sub)
    return entry !== undefined && entry.until > this.now() ? entry.claims : null
  }
}
