import { describe, expect, it } from 'vitest'
import { buildWhere } from './history-query'

describe('history WHERE clause', () => {
  it('is empty without filters and binds every value as a parameter', () => {
    expect(buildWhere({})).toEqual({ sql: '', params: {} })
    const where = buildWhere({ site: "A社' OR 1=1", level: 'error', from: 1, to: 2 }, { ts: 5, id: 7 })
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

  it('ignores an empty site or category (the UI sends "" for "any")', () => {
    expect(buildWhere({ site: '', category: '' }).sql).toBe('')
  })
})
