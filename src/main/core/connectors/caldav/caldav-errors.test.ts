import { describe, expect, it } from 'vitest'
import {
  httpError,
  networkError,
  retryAfterSeconds,
  type CalDavRequest,
  type CalDavRequestKind,
} from './caldav-errors'

const collection = 'https://caldav.example.jp/cal/team/'
const secret = 'hunter2-secret'

function request(kind: CalDavRequestKind, authKind: 'basic' | 'bearer' = 'basic'): CalDavRequest {
  return {
    kind,
    method: kind === 'collection' ? 'PROPFIND' : kind === 'remove' ? 'DELETE' : 'PUT',
    url: kind === 'collection' ? collection : `${collection}ev.ics`,
    collection,
    authKind,
    redact: (text) => text.split(secret).join('***'),
  }
}

function answer(status: number, body = '', retryAfter: string | null = null) {
  return { status, body, retryAfter }
}

describe('httpError', () => {
  it.each([
    ['collection', 401, 'auth'],
    ['collection', 403, 'permanent'],
    ['collection', 404, 'permanent'],
    ['collection', 400, 'permanent'],
    ['collection', 429, 'quota'],
    ['collection', 507, 'quota'],
    ['collection', 500, 'transient'],
    ['collection', 503, 'transient'],
    ['create', 412, 'conflict'],
    ['update', 412, 'conflict'],
    ['update', 404, 'conflict'],
    ['remove', 412, 'conflict'],
    ['create', 404, 'permanent'],
    ['create', 400, 'permanent'],
    ['update', 413, 'permanent'],
    ['create', 415, 'permanent'],
    ['update', 422, 'permanent'],
    ['create', 502, 'transient'],
  ] as const)('%s answered %i → %s', (kind, status, expected) => {
    const error = httpError(request(kind), answer(status))
    expect(error.kind).toBe(expected)
    expect(error.httpStatus).toBe(status)
  })

  it('names the wrong calendar ID on a 404 of the collection, in both languages', () => {
    const error = httpError(request('collection'), answer(404))
    expect(error.localized.en).toContain('calendar ID (URL) is wrong')
    expect(error.localized.ja).toContain('カレンダー ID（URL）が間違っています')
  })

  it('tells a password refusal from an expired authorization', () => {
    expect(httpError(request('collection', 'basic'), answer(401)).localized.en).toContain(
      'user name or password',
    )
    expect(httpError(request('collection', 'bearer'), answer(401)).localized.en).toContain('Sign in again')
  })

  it('tells "no access" on reads from "no write access" on writes', () => {
    expect(httpError(request('collection'), answer(403)).localized.en).toContain('has no access')
    expect(httpError(request('update'), answer(403)).localized.en).toContain('cannot write')
  })

  it('reads a CalDAV no-uid-conflict precondition as a duplicate UID, not as missing rights', () => {
    const body = '<error xmlns="DAV:"><C:no-uid-conflict xmlns:C="urn:ietf:params:xml:ns:caldav"/></error>'
    expect(httpError(request('create'), answer(403, body)).localized.en).toContain('same UID')
    expect(httpError(request('create'), answer(409, body)).localized.en).toContain('same UID')
  })

  it('passes the Retry-After wait of a 429 into the message, and calls 507 a full storage', () => {
    expect(httpError(request('create'), answer(429, '', '120')).localized.en).toContain('in 120 s')
    expect(httpError(request('create'), answer(507)).localized.en).toContain('out of storage')
  })

  it('keeps the first 300 characters of the body as the server answer, without secrets', () => {
    const body = `token ${secret} ` + 'x'.repeat(1000)
    const error = httpError(request('collection'), answer(500, body))
    expect(error.serverAnswer).toContain('HTTP 500')
    expect(error.serverAnswer).not.toContain(secret)
    expect(error.serverAnswer!.length).toBeLessThan(400)
    expect(error.localized.en).toContain('usually temporary')
  })
})

describe('networkError', () => {
  function withCause(code: string): Error {
    return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) })
  }

  it('treats refused connections and unknown hosts as transient', () => {
    expect(networkError(request('collection'), withCause('ECONNREFUSED'), 1000).kind).toBe('transient')
    expect(networkError(request('collection'), withCause('ENOTFOUND'), 1000).kind).toBe('transient')
  })

  it('treats certificate failures as permanent, with what to change', () => {
    const error = networkError(request('collection'), withCause('DEPTH_ZERO_SELF_SIGNED_CERT'), 1000)
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toContain('certificate')
  })

  it('reports a timeout with its length', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    const error = networkError(request('collection'), timeout, 30_000)
    expect(error.kind).toBe('transient')
    expect(error.localized.en).toContain('within 30 s')
  })
})

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterSeconds('30', now)).toBe(30)
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60)
    expect(retryAfterSeconds('soon', now)).toBeNull()
    expect(retryAfterSeconds(null, now)).toBeNull()
  })
})
