/**
 * The visit landing at the partner: `GET renkei-link/v1/visit/:token`, unsigned (the token is the
 * credential). Every outcome is a visit-log row and a history line; the answer is JSON for a client that
 * asks for it, else a page (or, for an allowed visit, whatever the hand-off answers: a sign-in redirect).
 */
import type { HistoryRepository } from '../../../history/history-repository'
import { linkCategory, partnerName } from '../link-context'
import { permissionLabels } from '../rules/rule-labels'
import type { PartnerResponse, PartnerRoute } from '../sitelink-ports'
import { checkVisit, type VisitCheckDeps, type VisitFinding } from './visit-check'
import { visitRoutePrefix } from './visit-issue'
import { visitPage } from './visit-page'
import type { VerifiedVisit, VisitHandoff } from './visit-ports'
import { reasonOf } from './visit-reasons'

export interface VisitRouteDeps extends VisitCheckDeps {
  readonly history: HistoryRepository
  readonly now: () => number
  readonly handoff: () => VisitHandoff | null
}

/** The address the accept rules see: IPv4-mapped IPv6 (`::ffff:10.1.2.3`) as plain IPv4. */
export function sourceAddress(remote: string): string {
  return remote.toLowerCase().startsWith('::ffff:') && remote.includes('.') ? remote.slice(7) : remote
}

/** JSON only when the client ranks it above HTML (a browser's `*\/*` never does). */
export function prefersJson(accept: string | null | undefined): boolean {
  if (!accept) return false
  let json = 0
  let html = 0
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1)
    const weight = Number.isFinite(q) ? q : 0
    if (type === 'application/json') json = Math.max(json, weight)
    if (type === 'text/html' || type === 'application/xhtml+xml') html = Math.max(html, weight)
  }
  return json > html
}

/** The documented JSON answer (sitelink README, "One-time visits"). */
export function visitAnswer(finding: VisitFinding) {
  const accept = finding.outcome?.accept ?? null
  const allowed = finding.code === 'allowed'
  return {
    decision: reasonOf(finding.code).decision,
    reason: finding.reason,
    visitor:
      finding.link && finding.visitor
        ? {
            partnerSiteId: finding.link.partnerKeyId,
            key: finding.visitor.key,
            name: finding.visitor.name,
            email: finding.visitor.email,
            partnerName: partnerName(finding.link),
          }
        : null,
    permission: accept?.permission ?? null,
    products: allowed ? (accept?.products ?? null) : null,
    view: allowed ? (accept?.view ?? null) : null,
    ruleId: accept?.ruleId ?? null,
  }
}

export function createVisitRoute(deps: VisitRouteDeps): PartnerRoute {
  return {
    method: 'GET',
    path: `${visitRoutePrefix}:token`,
    auth: 'none',
    async handle(request): Promise<PartnerResponse> {
      const at = deps.now()
      const address = sourceAddress(request.remoteAddress)
      const finding = await checkVisit(deps, request.params['token'] ?? '', address, at)
      record(deps, finding, address, at)
      const status = reasonOf(finding.code).status
      if (prefersJson(request.accept)) return { status, body: visitAnswer(finding) }
      const handoff = deps.handoff()
      if (handoff && finding.code === 'allowed') {
        const handed = await handoff.afterAllowedVisit(verified(finding, address, at))
        if (handed) return handed
      }
      return { status, html: visitPage(visitAnswer(finding)) }
    },
  }
}

function verified(finding: VisitFinding, address: string, at: number): VerifiedVisit {
  const link = finding.link!
  const visitor = finding.visitor!
  return {
    linkId: link.id,
    partnerName: partnerName(link),
    partnerKeyId: link.partnerKeyId,
    employee: { key: visitor.key, name: visitor.name ?? visitor.key, email: visitor.email },
    outcome: finding.outcome!,
    address,
    at,
  }
}

/** The visit log row and the history line (refusals at warning level); never the token. */
function record(deps: VisitRouteDeps, finding: VisitFinding, address: string, at: number): void {
  const { decision } = reasonOf(finding.code)
  const accept = finding.outcome?.accept ?? null
  const ruleId = accept?.ruleId ?? null
  deps.log.add({
    at,
    linkId: finding.link?.id ?? null,
    side: 'received',
    employeeKey: finding.visitor?.key ?? null,
    employeeName: finding.visitor?.name ?? null,
    address,
    decision,
    permission: accept?.permission ?? null,
    ruleId,
    reason: finding.code,
  })
  const who = finding.visitor
    ? {
        ja: `${finding.visitor.name ?? ''}（${finding.visitor.key}）`,
        en: `${finding.visitor.name ?? ''} (${finding.visitor.key})`,
      }
    : { ja: '不明な訪問者', en: 'an unknown visitor' }
  const head = {
    allowed: { ja: '訪問を受け入れました', en: 'Visit accepted' },
    denied: { ja: '訪問を拒否しました', en: 'Visit denied' },
    refused: { ja: '訪問URLを受け付けませんでした', en: 'Visit URL refused' },
  }[decision]
  const permission = accept && decision === 'allowed' ? permissionLabels[accept.permission] : null
  const rule = ruleId === null ? { ja: '', en: '' } : { ja: `（規則: ${ruleId}）`, en: ` (rule: ${ruleId})` }
  deps.history.append({
    ts: at,
    site: finding.link ? partnerName(finding.link) : '',
    direction: 'receive',
    category: linkCategory,
    level: decision === 'allowed' ? 'info' : 'warning',
    message: `${head.ja}: ${who.ja}、${address} から${permission ? `、権限 ${permission.ja}` : ''}。${finding.reason.ja}${rule.ja}`,
    messageEn: `${head.en}: ${who.en} from ${address}${permission ? `, ${permission.en} permission` : ''}. ${finding.reason.en}${rule.en}`,
    detail: {
      linkId: finding.link?.id ?? null,
      employeeKey: finding.visitor?.key ?? null,
      address,
      decision,
      reason: finding.code,
      ruleId,
    },
  })
}
