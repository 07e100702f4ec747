import type { HistoryCursor, HistoryFilter } from '../../../shared/api'

export interface SqlWhere {
  readonly sql: string
  readonly params: Record<string, string | number>
}

/** LIKE with the user's text taken literally: %, _ and \ lose their wildcard meaning. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Builds the WHERE clause shared by search, count and export, so the 10,000-row rule counts
 * exactly the entries the list shows. The cursor is a row-value comparison SQLite serves from the
 * (…, ts, id) indexes, which keeps page 1,000 as fast as page 1.
 */
export function buildWhere(filter: HistoryFilter, cursor?: HistoryCursor): SqlWhere {
  const clauses: string[] = []
  const params: Record<string, string | number> = {}
  const equal = (column: 'site' | 'direction' | 'category' | 'level', value: string | undefined): void => {
    if (value === undefined || value === '') return
    clauses.push(`${column} = @${column}`)
    params[column] = value
  }
  equal('site', filter.site)
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
  if (filter.text) {
    clauses.push(`(message LIKE @text ESCAPE '\\' OR message_en LIKE @text ESCAPE '\\')`)
    params.text = likePattern(filter.text)
  }
  if (cursor) {
    clauses.push('(ts, id) < (@cursorTs, @cursorId)')
    params.cursorTs = cursor.ts
    params.cursorId = cursor.id
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}
