/** `link.visit.issue` and `link.visits`: one-time visit URLs and the visit log of both sides. */
import type { ApiHandlers } from '../../../../../shared/api'
import type { VisitLogEntry } from '../../../../../shared/model/sitelink-rules'
import { partnerName } from '../link-context'
import { linkNotFound } from '../link-lifecycle'
import { issueVisit, type VisitIssueDeps } from './visit-issue'
import { reasonText } from './visit-reasons'

type VisitMethods = Pick<ApiHandlers, 'link.visit.issue' | 'link.visits'>

export function createVisitHandlers(deps: VisitIssueDeps): VisitMethods {
  return {
    'link.visit.issue': (input) => issueVisit(deps, input),
    'link.visits': async (input) => {
      if (input.id !== undefined && deps.links.get(input.id) === null) throw linkNotFound(input.id)
      const rows = deps.log.page({ linkId: input.id, before: input.before, limit: input.limit })
      const page = rows.slice(0, input.limit)
      const names = new Map<string, string | null>()
      const nameOf = (linkId: string): string | null => {
        if (!names.has(linkId)) {
          const link = deps.links.get(linkId)
          names.set(linkId, link ? partnerName(link) : null)
        }
        return names.get(linkId)!
      }
      const entries: VisitLogEntry[] = page.map((row) => ({
        id: row.id,
        at: row.at,
        linkId: row.linkId,
        partnerName: row.linkId === null ? null : nameOf(row.linkId),
        side: row.side,
        employeeKey: row.employeeKey,
        employeeName: row.employeeName,
        address: row.address,
        decision: row.decision,
        permission: row.permission,
        ruleId: row.ruleId,
        reason: reasonText(row.reason, row.ruleId),
      }))
      return { entries, nextBefore: rows.length > input.limit ? page[page.length - 1]!.id : null }
    },
  }
}
