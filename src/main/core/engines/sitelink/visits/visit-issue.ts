/**
 * `link.visit.issue` at home: a one-time visit URL for one employee to one partner. Refusals (link not
 * active, unknown or inactive employee, outside this site's visit rules) are a ja/en error and a visit-log
 * row; the token itself goes only into the answer, never into the log or the history.
 */
import { ApiError } from '../../../../../shared/model/errors'
import type { Localized } from '../../../../../shared/model/localized'
import type { VisitTicket } from '../../../../../shared/model/sitelink-rules'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import { partnerName } from '../link-context'
import { linkNotFound } from '../link-lifecycle'
import type { LinkRepository, StoredLink } from '../link-repository'
import { decideVisit } from '../rules/visit-rules'
import type { SiteKey } from '../sitelink-ports'
import type { VisitLogRepository } from './visit-log-repository'
import type { VisitRuleSource } from './visit-ports'
import { homeRuleDirectory } from '../rules/rule-directories'
import { homeVisitor, type VisitPerson } from './visit-people'
import { reasonOf, type VisitReasonCode } from './visit-reasons'
import { issueVisitToken } from './visit-token'

export const visitRoutePrefix = 'renkei-link/v1/visit/'

export interface VisitIssueDeps {
  readonly links: LinkRepository
  readonly home: HomeDirectoryRepository
  readonly rules: VisitRuleSource
  readonly log: VisitLogRepository
  readonly siteKey: SiteKey
  readonly now: () => number
}

export async function issueVisit(
  deps: VisitIssueDeps,
  input: { readonly id: string; readonly employeeKey: string },
): Promise<VisitTicket> {
  const link = deps.links.get(input.id)
  if (!link) throw linkNotFound(input.id)
  const directory = homeRuleDirectory(deps.home)
  const person = homeVisitor(deps.home, directory, input.employeeKey)
  const at = deps.now()
  const refuse = (code: VisitReasonCode, detail?: Localized): ApiError => {
    deps.log.add({
      at,
      linkId: link.id,
      side: 'issued',
      employeeKey: input.employeeKey,
      employeeName: person?.name ?? null,
      address: null,
      decision: 'denied',
      permission: null,
      ruleId: null,
      reason: code,
    })
    return refusal(link, input.employeeKey, person, detail ?? reasonOf(code))
  }
  if (link.state !== 'linked' || link.paused) throw refuse('link-inactive')
  if (!person) throw refuse('unknown-employee')
  if (!person.active) throw refuse('inactive-employee')
  const visit = decideVisit(deps.rules.myVisitRules(link.id), person.subject, directory.tree, directory.names)
  if (!visit.allowed) throw refuse('visit-rules')
  const { token, payload } = await issueVisitToken(deps.siteKey, {
    aud: link.partnerKeyId,
    sub: input.employeeKey,
    iat: at,
  })
  deps.log.add({
    at,
    linkId: link.id,
    side: 'issued',
    employeeKey: input.employeeKey,
    employeeName: person.name,
    address: null,
    decision: 'allowed',
    permission: null,
    ruleId: visit.trail.find((step) => step.decisive)?.ruleId ?? null,
    reason: 'issued',
  })
  return {
    url: `${link.partner.linkUrl}${visitRoutePrefix}${token}`,
    linkId: link.id,
    employeeKey: input.employeeKey,
    expiresAt: payload.exp,
  }
}

function refusal(link: StoredLink, key: string, person: VisitPerson | null, reason: Localized): ApiError {
  const who = person ? `${person.name}（${key}）` : key
  const whoEn = person ? `${person.name} (${key})` : key
  return new ApiError('invalid-input', {
    ja: `${who} の「${partnerName(link)}」への訪問URLは発行できません。${reason.ja}何も発行していません。`,
    en: `No visit URL for ${whoEn} to "${partnerName(link)}". ${reason.en} Nothing was issued.`,
  })
}
