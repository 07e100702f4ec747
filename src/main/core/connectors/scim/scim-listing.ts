/**
 * Reading a whole SCIM collection (RFC 7644 §3.4.2.4) and proving it is whole. A partial listing must never
 * drive a plan: servers under-report totalResults (python scim2-server answers the page length), cap the
 * page size below what was asked without saying so, or ignore startIndex. So paging goes on, whatever
 * totalResults says, until an empty page, a page shorter than an earlier one, or the server starting over;
 * every contradiction in its answers stops the read.
 */
import { ConnectorError } from '../connector-error'
import { scimMessages } from './scim-messages'

export type ScimResource = { readonly id: string; readonly externalId?: unknown } & Record<string, unknown>

export interface ListPage {
  readonly resources: readonly ScimResource[]
  /** What the server says; null when it says nothing. */
  readonly totalResults: number | null
  readonly startIndex: number | null
  readonly itemsPerPage: number | null
}

export interface PageAnswer {
  readonly body: unknown
  /** Method, path, status and body, for support. */
  readonly answer: string
}

export interface CollectionReader {
  readonly baseUrl: string
  /** e.g. '/Users' */
  readonly collection: string
  /** Asked of the server; it may send fewer per page, and paging follows what it really sends. */
  readonly pageSize: number
  readonly fetchPage: (startIndex: number, count: number) => Promise<PageAnswer>
  readonly signal: AbortSignal
}

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) ? value : null

/** A ListResponse, or null when the body is not one (or holds a resource without an id). */
export function parseListPage(body: unknown): ListPage | null {
  if (typeof body !== 'object' || body === null) return null
  const list = body as Record<string, unknown>
  if (list.Resources !== undefined && !Array.isArray(list.Resources)) return null
  const raw = (list.Resources ?? []) as unknown[]
  const hasId = (r: unknown): r is ScimResource => typeof (r as { id?: unknown } | null)?.id === 'string'
  if (!raw.every(hasId)) return null
  return {
    resources: raw,
    totalResults: numberOrNull(list.totalResults),
    startIndex: numberOrNull(list.startIndex),
    itemsPerPage: numberOrNull(list.itemsPerPage),
  }
}

/** Cross-checks one page against the request and what was read before; throws what contradicts. */
function checkPage(reader: CollectionReader, page: ListPage, asked: number, seen: ReadonlySet<string>) {
  const { baseUrl, collection } = reader
  if (page.startIndex !== null && page.startIndex !== asked)
    throw new ConnectorError('permanent', scimMessages.pagingIgnored(baseUrl, collection))
  if (page.itemsPerPage !== null && page.itemsPerPage < page.resources.length)
    throw new ConnectorError(
      'permanent',
      scimMessages.listingContradicts(baseUrl, collection, page.itemsPerPage, page.resources.length),
    )
  const ids = new Set<string>()
  for (const { id } of page.resources) {
    if (seen.has(id) || ids.has(id))
      throw new ConnectorError('permanent', scimMessages.listingRepeats(baseUrl, collection, id))
    ids.add(id)
  }
}

/**
 * A page made only of resources already read is either the server starting over past the end (SCIMMY does)
 * or a server ignoring startIndex. Asking for the last position read tells them apart: only a server that
 * honours startIndex answers with the last resource read.
 */
async function startsOverPastTheEnd(reader: CollectionReader, count: number, lastId: string | null) {
  if (lastId === null) return false
  const probe = parseListPage((await reader.fetchPage(count, 1)).body)
  return probe?.resources[0]?.id === lastId
}

/**
 * Hands every resource of the collection to `take`, each once, page by page (so 100,000 raw resources are
 * never held at once), and returns how many there were. Throws a ConnectorError when the listing cannot be
 * proved complete (a page repeated or out of place, fewer resources than the server said it holds), so the
 * caller never plans from part of it.
 */
export async function readWholeCollection(
  reader: CollectionReader,
  take: (resource: ScimResource) => void,
): Promise<number> {
  const seen = new Set<string>()
  let lastId: string | null = null
  let longestPage = 0
  let reportedTotal = 0
  let next = prefetch(reader, 1)
  for (let startIndex = 1; ;) {
    reader.signal.throwIfAborted()
    const { body, answer } = await next
    const page = parseListPage(body)
    if (!page) throw new ConnectorError('permanent', scimMessages.notScim(reader.baseUrl), answer)
    const count = page.resources.length
    if (count === 0) break
    if (page.resources.every((r) => seen.has(r.id))) {
      if (await startsOverPastTheEnd(reader, seen.size, lastId)) break
      const ignored = scimMessages.pagingIgnored(reader.baseUrl, reader.collection)
      throw new ConnectorError('permanent', ignored, answer)
    }
    try {
      checkPage(reader, page, startIndex, seen)
    } catch (error) {
      throw error instanceof ConnectorError ? withAnswer(error, answer) : error
    }
    reportedTotal = Math.max(reportedTotal, page.totalResults ?? 0)
    // Shorter than an earlier page: the server's real page size is known, so this is the last one.
    const last = count < longestPage
    longestPage = Math.max(longestPage, count)
    startIndex += count
    if (!last) next = prefetch(reader, startIndex)
    for (const resource of page.resources) {
      seen.add(resource.id)
      take(resource)
    }
    lastId = page.resources[count - 1]!.id
    if (last) break
  }
  if (seen.size < reportedTotal)
    throw new ConnectorError(
      'permanent',
      scimMessages.listingShort(reader.baseUrl, reader.collection, reportedTotal, seen.size),
    )
  return seen.size
}

/**
 * The next page is asked for while this one is taken, so the server's time overlaps ours. Marked handled
 * here: when the read stops first (abort, a refused page), its failure is not an unhandled rejection.
 */
function prefetch(reader: CollectionReader, startIndex: number): Promise<PageAnswer> {
  const answer = reader.fetchPage(startIndex, reader.pageSize)
  answer.catch(() => {})
  return answer
}

const withAnswer = (error: ConnectorError, answer: string): ConnectorError =>
  new ConnectorError(error.kind, error.localized, answer, error.httpStatus)
