import { describe, expect, it } from 'vitest'
import { buildWhere, sitePrefixRange } from './history-query'

describe('history WHERE clause', () => {
  it('is empty without filters and binds every value as a parameter', () => {
    expect(buildWhere({})).toEqual({ from: 'history', sql: '', params: {} })
    const where = buildWhere(
      { site: "A社' OR 1=1", level: 'error', from: 1, to: 2 },
      { cursor: { ts: 5, id: 7 } },
    )
    expect(where.sql).not.toContain('A社')
    expect(where.params).toMatchObject({
      site: "A社' OR 1=1",
      level: 'error',
      from: 1,
      to: 2,
      cursorTs: 5,
      cursorId: 7,
    })
  })

  it('escapes LIKE wildcards in free text', () => {
    expect(buildWhere({ text: '50%_off\\' }).params.text).toBe('%50\\%\\_off\\\\%')
  })

  it('narrows text of 3+ characters through the trigram index (every trigram, quoted), keeping the LIKE', () => {
    const textParts = ['history_fts_202610', 'history_fts_202611']
    const where = buildWhere({ text: '連携"しし"' }, { textParts })
    expect(where.from).toContain('history_fts_202610 MATCH @fts UNION SELECT')
    expect(where.from).toContain('history_fts_202611 MATCH @fts')
    expect(where.params.fts).toBe('"連携""" AND "携""し" AND """しし" AND "しし"""')
    expect(where.params.text).toBe('%連携"しし"%')
    expect(buildWhere({ text: 'ああああ' }, { textParts }).params.fts).toBe('"あああ"')
  })

  it('keeps 1-2 characters (too short for trigrams) on the LIKE alone', () => {
    for (const text of ['社', '社員', '𠮷野']) {
      const where = buildWhere({ text }, { textParts: ['history_fts_202611'] })
      expect(where.from).toBe('history')
      expect(where.params.fts).toBeUndefined()
    }
  })

  it('hides the entries of imports still in progress', () => {
    expect(buildWhere({}, { hiddenImports: [3, 4] }).sql).toBe(
      'WHERE (import_id IS NULL OR import_id NOT IN (3, 4))',
    )
  })

  it('matches a site prefix as a literal range: every name that starts with it, and no other', () => {
    const { site, siteEnd } = sitePrefixRange('50%_')
    const inRange = (name: string): boolean => name >= site && name < siteEnd
    // JavaScript compares UTF-16 units, SQLite UTF-8 bytes: the same order for these names.
    expect(['50%_', '50%_off', '50%_𠮷'].every(inRange)).toBe(true)
    expect(['50%', '50x_', '500', '5', '50%`', '山田'].some(inRange)).toBe(false)
  })

  it('serves a site prefix as the repository chose: exact name, index range, or a walk by time', () => {
    expect(buildWhere({ site: '山田商事' }, { siteMatch: 'exact' }).sql).toBe('WHERE site = @site')
    expect(buildWhere({ site: '山田' }).sql).toBe('WHERE site >= @site AND site < @siteEnd')
    expect(buildWhere({ site: '山田' }, { siteMatch: 'scan' }).sql).toBe(
      'WHERE +site >= @site AND +site < @siteEnd',
    )
  })

  it('leaves out entries written after a count when given its throughId', () => {
    expect(buildWhere({}, { throughId: 16 })).toMatchObject({
      sql: 'WHERE id <= @throughId',
      params: { throughId: 16 },
    })
  })

  it('ignores an empty site or category (the UI sends "" for "any")', () => {
    expect(buildWhere({ site: '', category: '' }).sql).toBe('')
  })
})
