import { describe, expect, it } from 'vitest'
import { ConnectorError } from '../connector-error'
import { readWholeCollection, type PageAnswer, type ScimResource } from './scim-listing'

/** Server answers no real server on the project gives: every test here is an injected fault. */
function pages(ids: readonly string[], answer: (start: number, slice: string[]) => Record<string, unknown>) {
  return async (startIndex: number, count: number): Promise<PageAnswer> => {
    const slice = ids.slice(startIndex - 1, startIndex - 1 + Math.min(count, 3))
    return { body: { Resources: slice.map((id) => ({ id })), ...answer(startIndex, slice) }, answer: 'GET' }
  }
}

async function read(fetchPage: (s: number, c: number) => Promise<PageAnswer>) {
  const taken: ScimResource[] = []
  const reader = {
    baseUrl: 'https://scim.example',
    collection: '/Users',
    pageSize: 200,
    fetchPage,
    signal: new AbortController().signal,
  }
  expect(await readWholeCollection(reader, (r) => taken.push(r))).toBe(taken.length)
  return taken
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g']

describe('a whole SCIM listing, or an error', () => {
  it('reads past an under-reported totalResults through a capped page size (injected fault)', async () => {
    const all = await read(pages(ids, (_s, slice) => ({ totalResults: slice.length })))
    expect(all.map((r) => r.id)).toEqual(ids)
  })

  it('a server claiming more than its listing gives is refused (injected fault)', async () => {
    const error = await read(pages(ids, () => ({ totalResults: 9 }))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect((error as ConnectorError).localized.en).toContain('holds 9 resources but its listing gave 7')
    expect((error as ConnectorError).localized.ja).toContain('9 件あると答えましたが')
  })

  it('an id listed twice is refused (injected fault)', async () => {
    const twice = ['a', 'b', 'c', 'c', 'd', 'e', 'f']
    const error = await read(pages(twice, () => ({ totalResults: 7 }))).catch((e: unknown) => e)
    expect((error as ConnectorError).localized.en).toContain('same id (c) twice')
  })

  it('a page echoing another startIndex is refused (injected fault)', async () => {
    const error = await read(pages(ids, () => ({ startIndex: 1 }))).catch((e: unknown) => e)
    expect((error as ConnectorError).localized.en).toContain('ignored paging (startIndex)')
  })

  it('more resources than the page says it holds is refused (injected fault)', async () => {
    const error = await read(pages(ids, () => ({ itemsPerPage: 1 }))).catch((e: unknown) => e)
    expect((error as ConnectorError).localized.en).toContain('itemsPerPage 1, 3 resources sent')
  })

  it('a server starting over past the end (as SCIMMY does) ends the listing (injected fault)', async () => {
    const six = ids.slice(0, 6)
    const wrapAround = pages(six, () => ({}))
    const all = await read(async (s, c) => wrapAround(s > six.length ? 1 : s, c))
    expect(all.map((r) => r.id)).toEqual(six)
  })

  it('a server always sending the first page is refused (injected fault)', async () => {
    const firstPage = pages(ids, () => ({}))
    const error = await read(async (_s, c) => firstPage(1, c)).catch((e: unknown) => e)
    expect((error as ConnectorError).localized.en).toContain('ignored paging (startIndex)')
  })
})
