import type { HistoryCursor, HistoryFilter } from '../../../shared/api'

export interface SqlWhere {
  /** `history`, or the trigram index's hits joined to it when free text can use the index. */
  readonly from: string
  readonly sql: string
  readonly params: Record<string, string | number>
}

export interface WhereOptions {
  readonly cursor?: HistoryCursor
  /** Imports still writing: their entries stay invisible until the import completes. */
  readonly hiddenImports?: readonly number[]
  /** The month indexes free text of 3+ characters narrows through; without them, the LIKE alone. */
  readonly textParts?: readonly string[]
  /** Only entries up to this id: what a count saw, so an export writes those and no later arrivals. */
  readonly throughId?: number
  /** How the site prefix is served (same entries either way); the repository picks it, see `siteMatchFor`. */
  readonly siteMatch?: SiteMatch
}

/**
 * - `exact`: one site has the prefix: equality, whose (site, ts, id) index is already newest first.
 * - `range`: a range on that index, then a sort — cheap while few entries match.
 * - `scan`: many entries of several sites match: walk newest first by time and test the site
 *   (`+site` keeps the planner off the site index, which would sort every match for one page).
 */
export type SiteMatch = 'exact' | 'range' | 'scan'

/** The trigram tokenizer indexes 3-character sequences: shorter text cannot use the index. */
export const minIndexedTextLength = 3

/** LIKE with the user's text taken literally: %, _ and \ lose their wildcard meaning. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Above every character: a string starting with the prefix sorts below prefix + this (BINARY order). */
const highestChar = String.fromCodePoint(0x10ffff)

/**
 * Site names match from their start ("山田" finds 山田商事), as a range on the BINARY index
 * (site, ts, id): typed text is taken literally (%, _ and \ are plain characters, not wildcards) and
 * a prefix is as cheap to count as an exact name, even on millions of entries.
 */
export function sitePrefixRange(prefix: string): { readonly site: string; readonly siteEnd: string } {
  return { site: prefix, siteEnd: prefix + highestChar }
}

/** Free text as it always matched: a literal substring of the Japanese or English message. */
export const likeClause = `(message LIKE @text ESCAPE '\\' OR message_en LIKE @text ESCAPE '\\')`

/** Enough trigrams to be selective; more only cost index lookups (the LIKE decides anyway). */
const maxQueryTrigrams = 24

/**
 * The index holds no positions, so the query asks for entries holding every trigram of the text
 * (each one a quoted FTS5 string, a double quote written twice): a superset the LIKE then narrows.
 */
export function ftsQuery(text: string): string {
  const chars = [...text]
  const trigrams = new Set<string>()
  for (let i = 0; i + minIndexedTextLength <= chars.length; i++) {
    trigrams.add(chars.slice(i, i + minIndexedTextLength).join(''))
  }
  return [...trigrams]
    .slice(0, maxQueryTrigrams)
    .map((trigram) => `"${trigram.replace(/"/g, '""')}"`)
    .join(' AND ')
}

export function usesTextIndex(text: string | undefined): text is string {
  return text !== undefined && [...text].length >= minIndexedTextLength
}

/**
 * The month indexes find candidates (a superset: no positions, stale trigrams, and wider case folding
 * than LIKE) and the LIKE keeps the exact meaning free text always had. UNION drops a rowid proposed
 * twice; CROSS JOIN makes SQLite walk the hits, not the table.
 */
function indexedFrom(parts: readonly string[]): string {
  const hits = parts
    .filter((name) => /^history_fts_\w+$/.test(name))
    .map((name) => `SELECT rowid AS hit FROM ${name} WHERE ${name} MATCH @fts`)
    .join(' UNION ')
  return `(${hits}) AS hits CROSS JOIN history ON history.id = hits.hit`
}

/**
 * Builds the WHERE clause shared by search, count and export, so the 10,000-row rule counts
 * exactly the entries the list shows. The cursor is a row-value comparison SQLite serves from the
 * (…, ts, id) indexes, which keeps page 1,000 as fast as page 1.
 */
export function buildWhere(filter: HistoryFilter, options: WhereOptions = {}): SqlWhere {
  const clauses: string[] = []
  const params: Record<string, string | number> = {}
  const equal = (column: 'direction' | 'category' | 'level', value: string | undefined): void => {
    if (value === undefined || value === '') return
    clauses.push(`${column} = @${column}`)
    params[column] = value
  }
  if (filter.site) {
    const match = options.siteMatch ?? 'range'
    if (match === 'exact') clauses.push('site = @site')
    else
      clauses.push(
        match === 'scan' ? '+site >= @site AND +site < @siteEnd' : 'site >= @site AND site < @siteEnd',
      )
    Object.assign(params, match === 'exact' ? { site: filter.site } : sitePrefixRange(filter.site))
  }
  equal('direction', filter.direction)
  equal('category', filter.category)
  equal('level', filter.level)
  if (filter.from !== undefined) {
    clauses.push('ts >= @from')
    params.from = filter.from
  }
  if (filter.to !== undefined) {
    clauses.push('ts < @to')
    params.to = filter.to
  }
  let from = 'history'
  if (filter.text) {
    clauses.push(likeClause)
    params.text = likePattern(filter.text)
    if (options.textParts?.length && usesTextIndex(filter.text)) {
      from = indexedFrom(options.textParts)
      params.fts = ftsQuery(filter.text)
    }
  }
  if (options.cursor) {
    clauses.push('(ts, id) < (@cursorTs, @cursorId)')
    params.cursorTs = options.cursor.ts
    params.cursorId = options.cursor.id
  }
  if (options.throughId !== undefined) {
    clauses.push('id <= @throughId')
    params.throughId = options.throughId
  }
  if (options.hiddenImports?.length) {
    const ids = options.hiddenImports.map((id) => Math.trunc(Number(id))).join(', ')
    clauses.push(`(import_id IS NULL OR import_id NOT IN (${ids}))`)
  }
  return { from, sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}
