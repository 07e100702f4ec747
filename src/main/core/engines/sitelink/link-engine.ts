/**
 * The site link records and their life cycle: this site's profile, requests, links, transitions. The
 * outbox and receive side use `isActive` / `activeLinks`, fill summaries through `useActivity` and hear
 * start, relink and unlink through `listen`.
 */
import {
  recommendedLinkedSites,
  type LinkDetail,
  type LinkList,
  type LinkSummary,
} from '../../../../shared/model/sitelink'
import type { HistoryRepository } from '../../history/history-repository'
import type { Db } from '../../store/database'
import { noActivity, type LinkActivity, type LinkHooks } from './link-activity'
import type { LinkContext } from './link-context'
import { linkPartnerKeys } from './link-keys'
import { linkNotFound } from './link-lifecycle'
import { LinkRepository, type StoredLink } from './link-repository'
import { linkRoutes } from './link-routes'
import type { PartnerClient, PartnerKeys, PartnerRoute, SiteKey } from './sitelink-ports'
import { SiteProfileStore } from './site-profile-store'

export interface LinkEngineDeps {
  readonly db: Db
  readonly client: PartnerClient
  readonly siteKey: SiteKey
  readonly history: HistoryRepository
  readonly now: () => number
  /** Every change of a link or request (the API's `link.changed`, the health model). */
  readonly onChange: (list: LinkList) => void
}

export class LinkEngine {
  readonly context: LinkContext
  readonly links: LinkRepository
  private activity: LinkActivity = noActivity
  private readonly hooks = new Set<LinkHooks>()

  constructor(deps: LinkEngineDeps) {
    this.links = new LinkRepository(deps.db)
    this.context = {
      links: this.links,
      site: new SiteProfileStore(deps.db),
      client: deps.client,
      siteKey: deps.siteKey,
      history: deps.history,
      now: deps.now,
      hooks: () => [...this.hooks],
      changed: () => deps.onChange(this.list()),
    }
  }

  /** The outbox's view of sending and receiving, shown in every summary. */
  useActivity(activity: LinkActivity): void {
    this.activity = activity
  }

  /** Hooks the outbox and receive side need; returns the function that removes them. */
  listen(hooks: LinkHooks): () => void {
    this.hooks.add(hooks)
    return () => this.hooks.delete(hooks)
  }

  /** Linked and not paused: data may be sent to and received from this partner. */
  isActive(linkId: string): boolean {
    const link = this.links.get(linkId)
    return link !== null && link.state === 'linked' && !link.paused
  }

  activeLinks(): StoredLink[] {
    return this.links.list().filter((link) => link.state === 'linked' && !link.paused)
  }

  routes(): PartnerRoute[] {
    return linkRoutes(this.context)
  }

  partnerKeys(): PartnerKeys {
    return linkPartnerKeys(this.links)
  }

  summary(link: StoredLink): LinkSummary {
    const { id, partner, role, state, paused, pauseReason } = link
    const activity = this.activity.activity(id)
    // Nothing goes to a link that is pending, paused or unlinked: no planned send to show for it.
    const active = this.isActive(id)
    return {
      id,
      partner,
      role,
      state,
      paused,
      pauseReason,
      ...activity,
      plannedSendAt: active ? activity.plannedSendAt : null,
      plannedKinds: active ? activity.plannedKinds : [],
      lastError: activity.lastError ?? link.noticeError,
    }
  }

  list(): LinkList {
    const links = this.links.list()
    const activeCount = links.filter((link) => link.state === 'pending' || link.state === 'linked').length
    const warning =
      activeCount > recommendedLinkedSites
        ? {
            ja: `連携サイトが ${activeCount} あります。推奨は ${recommendedLinkedSites} サイトまでです。送信1回あたりの時間と受信の頻度が増えます。`,
            en: `${activeCount} sites are linked; up to ${recommendedLinkedSites} is recommended. Each send takes longer and receipts come more often.`,
          }
        : null
    return { links: links.map((link) => this.summary(link)), activeCount, warning }
  }

  detail(id: string): LinkDetail {
    const link = this.links.get(id)
    if (!link) throw linkNotFound(id)
    return {
      summary: this.summary(link),
      transitions: this.links.transitions(id),
      partnerKeyId: link.partnerKeyId,
    }
  }
}
