/** `link.feeds`: the secret feed URLs of a link's partner schedules, for the admin to give the groupware. */
import type { ParsedInput } from '../../../../shared/api'
import { ApiError } from '../../../../shared/model/errors'
import type { LinkFeedUrl, LinkFeeds } from '../../../../shared/model/sitelink'
import type { FeedTokens } from './feed-tokens'
import type { FeedDirectory } from './feed-route'

export interface FeedHandlerDeps {
  readonly tokens: FeedTokens
  readonly directory: FeedDirectory
  /** This site's link URL (where the partner endpoint answers); null until it is set. */
  readonly linkUrl: () => string | null
}

function feedUrl(linkUrl: string, token: string): string {
  return `${linkUrl.endsWith('/') ? linkUrl : `${linkUrl}/`}renkei-link/v1/feeds/${token}`
}

export function createFeedHandlers(deps: FeedHandlerDeps) {
  return {
    'link.feeds': async ({ id }: ParsedInput<'link.feeds'>): Promise<LinkFeeds> => {
      const site = deps.directory.siteName(id)
      if (site === null) {
        throw new ApiError('not-found', {
          ja: `連携「${id}」はありません。連携の一覧から選んでください。`,
          en: `There is no link "${id}". Pick one from the list of links.`,
        })
      }
      const linkUrl = deps.linkUrl()
      if (linkUrl === null) {
        throw new ApiError('invalid-input', {
          ja: 'このサイトの連携URLが設定されていないため、フィードのURLを作れません。先に連携URLを設定してください。',
          en: "This site's link URL is not set, so there is no feed URL to give. Set the link URL first.",
        })
      }
      const url = async (employeeKey: string | null): Promise<string> =>
        feedUrl(linkUrl, await deps.tokens.tokenFor({ linkId: id, employeeKey }))
      const employees: LinkFeedUrl[] = []
      for (const employee of deps.directory.employees(id)) {
        employees.push({ employeeKey: employee.key, name: employee.name, url: await url(employee.key) })
      }
      return { linkId: id, site: { employeeKey: null, name: site, url: await url(null) }, employees }
    },
  }
}

/**
 * The partner directory before the link store is wired in (handshake and receiving land separately):
 * there are no links, so every `link.feeds` call answers "no such link" and every feed URL 404.
 */
export const noLinksYet: FeedDirectory = { siteName: () => null, employees: () => [] }
