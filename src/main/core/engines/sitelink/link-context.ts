/** What every part of the link engine shares: records, profile, partner calls, history and the seams. */
import type { LinkTransitionKind } from '../../../../shared/model/sitelink'
import type { Localized } from '../../../../shared/model/localized'
import type { Direction } from '../../../../shared/model/history'
import type { HistoryRepository } from '../../history/history-repository'
import type { LinkHooks } from './link-activity'
import type { LinkRepository, StoredLink } from './link-repository'
import { transitionName } from './link-states'
import type { PartnerClient, SiteKey } from './sitelink-ports'
import type { SiteProfileStore } from './site-profile-store'

export interface LinkContext {
  readonly links: LinkRepository
  readonly site: SiteProfileStore
  readonly client: PartnerClient
  readonly siteKey: SiteKey
  readonly history: HistoryRepository
  readonly now: () => number
  readonly hooks: () => readonly LinkHooks[]
  /** A link or request changed: the UI and the health model hear of it. */
  changed(): void
  /** This site's link URL changed (before partners are told, so their calls find the new path). */
  linkUrlChanged(linkUrl: string): void
}

/** The transport's endpoint writes here too: one history filter shows everything about site links. */
export const linkCategory = 'sitelink'

/** The name a partner is shown by: its site name when set, else its company name (seed). */
export function partnerName(link: Pick<StoredLink, 'partner'>): string {
  return link.partner.siteName ?? link.partner.companyName
}

/**
 * Stores one transition in the link's リンク情報 and the history (category 'sitelink', the partner's name as
 * the site). `direction` 'receive' when the partner did it.
 */
export function recordTransition(
  ctx: LinkContext,
  link: StoredLink,
  kind: LinkTransitionKind,
  entry: {
    readonly at: number
    readonly actor: string
    readonly siteName: string
    readonly direction: Direction
  },
  detail?: unknown,
): void {
  ctx.links.addTransition(link.id, { kind, at: entry.at, actor: entry.actor, siteName: entry.siteName })
  const name = transitionName(kind)
  ctx.history.append({
    ts: entry.at,
    site: partnerName(link),
    direction: entry.direction,
    category: linkCategory,
    level: 'info',
    message: `${name.ja}: ${entry.actor}（${entry.siteName}）`,
    messageEn: `${name.en[0]!.toUpperCase()}${name.en.slice(1)}: ${entry.actor} (${entry.siteName})`,
    detail: { linkId: link.id, kind, ...(detail === undefined ? {} : { detail }) },
  })
}

/** A failure to reach the partner, kept on the link (health warns) and in the history. */
export function recordNoticeFailure(
  ctx: LinkContext,
  link: StoredLink,
  kind: LinkTransitionKind,
  reason: Localized,
): void {
  ctx.links.setNoticeError(link.id, { ja: reason.ja, en: reason.en })
  const name = transitionName(kind)
  ctx.history.append({
    site: partnerName(link),
    direction: 'send',
    category: linkCategory,
    level: 'warning',
    message: `${name.ja}を相手先に伝えられませんでした: ${reason.ja}`,
    messageEn: `Could not tell the partner about the ${name.en}: ${reason.en}`,
    detail: { linkId: link.id, kind },
  })
}

/** The ja/en reason of a failed partner call: the transport's or the partner's own words when it gave them. */
export function reasonOf(error: unknown): Localized {
  const localized = (error as { localized?: unknown } | null)?.localized
  if (
    typeof localized === 'object' &&
    localized !== null &&
    typeof (localized as Localized).ja === 'string' &&
    typeof (localized as Localized).en === 'string'
  ) {
    return localized as Localized
  }
  const message = error instanceof Error ? error.message : String(error)
  return {
    ja: `相手先と通信できませんでした（${message}）`,
    en: `The partner could not be reached (${message})`,
  }
}
