/**
 * A CalDAV calendar collection (target, or source / second side of a two-way pair) behind the engine's
 * `CalDavConnector` port. Requests go through tsdav's functional API with our own fetch (auth, timeout, answer
 * headers); see README.md for what tsdav does and where its limits are.
 */
import { createObject, deleteObject, propfind, updateObject } from 'tsdav'
import type {
  CalDavAuth,
  CalDavConnector,
  CalendarChanges,
  CalendarCollectionInfo,
  CalendarObject,
  CalendarObjectRef,
} from '../../engines/calendar/calendar-connectors'
import { ConnectorError } from '../connector-error'
import { httpError, type CalDavRequestKind } from './caldav-errors'
import { collectionUrl, objectHref } from './caldav-hrefs'
import { caldavMessages } from './caldav-messages'
import { hrefOf, isCalendar, propsOf, textOf, timeZoneOf, writableOf } from './caldav-multistatus'
import { listObjects, multiget, multistatus, syncPage } from './caldav-reads'
import { CalDavTransport, type DavFetch } from './caldav-transport'

export interface CalDavConnectorOptions {
  /** Per HTTP request, body included; default 60 s. */
  readonly timeoutMs?: number
  /** The network layer's fetch (proxy, trusted CAs). */
  readonly fetch?: typeof fetch
}

const defaultTimeoutMs = 60_000
const multigetChunk = 100
/** A server that keeps truncating sync answers is read this many times at most, then listed in full. */
const maxSyncPages = 1000
/**
 * Answers to a sync-collection REPORT that mean "this token (or sync itself) is not usable here": RFC 6578
 * valid-sync-token (403/409), servers that answer 400 or 412 for an old token, and servers without the report.
 */
const syncRefusals = new Set([400, 403, 405, 409, 412, 415, 422, 501])
const icsContentType = 'text/calendar; charset=utf-8'

const infoProps = {
  'd:displayname': {},
  'd:resourcetype': {},
  'c:calendar-timezone': {},
  'd:current-user-privilege-set': {},
  'd:sync-token': {},
  'cs:getctag': {},
}

function isSyncRefusal(error: unknown): boolean {
  return error instanceof ConnectorError && error.httpStatus !== null && syncRefusals.has(error.httpStatus)
}

function dateHeader(response: Response): number | null {
  const at = Date.parse(response.headers.get('date') ?? '')
  return Number.isNaN(at) ? null : at
}

class CalDavCollectionConnector implements CalDavConnector {
  private readonly transport: CalDavTransport

  constructor(
    private readonly url: string,
    auth: CalDavAuth,
    timeoutMs: number,
    fetchImpl?: typeof fetch,
  ) {
    this.transport = new CalDavTransport(url, auth, timeoutMs, fetchImpl)
  }

  async info(signal: AbortSignal): Promise<CalendarCollectionInfo> {
    const { responses, response } = await multistatus(
      this.transport,
      this.url,
      'PROPFIND',
      signal,
      (davFetch) => propfind({ url: this.url, props: infoProps, depth: '0', fetch: davFetch }),
    )
    const own = responses[0]
    const answer = this.transport.redact(`PROPFIND ${this.url} → HTTP 207`)
    if (own === undefined || hrefOf(own, this.url) === null) {
      throw new ConnectorError('permanent', caldavMessages.notCalDav(this.url), answer, 207)
    }
    if (!own.ok) {
      const request = this.transport.request('collection', 'PROPFIND', this.url)
      throw httpError(request, { status: own.status, body: '', retryAfter: null })
    }
    const props = propsOf(own)
    if (!isCalendar(props))
      throw new ConnectorError('permanent', caldavMessages.notCalendar(this.url), answer, 207)
    return {
      url: this.url,
      displayName: textOf(props.displayname) || null,
      timeZone: timeZoneOf(props),
      writable: writableOf(props),
      syncToken: textOf(props.syncToken),
      ctag: textOf(props.getctag),
      serverDate: dateHeader(response),
    }
  }

  list(signal: AbortSignal): Promise<readonly CalendarObjectRef[]> {
    return listObjects(this.transport, this.url, signal)
  }

  async changes(token: string | null, signal: AbortSignal): Promise<CalendarChanges> {
    if (token !== null) {
      try {
        return { ...(await this.syncFrom(token, signal)), full: false }
      } catch (error) {
        if (!isSyncRefusal(error)) throw error
      }
    }
    try {
      return { ...(await this.syncFrom(null, signal)), full: true }
    } catch (error) {
      if (!isSyncRefusal(error)) throw error
    }
    return { token: null, full: true, changed: await this.list(signal), deleted: [] }
  }

  async fetch(hrefs: readonly string[], signal: AbortSignal): Promise<readonly CalendarObject[]> {
    hrefs.forEach((href) => this.checkOwnHref(href))
    const objects: CalendarObject[] = []
    for (let start = 0; start < hrefs.length; start += multigetChunk) {
      objects.push(
        ...(await multiget(this.transport, this.url, hrefs.slice(start, start + multigetChunk), signal)),
      )
    }
    return objects
  }

  hrefFor(uid: string): string {
    return objectHref(this.url, uid)
  }

  create(href: string, data: string, signal: AbortSignal): Promise<string | null> {
    return this.write('create', href, signal, (davFetch) =>
      createObject({
        url: href,
        data,
        headers: { 'If-None-Match': '*', 'Content-Type': icsContentType },
        fetch: davFetch,
      }),
    )
  }

  update(href: string, data: string, etag: string | null, signal: AbortSignal): Promise<string | null> {
    return this.write('update', href, signal, (davFetch) =>
      updateObject({
        url: href,
        data,
        ...(etag === null ? {} : { etag }),
        headers: { 'Content-Type': icsContentType },
        fetch: davFetch,
      }),
    )
  }

  async remove(href: string, etag: string | null, signal: AbortSignal): Promise<void> {
    await this.write('remove', href, signal, (davFetch) =>
      deleteObject({ url: href, ...(etag === null ? {} : { etag }), fetch: davFetch }),
    )
  }

  /** Follows truncated answers (RFC 6578 §3.6) until the server has told everything. */
  private async syncFrom(token: string | null, signal: AbortSignal): Promise<Omit<CalendarChanges, 'full'>> {
    const changed = new Map<string, CalendarObjectRef>()
    const deleted = new Set<string>()
    let next = token
    for (let page = 0; page < maxSyncPages; page++) {
      const answer = await syncPage(this.transport, this.url, next, signal)
      for (const ref of answer.changed) {
        deleted.delete(ref.href)
        changed.set(ref.href, ref)
      }
      for (const href of answer.deleted) {
        changed.delete(href)
        deleted.add(href)
      }
      next = answer.token
      if (!answer.truncated || next === null)
        return { token: next, changed: [...changed.values()], deleted: [...deleted] }
    }
    const refusal = this.transport.request('collection', 'REPORT', this.url)
    throw httpError(refusal, { status: 507, body: 'sync-collection kept truncating', retryAfter: null })
  }

  /** One PUT or DELETE: 2xx → the new ETag; a DELETE of something already gone counts as done. */
  private async write(
    kind: CalDavRequestKind,
    href: string,
    signal: AbortSignal,
    call: (davFetch: DavFetch) => Promise<Response>,
  ): Promise<string | null> {
    this.checkOwnHref(href)
    const request = this.transport.request(kind, kind === 'remove' ? 'DELETE' : 'PUT', href)
    const { value: response } = await this.transport.exchange(request, signal, call)
    const body = await this.transport.text(response)
    const gone = kind === 'remove' && (response.status === 404 || response.status === 410)
    if (response.ok || gone) return response.headers.get('etag')
    throw httpError(request, {
      status: response.status,
      body,
      retryAfter: response.headers.get('retry-after'),
    })
  }

  /** Credentials go only to the calendar's own server, whatever href a server (or a stored state) names. */
  private checkOwnHref(href: string): void {
    if (new URL(href).origin === new URL(this.url).origin) return
    throw new ConnectorError('permanent', caldavMessages.foreignHref(href, this.url))
  }
}

/**
 * A connector for the calendar collection at `config.url`. Throws a permanent ConnectorError at once when the
 * URL is not an http(s) URL, since no request could ever succeed.
 */
export function createCalDavConnector(
  config: { readonly url: string },
  auth: CalDavAuth,
  options: CalDavConnectorOptions = {},
): CalDavConnector {
  let url: string
  try {
    url = collectionUrl(config.url)
  } catch {
    const shown = config.url.replace(/\/\/[^/@\s]*@/, '//')
    throw new ConnectorError('permanent', caldavMessages.badUrl(shown))
  }
  return new CalDavCollectionConnector(url, auth, options.timeoutMs ?? defaultTimeoutMs, options.fetch)
}
