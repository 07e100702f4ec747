/**
 * The partner endpoint's feed route: `GET renkei-link/v1/feeds/:token`, unsigned (a groupware subscribes to
 * it like any calendar URL); the token is the secret (`feed-tokens.ts`). Every refusal is the same 404, so a
 * wrong, altered or revoked token tells nothing about which links or employees exist.
 */
import type { Language } from '../../../../shared/model/localized'
import type { LinkScheduleItem } from '../../../../shared/model/sitelink'
import type { PartnerResponse, PartnerRoute } from './sitelink-ports'
import type { FeedTokens } from './feed-tokens'
import { writeFeed } from './feed-writer'

/** The partner schedules received on a link (the receiving side stores them). */
export interface PartnerSchedules {
  /** One partner employee's occurrences, or (null) every employee's of that partner site. */
  itemsFor(linkId: string, employeeKey: string | null): Promise<Iterable<LinkScheduleItem>>
}

/** Names for the feeds, from the partner directory a link received. */
export interface FeedDirectory {
  /** The partner site's display name (site name, else company name); null: no such link. */
  siteName(linkId: string): string | null
  /** The partner's employees by key with their display names; empty for an unknown link. */
  employees(linkId: string): readonly { readonly key: string; readonly name: string }[]
}

export interface FeedRouteDeps {
  readonly tokens: FeedTokens
  readonly schedules: PartnerSchedules
  readonly directory: FeedDirectory
  readonly language: () => Language
  readonly now: () => number
}

export const feedRoutePath = 'renkei-link/v1/feeds/:token'

const notFound: PartnerResponse = {
  status: 404,
  text: 'Not found\n',
  contentType: 'text/plain; charset=utf-8',
}

/** The calendar's name: the employee and their site, or the site alone. */
function feedName(directory: FeedDirectory, linkId: string, employeeKey: string | null): string | null {
  const site = directory.siteName(linkId)
  if (site === null || employeeKey === null) return site
  const employee = directory.employees(linkId).find((e) => e.key === employeeKey)
  return employee ? `${employee.name} (${site})` : null
}

export function createFeedRoute(deps: FeedRouteDeps): PartnerRoute {
  return {
    method: 'GET',
    path: feedRoutePath,
    auth: 'none',
    async handle(request) {
      const feed = await deps.tokens.verify(request.params['token'] ?? '')
      const name = feed ? feedName(deps.directory, feed.linkId, feed.employeeKey) : null
      if (!feed || name === null) return notFound
      const items = await deps.schedules.itemsFor(feed.linkId, feed.employeeKey)
      const text = writeFeed({ name, linkId: feed.linkId, items, language: deps.language(), now: deps.now() })
      return { status: 200, text, contentType: 'text/calendar; charset=utf-8' }
    },
  }
}
