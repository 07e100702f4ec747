/**
 * The read side of a calendar collection: PROPFIND, sync-collection and calendar-multiget through tsdav's
 * functional API. A non-207 answer becomes a ConnectorError; single members that failed inside a 207 are
 * skipped (an object deleted between listing and fetching is simply missing).
 */
import { DAVNamespace, davRequest, getDAVAttribute, propfind, syncCollection, type DAVResponse } from 'tsdav'
import type { CalendarObject, CalendarObjectRef } from '../../engines/calendar/calendar-connectors'
import { ConnectorError } from '../connector-error'
import { httpError } from './caldav-errors'
import { hrefPath, sameResource } from './caldav-hrefs'
import { caldavMessages } from './caldav-messages'
import { etagOf, hrefOf, isCollection, propsOf, syncTokenOf, textOf } from './caldav-multistatus'
import type { CalDavTransport, DavFetch } from './caldav-transport'

export interface Multistatus {
  readonly responses: readonly DAVResponse[]
  /** The HTTP answer, for its headers (Date). */
  readonly response: Response
}

export interface SyncPage {
  readonly token: string | null
  readonly changed: readonly CalendarObjectRef[]
  readonly deleted: readonly string[]
  /** RFC 6578 §3.6: the server stopped early (507 on the collection); ask again with `token` for the rest. */
  readonly truncated: boolean
}

const caldavNamespaces = [DAVNamespace.DAV, DAVNamespace.CALDAV]

/** One PROPFIND or REPORT on the collection that must answer 207 Multi-Status. */
export async function multistatus(
  transport: CalDavTransport,
  collection: string,
  method: string,
  signal: AbortSignal,
  call: (davFetch: DavFetch) => Promise<DAVResponse[]>,
): Promise<Multistatus> {
  const request = transport.request('collection', method, collection)
  const { value: responses, response } = await transport.exchange(request, signal, call)
  if (response.status === 207) return { responses, response }
  const raw = responses[0]?.raw
  const body = typeof raw === 'string' ? raw : ''
  if (!response.ok) {
    throw httpError(request, {
      status: response.status,
      body,
      retryAfter: response.headers.get('retry-after'),
    })
  }
  const answer = transport.redact(`${method} ${collection} → HTTP ${response.status} ${body.slice(0, 300)}`)
  throw new ConnectorError('permanent', caldavMessages.notCalDav(collection), answer, response.status)
}

/** Every member object (sub-collections and the collection itself left out), PROPFIND depth 1. */
export async function listObjects(
  transport: CalDavTransport,
  collection: string,
  signal: AbortSignal,
): Promise<CalendarObjectRef[]> {
  const { responses } = await multistatus(transport, collection, 'PROPFIND', signal, (davFetch) =>
    propfind({
      url: collection,
      props: { 'd:getetag': {}, 'd:resourcetype': {} },
      depth: '1',
      fetch: davFetch,
    }),
  )
  const objects: CalendarObjectRef[] = []
  for (const member of responses) {
    const href = hrefOf(member, collection)
    const props = propsOf(member)
    if (href === null || !member.ok || sameResource(href, collection) || isCollection(props)) continue
    objects.push({ href, etag: etagOf(props) })
  }
  return objects
}

/** One sync-collection REPORT; `token` null asks for everything. */
export async function syncPage(
  transport: CalDavTransport,
  collection: string,
  token: string | null,
  signal: AbortSignal,
): Promise<SyncPage> {
  const { responses } = await multistatus(transport, collection, 'REPORT', signal, (davFetch) =>
    syncCollection({
      url: collection,
      props: { 'd:getetag': {}, 'd:resourcetype': {} },
      syncLevel: 1,
      ...(token === null ? {} : { syncToken: token }),
      fetch: davFetch,
    }),
  )
  const changed: CalendarObjectRef[] = []
  const deleted: string[] = []
  let truncated = false
  for (const member of responses) {
    const href = hrefOf(member, collection)
    if (href === null) continue
    if (sameResource(href, collection)) {
      truncated ||= member.status === 507
    } else if (member.status === 404) {
      deleted.push(href)
    } else if (member.ok && !isCollection(propsOf(member))) {
      changed.push({ href, etag: etagOf(propsOf(member)) })
    }
  }
  return { token: syncTokenOf(responses), changed, deleted, truncated }
}

/** calendar-multiget for one chunk of hrefs (tsdav's calendarMultiGet would throw on the first 404 member). */
export async function multiget(
  transport: CalDavTransport,
  collection: string,
  hrefs: readonly string[],
  signal: AbortSignal,
): Promise<CalendarObject[]> {
  const { responses } = await multistatus(transport, collection, 'REPORT', signal, (davFetch) =>
    davRequest({
      url: collection,
      init: {
        method: 'REPORT',
        namespace: 'c',
        headers: { depth: '1' },
        body: {
          'calendar-multiget': {
            _attributes: getDAVAttribute(caldavNamespaces),
            'd:prop': { 'd:getetag': {}, 'c:calendar-data': {} },
            'd:href': hrefs.map(hrefPath),
          },
        },
      },
      fetch: davFetch,
    }),
  )
  const objects: CalendarObject[] = []
  for (const member of responses) {
    const href = hrefOf(member, collection)
    const props = propsOf(member)
    const data = textOf(props.calendarData)
    if (href === null || !member.ok || data === null) continue
    objects.push({ href, etag: etagOf(props), data })
  }
  return objects
}
