/**
 * This site's rules per link: read with their sync state and the partner's as received, saved whole after
 * every check (a refused save changes nothing), each save in the history, then `onSaved` listeners (the
 * wiring sends that link's rules at once). Also the rule sets others evaluate (visits, explain, visitors).
 */
import type { ParsedInput } from '../../../../../shared/api'
import { ApiError } from '../../../../../shared/model/errors'
import type { Localized } from '../../../../../shared/model/localized'
import {
  defaultAcceptRules,
  defaultVisitRules,
  type AcceptRuleSet,
  type LinkRules,
  type VisitRuleSet,
} from '../../../../../shared/model/sitelink-rules'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import type { HistoryRepository } from '../../../history/history-repository'
import type { Db } from '../../../store/database'
import { unknownLink } from '../exchange/exchange-messages'
import { linkCategory } from '../link-context'
import { homeRuleDirectory, partnerRuleDirectory, type RuleDirectory } from './rule-directories'
import { acceptReferenceProblems, visitReferenceProblems } from './rule-references'
import { checkAcceptRules, checkVisitRules } from './rule-checks'
import { RuleRepository } from './rule-repository'
import { RuleSync } from './rule-sync'

/** The links rules belong to (the exchange's view: any link this site has, and the active ones). */
export interface RuleLinks {
  has(linkId: string): boolean
  active(): readonly { readonly id: string; readonly siteName: string }[]
  /** The partner's name for the history and explanations. */
  name(linkId: string): string
}

export interface RuleServiceDeps {
  readonly db: Db
  readonly home: HomeDirectoryRepository
  readonly history: HistoryRepository
  readonly now: () => number
  readonly links: RuleLinks
  /** The admin name the site profile holds (who saved). */
  readonly actor: () => string
  /** When the outbox sends next for the link (null: nothing waiting). */
  readonly plannedSendAt: (linkId: string) => number | null
}

/** A partner's visit rules as this site evaluates them: groups resolved through the members sent along. */
export interface PartnerVisitRules {
  readonly set: VisitRuleSet
  readonly groupMembers: Readonly<Record<string, readonly string[]>>
}

export class RuleService {
  readonly repository: RuleRepository
  readonly sync: RuleSync
  private readonly listeners = new Set<(linkId: string) => void>()

  constructor(private readonly deps: RuleServiceDeps) {
    this.repository = new RuleRepository(deps.db)
    this.sync = new RuleSync(deps.db, this.repository)
  }

  onSaved(listener: (linkId: string) => void): void {
    this.listeners.add(listener)
  }

  get links(): RuleLinks {
    return this.deps.links
  }

  get(linkId: string): LinkRules {
    this.known(linkId)
    const visit = this.repository.visit(linkId)
    const accept = this.repository.accept(linkId)
    const planned = this.deps.plannedSendAt(linkId)
    const partnerVisit = this.sync.partnerVisit(linkId)
    const partnerAccept = this.sync.partnerAccept(linkId)
    return {
      linkId,
      visit: visit.set,
      visitSync: this.sync.sync(linkId, 'visit', visit, planned),
      accept: accept.set,
      acceptSync: this.sync.sync(linkId, 'accept', accept, planned),
      partnerVisit: partnerVisit && { everyone: partnerVisit.everyone, targets: partnerVisit.targets },
      partnerAccept: partnerAccept && { rules: partnerAccept.rules },
    }
  }

  update(input: ParsedInput<'link.rules.update'>): LinkRules {
    this.known(input.id)
    const { visit, accept } = input
    if (visit === undefined && accept === undefined) return this.get(input.id)
    refuseProblems(this.problems(input.id, { visit, accept }))
    this.repository.save(input.id, { visit, accept }, this.deps.now(), this.deps.actor())
    this.record(input.id, { visit: visit !== undefined, accept: accept !== undefined })
    for (const listener of this.listeners) listener(input.id)
    return this.get(input.id)
  }

  /** Every problem of the sets (shape, then codes that do not exist), empty when they may be saved. */
  problems(linkId: string, sets: { visit?: VisitRuleSet; accept?: AcceptRuleSet }): Localized[] {
    const home = this.homeDirectory()
    const problems: Localized[] = []
    if (sets.visit)
      problems.push(...checkVisitRules(sets.visit), ...visitReferenceProblems(sets.visit, home.names))
    if (sets.accept) {
      const partner = partnerRuleDirectory(this.deps.db, linkId, {})
      problems.push(
        ...checkAcceptRules(sets.accept),
        ...acceptReferenceProblems(sets.accept, partner.names, home.names),
      )
    }
    return problems
  }

  homeDirectory(): RuleDirectory {
    return homeRuleDirectory(this.deps.home)
  }

  /** The partner's people as received, with its groups as its visit rules sent them. */
  partnerDirectory(linkId: string): RuleDirectory {
    return partnerRuleDirectory(this.deps.db, linkId, this.partnerVisit(linkId).groupMembers)
  }

  /** The partner's visit rules as received; its defaults (everyone) until it sent some. */
  partnerVisit(linkId: string): PartnerVisitRules {
    const received = this.sync.partnerVisit(linkId)
    return received
      ? {
          set: { everyone: received.everyone, targets: received.targets },
          groupMembers: received.groupMembers,
        }
      : { set: defaultVisitRules, groupMembers: {} }
  }

  /** The partner's accept rules as received; its defaults until it sent some. */
  partnerAccept(linkId: string): AcceptRuleSet {
    return this.sync.partnerAccept(linkId) ?? defaultAcceptRules
  }

  known(linkId: string): void {
    if (!this.deps.links.has(linkId)) throw unknownLink(linkId)
  }

  private record(linkId: string, saved: { visit: boolean; accept: boolean }): void {
    const visit = this.repository.visit(linkId).version
    const accept = this.repository.accept(linkId).version
    const what = [
      saved.visit ? { ja: `訪問設定（版 ${visit}）`, en: `visit rules (version ${visit})` } : null,
      saved.accept ? { ja: `受入設定（版 ${accept}）`, en: `accept rules (version ${accept})` } : null,
    ].filter((w): w is Localized => w !== null)
    const actor = this.deps.actor()
    this.deps.history.append({
      direction: 'local',
      category: linkCategory,
      level: 'info',
      site: this.deps.links.name(linkId),
      message: `${what.map((w) => w.ja).join('と')}を保存しました: ${actor}`,
      messageEn: `Saved the ${what.map((w) => w.en).join(' and ')}: ${actor}`,
      detail: {
        linkId,
        visitVersion: saved.visit ? visit : null,
        acceptVersion: saved.accept ? accept : null,
      },
    })
  }
}

/** One ja/en error listing every problem; nothing was changed. */
export function refuseProblems(problems: readonly Localized[]): void {
  if (problems.length === 0) return
  throw new ApiError(
    'invalid-input',
    {
      ja: `ルールを保存できません。何も変更していません。\n${problems.map((p) => `・${p.ja}`).join('\n')}`,
      en: `The rules cannot be saved. Nothing was changed.\n${problems.map((p) => `- ${p.en}`).join('\n')}`,
    },
    { problems },
  )
}
