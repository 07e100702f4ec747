/**
 * The landing's checks, in order: well-formed → signed by a linked, active partner → signature → meant for
 * this site → not expired (nor issued in the future) → not used before → a known, active employee of that
 * partner → the partner's visit rules → this site's accept rules for the source address. The first that
 * fails decides; nothing after it is looked at.
 */
import type { Localized } from '../../../../../shared/model/localized'
import { defaultVisitRules, type VisitOutcome } from '../../../../../shared/model/sitelink-rules'
import type { Db } from '../../../store/database'
import type { LinkRepository, StoredLink } from '../link-repository'
import { decideAccept, decideOutcome } from '../rules/accept-rules'
import { decideVisit } from '../rules/visit-rules'
import type { SiteKey } from '../sitelink-ports'
import type { VisitLogRepository } from './visit-log-repository'
import type { VisitRuleSource } from './visit-ports'
import { partnerRuleDirectory } from '../rules/rule-directories'
import { partnerVisitor } from './visit-people'
import { reasonOf, type VisitReasonCode } from './visit-reasons'
import { parseVisitToken, visitSignatureValid } from './visit-token'

/** A partner's clock may run a little ahead of this one. */
export const visitClockSkewMs = 5_000

export interface VisitCheckDeps {
  readonly db: Db
  readonly links: LinkRepository
  readonly rules: VisitRuleSource
  readonly log: VisitLogRepository
  readonly siteKey: SiteKey
}

/** What the landing found: the deciding reason and as much of the visit as was verified by then. */
export interface VisitFinding {
  readonly code: VisitReasonCode
  readonly reason: Localized
  readonly link: StoredLink | null
  /** Only once the signature is verified: an unverified `sub` names nobody. */
  readonly visitor: {
    readonly key: string
    readonly name: string | null
    readonly email: string | null
  } | null
  readonly outcome: VisitOutcome | null
}

export async function checkVisit(
  deps: VisitCheckDeps,
  token: string,
  address: string,
  now: number,
): Promise<VisitFinding> {
  const stop = (
    code: VisitReasonCode,
    found: Partial<Pick<VisitFinding, 'link' | 'visitor' | 'outcome' | 'reason'>> = {},
  ): VisitFinding => ({
    code,
    reason: found.reason ?? reasonOf(code),
    link: found.link ?? null,
    visitor: found.visitor ?? null,
    outcome: found.outcome ?? null,
  })
  const parsed = parseVisitToken(token)
  if (!parsed) return stop('malformed')
  const { payload } = parsed
  const link = deps.links.activeByKey(payload.iss)
  if (!link || link.state !== 'linked' || link.paused) return stop('unknown-signer')
  if (!visitSignatureValid(parsed, link.partnerPublicKey)) return stop('bad-signature', { link })
  const unnamed = { key: payload.sub, name: null, email: null }
  if (payload.aud !== (await deps.siteKey.publicKey()).keyId)
    return stop('wrong-audience', { link, visitor: unnamed })
  if (payload.exp <= now) return stop('expired', { link, visitor: unnamed })
  if (payload.iat > now + visitClockSkewMs) return stop('not-yet-valid', { link, visitor: unnamed })
  if (!deps.log.useToken(`${payload.iss}.${payload.jti}`, payload.exp, now))
    return stop('replayed', { link, visitor: unnamed })

  const received = deps.rules.partnerVisitRules(link.id)
  const directory = partnerRuleDirectory(deps.db, link.id, received?.groupMembers ?? {})
  const person = partnerVisitor(deps.db, link.id, directory, payload.sub)
  if (!person) return stop('unknown-visitor', { link, visitor: unnamed })
  const visitor = { key: payload.sub, name: person.name, email: person.email }
  if (!person.active) return stop('inactive-visitor', { link, visitor })
  const { tree } = directory
  const visit = decideVisit(received?.rules ?? defaultVisitRules, person.subject, tree, directory.names)
  if (!visit.allowed) {
    const outcome = decideOutcome(visit, null)
    return stop('partner-visit-rules', { link, visitor, outcome })
  }
  const accept = decideAccept(
    deps.rules.myAcceptRules(link.id),
    person.subject,
    tree,
    directory.names,
    address,
  )
  const outcome = decideOutcome(visit, accept)
  if (!outcome.allowed) return stop('accept-none', { link, visitor, outcome, reason: outcome.reason })
  return stop('allowed', { link, visitor, outcome, reason: outcome.reason })
}
