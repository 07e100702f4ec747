import type { HistoryFacets } from '../../../shared/api'
import type { Db } from '../store/database'
import { sitePrefixRange, type SiteMatch } from './history-query'

/** Enough for a pick list; an installation with more partner sites types a prefix instead. */
export const maxFacetValues = 500

/**
 * Distinct values of an indexed column, in order: SQLite answers DISTINCT on the (column, ts, id) index
 * by skipping from one value to the next, so the cost follows the number of values, not of entries.
 */
function distinct(db: Db, column: 'site' | 'category', limit: number): string[] {
  return db
    .prepare(`SELECT DISTINCT ${column} FROM history WHERE ${column} > '' ORDER BY ${column} LIMIT @limit`)
    .pluck()
    .all({ limit }) as string[]
}

/** The sites (entries about this machine have none) and categories the history holds, in sort order. */
export function historyFacets(db: Db, limit = maxFacetValues): HistoryFacets {
  const sites = distinct(db, 'site', limit + 1)
  const categories = distinct(db, 'category', limit + 1)
  return {
    sites: sites.slice(0, limit),
    categories: categories.slice(0, limit),
    truncated: sites.length > limit || categories.length > limit,
  }
}

/** Past this many matches a sort costs more than walking newest first and testing the site. */
const sortableMatches = 10_000

/**
 * How to serve a site prefix (the entries are the same either way). A prefix that only one site has
 * becomes that exact name — the common case, a name picked from the list. Otherwise the number of
 * matches (counted on the index, capped) decides between sorting them and walking by time.
 */
export function siteMatchFor(
  db: Db,
  prefix: string | undefined,
): { readonly match?: SiteMatch; readonly name?: string } {
  if (!prefix) return {}
  const range = sitePrefixRange(prefix)
  const names = db
    .prepare('SELECT DISTINCT site FROM history WHERE site >= @site AND site < @siteEnd LIMIT 2')
    .pluck()
    .all(range) as string[]
  if (names.length === 1) return { match: 'exact', name: names[0] }
  if (names.length === 0) return { match: 'range' }
  const matches = db
    .prepare(
      'SELECT count(*) FROM (SELECT 1 FROM history WHERE site >= @site AND site < @siteEnd LIMIT @cap)',
    )
    .pluck()
    .get({ ...range, cap: sortableMatches + 1 }) as number
  return { match: matches > sortableMatches ? 'scan' : 'range' }
}
