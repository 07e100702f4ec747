/**
 * The CalDAV connector against a real Radicale; what arrived is checked with python3-caldav, an independent client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCalDavConnector } from '../../src/main/core/connectors/caldav/caldav-connector'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import type { CalDavAuth, CalDavConnector } from '../../src/main/core/engines/calendar/calendar-connectors'
import { deleteCalendarObject, listCalendarObjects, putCalendarObject } from '../support/independent-caldav'
import { startRadicale, type Radicale } from '../support/radicale'
import { freePort } from '../support/free-port'

const password = 'Pa55-word-äöü'
const alice: CalDavAuth = { kind: 'basic', username: 'alice', password }
const signal = new AbortController().signal

let radicale: Radicale

function event(uid: string, summary: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Renkei tests//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260105T010000Z',
    'DTEND:20260105T020000Z',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

async function calendar(name: string, options = {}): Promise<{ url: string; caldav: CalDavConnector }> {
  const url = await radicale.makeCalendar('alice', name, options)
  return { url, caldav: createCalDavConnector({ url }, alice) }
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConnectorError)
  return error as ConnectorError
}

function allText(error: ConnectorError): string {
  return [
    error.message,
    error.localized.ja,
    error.localized.en,
    error.serverAnswer ?? '',
    error.stack ?? '',
  ].join('\n')
}

beforeAll(async () => {
  radicale = await startRadicale({ users: { alice: password, bob: 'bob-pw' } })
})

afterAll(async () => {
  await radicale?.stop()
})

describe('info', () => {
  it('reads name, zone, write access, sync token, ctag and the server clock', async () => {
    const { url, caldav } = await calendar('work', { timeZone: 'Asia/Tokyo', displayName: '仕事の予定' })
    const info = await caldav.info(signal)
    expect(info).toMatchObject({ url, displayName: '仕事の予定', timeZone: 'Asia/Tokyo', writable: true })
    expect(info.syncToken).toMatch(/\S/)
    expect(info.ctag).toMatch(/\S/)
    expect(Math.abs((info.serverDate ?? 0) - Date.now())).toBeLessThan(60_000)
  })

  it('reports a calendar without a zone as null', async () => {
    const { caldav } = await calendar('plain')
    expect((await caldav.info(signal)).timeZone).toBeNull()
  })

  it('sees a read-only calendar as not writable, and a PUT there is refused as permanent', async () => {
    const { caldav } = await calendar('readonly', { readOnly: true })
    expect((await caldav.info(signal)).writable).toBe(false)
    const error = await failure(caldav.create(caldav.hrefFor('ro-1'), event('ro-1', 'x'), signal))
    expect(error).toMatchObject({ kind: 'permanent', httpStatus: 403 })
    expect(error.localized.en).toContain('cannot write')
  })

  it('refuses a URL that is not a calendar (the account principal)', async () => {
    const caldav = createCalDavConnector({ url: `${radicale.url}alice/` }, alice)
    const error = await failure(caldav.info(signal))
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toContain('is not a calendar')
    expect(error.localized.ja).toContain('カレンダーではありません')
  })
})

describe('writing objects', () => {
  let url: string
  let caldav: CalDavConnector
  beforeAll(async () => ({ url, caldav } = await calendar('writes')))

  it('creates an object at a deterministic href that another client sees with the same ETag', async () => {
    const href = caldav.hrefFor('meeting-1@example.jp')
    expect(href).toBe(caldav.hrefFor('meeting-1@example.jp'))
    const etag = await caldav.create(href, event('meeting-1@example.jp', '定例会議'), signal)
    expect(etag).toMatch(/\S/)
    const seen = await listCalendarObjects(url, 'alice', password)
    const object = seen.find((o) => o.uid === 'meeting-1@example.jp')
    expect(object).toMatchObject({ href, etag })
    expect(object?.ics).toContain('SUMMARY:定例会議')
  })

  it('names objects whose UID is not a safe file name by the SHA-1 of the UID', async () => {
    const uid = 'Ünïcode / with spaces {and} more'
    expect(caldav.hrefFor(uid)).toMatch(new RegExp(`^${url}[0-9a-f]{40}\\.ics$`))
    await caldav.create(caldav.hrefFor(uid), event(uid, 'odd uid'), signal)
    const seen = await listCalendarObjects(url, 'alice', password)
    expect(seen.find((o) => o.uid === uid)?.href).toBe(caldav.hrefFor(uid))
  })

  it('updates with the current ETag and refuses a stale one as a conflict', async () => {
    const href = caldav.hrefFor('upd-1')
    const first = await caldav.create(href, event('upd-1', 'v1'), signal)
    const second = await caldav.update(href, event('upd-1', 'v2'), first, signal)
    expect(second).not.toBe(first)
    const stale = await failure(caldav.update(href, event('upd-1', 'v3'), first, signal))
    expect(stale).toMatchObject({ kind: 'conflict', httpStatus: 412 })
    const seen = await listCalendarObjects(url, 'alice', password)
    expect(seen.find((o) => o.uid === 'upd-1')?.ics).toContain('SUMMARY:v2')
  })

  it('refuses to create over an existing object (another client made it meanwhile)', async () => {
    const href = caldav.hrefFor('race-1')
    await putCalendarObject(url, 'alice', password, event('race-1', 'made elsewhere'), href)
    const error = await failure(caldav.create(href, event('race-1', 'ours'), signal))
    expect(error).toMatchObject({ kind: 'conflict', httpStatus: 412 })
  })

  it('reports an update of an object deleted meanwhile as a conflict', async () => {
    const href = caldav.hrefFor('gone-1')
    const etag = await caldav.create(href, event('gone-1', 'x'), signal)
    await deleteCalendarObject(url, 'alice', password, href)
    const error = await failure(caldav.update(href, event('gone-1', 'y'), etag, signal))
    expect(error.kind).toBe('conflict')
  })

  it('removes with the ETag; an object already gone counts as removed; a stale ETag is a conflict', async () => {
    const href = caldav.hrefFor('del-1')
    const etag = await caldav.create(href, event('del-1', 'x'), signal)
    const stale = await failure(caldav.remove(href, '"not-the-etag"', signal))
    expect(stale).toMatchObject({ kind: 'conflict', httpStatus: 412 })
    await caldav.remove(href, etag, signal)
    expect((await listCalendarObjects(url, 'alice', password)).some((o) => o.uid === 'del-1')).toBe(false)
    await expect(caldav.remove(href, etag, signal)).resolves.toBeUndefined()
  })

  it('sets aside an event the server refuses (broken iCalendar) as permanent with HTTP 400', async () => {
    const error = await failure(
      caldav.create(caldav.hrefFor('broken-1'), 'BEGIN:VCALENDAR\r\nnonsense\r\n', signal),
    )
    expect(error).toMatchObject({ kind: 'permanent', httpStatus: 400 })
    expect(error.localized.en).toContain('refused this event')
  })

  it('explains a UID that already lives under another href', async () => {
    await caldav.create(caldav.hrefFor('dup-1'), event('dup-1', 'x'), signal)
    const error = await failure(caldav.create(caldav.hrefFor('other-name'), event('dup-1', 'x'), signal))
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toContain('same UID')
  })
})

describe('reading the collection', () => {
  it('lists every object with its ETag, as another client sees them', async () => {
    const { url, caldav } = await calendar('listing')
    for (const n of [1, 2, 3]) await caldav.create(caldav.hrefFor(`l-${n}`), event(`l-${n}`, `e${n}`), signal)
    const refs = await caldav.list(signal)
    const seen = await listCalendarObjects(url, 'alice', password)
    const byHref = (a: { href: string }, b: { href: string }) => a.href.localeCompare(b.href)
    expect([...refs].sort(byHref)).toEqual(seen.map(({ href, etag }) => ({ href, etag })).sort(byHref))
    expect(refs).toHaveLength(3)
  })

  it('follows changes: initial, then one edited and one deleted elsewhere, then a bogus token → full', async () => {
    const { url, caldav } = await calendar('changes')
    const hrefs = []
    for (const n of [1, 2, 3]) {
      hrefs.push(caldav.hrefFor(`c-${n}`))
      await caldav.create(caldav.hrefFor(`c-${n}`), event(`c-${n}`, `e${n}`), signal)
    }
    const initial = await caldav.changes(null, signal)
    expect(initial.full).toBe(true)
    expect(initial.changed.map((r) => r.href).sort()).toEqual([...hrefs].sort())
    expect(initial.token).toMatch(/\S/)

    await putCalendarObject(url, 'alice', password, event('c-1', 'edited elsewhere'), hrefs[0])
    await deleteCalendarObject(url, 'alice', password, hrefs[1]!)
    const next = await caldav.changes(initial.token, signal)
    expect(next).toMatchObject({ full: false, deleted: [hrefs[1]] })
    expect(next.changed.map((r) => r.href)).toEqual([hrefs[0]])
    expect(next.token).not.toBe(initial.token)
    const unchanged = await caldav.changes(next.token, signal)
    expect(unchanged).toMatchObject({ full: false, changed: [], deleted: [] })

    const bogus = await caldav.changes('http://radicale.org/ns/sync/0000', signal)
    expect(bogus.full).toBe(true)
    expect(bogus.changed.map((r) => r.href).sort()).toEqual([hrefs[0], hrefs[2]].sort())
  })

  it('fetches 250 objects by multi-get in chunks; an href deleted meanwhile is simply missing', async () => {
    const { caldav } = await calendar('multiget')
    const uids = Array.from({ length: 250 }, (_, n) => `m-${n}`)
    radicale.seedObjects(
      'alice',
      'multiget',
      uids.map((uid) => ({ name: `${uid}.ics`, ics: event(uid, uid) })),
    )
    const hrefs = uids.map((uid) => caldav.hrefFor(uid))
    const objects = await caldav.fetch([...hrefs, caldav.hrefFor('never-made')], signal)
    expect(objects).toHaveLength(250)
    const byHref = new Map(objects.map((o) => [o.href, o]))
    expect(byHref.get(hrefs[137]!)?.data).toContain('UID:m-137')
    expect(byHref.get(hrefs[137]!)?.etag).toMatch(/\S/)
  })
})

describe('failures an administrator must understand', () => {
  it('a wrong calendar URL is permanent and says the calendar ID is wrong', async () => {
    const caldav = createCalDavConnector({ url: `${radicale.url}alice/no-such-calendar/` }, alice)
    for (const call of [
      () => caldav.info(signal),
      () => caldav.list(signal),
      () => caldav.changes(null, signal),
    ]) {
      const error = await failure(call())
      expect(error).toMatchObject({ kind: 'permanent', httpStatus: 404 })
      expect(error.localized.en).toContain('calendar ID (URL) is wrong')
      expect(error.localized.ja).toContain('カレンダー ID（URL）が間違っています')
    }
  })

  it('a wrong password is an auth failure, and no secret shows in the error', async () => {
    const { url } = await calendar('auth')
    const wrong = 'wrong-Secret-123'
    const caldav = createCalDavConnector({ url }, { kind: 'basic', username: 'alice', password: wrong })
    const error = await failure(caldav.info(signal))
    expect(error).toMatchObject({ kind: 'auth', httpStatus: 401 })
    expect(error.localized.en).toContain('user name or password')
    expect(allText(error)).not.toContain(wrong)
    expect(allText(error)).not.toContain(Buffer.from(`alice:${wrong}`).toString('base64'))
  })

  it("another user's calendar is permanent: this account has no access", async () => {
    const { url } = await calendar('private')
    const caldav = createCalDavConnector({ url }, { kind: 'basic', username: 'bob', password: 'bob-pw' })
    const error = await failure(caldav.list(signal))
    expect(error).toMatchObject({ kind: 'permanent', httpStatus: 403 })
    expect(error.localized.en).toContain('has no access')
  })

  it('a bearer token the server refuses asks to sign in again, fetches a token per request, never shows it', async () => {
    const { url } = await calendar('bearer')
    const token = 'ya29.secret-access-token'
    let asked = 0
    const caldav = createCalDavConnector(
      { url },
      { kind: 'bearer', token: () => Promise.resolve((asked++, token)) },
    )
    const error = await failure(caldav.info(signal))
    await failure(caldav.list(signal))
    expect(asked).toBe(2)
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('Sign in again')
    expect(allText(error)).not.toContain(token)
  })

  it('a port with nothing listening is transient, and credentials in the URL never show', async () => {
    const port = await freePort()
    const caldav = createCalDavConnector(
      { url: `http://alice:${password}@127.0.0.1:${port}/alice/cal/` },
      alice,
    )
    const error = await failure(caldav.info(signal))
    expect(error.kind).toBe('transient')
    expect(error.serverAnswer).toContain('ECONNREFUSED')
    expect(allText(error)).not.toContain(password)
  })

  it('a server that stops answering times out as transient', async () => {
    const url = await radicale.makeCalendar('alice', 'frozen')
    const caldav = createCalDavConnector({ url }, alice, { timeoutMs: 500 })
    radicale.pause()
    try {
      const error = await failure(caldav.info(signal))
      expect(error.kind).toBe('transient')
      expect(error.localized.en).toContain('did not answer')
    } finally {
      radicale.resume()
    }
  })

  it("the caller's abort stays an abort, not a connector failure", async () => {
    const { caldav } = await calendar('aborted')
    const controller = new AbortController()
    controller.abort(new Error('run stopped'))
    await expect(caldav.list(controller.signal)).rejects.toThrow('run stopped')
  })

  it('an URL that is not http(s) is refused at once as permanent', () => {
    expect(() => createCalDavConnector({ url: 'webcal:/nope' }, alice)).toThrow(ConnectorError)
  })
})

describe('volume (figures printed for the README)', () => {
  it('writes 100 objects, then lists, syncs and fetches 1,000', { timeout: 120_000 }, async () => {
    const { caldav } = await calendar('volume')
    const count = 1000
    const written = 100
    const uids = Array.from({ length: count }, (_, n) => `v-${n}`)
    const hrefs = uids.map((uid) => caldav.hrefFor(uid))
    let started = performance.now()
    for (let n = 0; n < written; n++) await caldav.create(hrefs[n]!, event(uids[n]!, uids[n]!), signal)
    const putSeconds = (performance.now() - started) / 1000
    radicale.seedObjects(
      'alice',
      'volume',
      uids.slice(written).map((uid) => ({ name: `${uid}.ics`, ics: event(uid, uid) })),
    )

    // The first read after files appeared makes Radicale parse and cache all of them: timed apart.
    started = performance.now()
    await caldav.list(signal)
    const coldListMs = performance.now() - started
    started = performance.now()
    const listed = await caldav.list(signal)
    const listMs = performance.now() - started
    started = performance.now()
    const initial = await caldav.changes(null, signal)
    const syncMs = performance.now() - started
    await caldav.update(
      hrefs[0]!,
      event('v-0', 'changed'),
      listed.find((r) => r.href === hrefs[0])?.etag ?? null,
      signal,
    )
    started = performance.now()
    const incremental = await caldav.changes(initial.token, signal)
    const incrementalMs = performance.now() - started
    started = performance.now()
    const fetched = await caldav.fetch(hrefs, signal)
    const fetchMs = performance.now() - started

    expect(listed).toHaveLength(count)
    expect(initial.changed).toHaveLength(count)
    expect(incremental.changed.map((r) => r.href)).toEqual([hrefs[0]])
    expect(fetched).toHaveLength(count)
    console.log(
      `Radicale: PUT ${(written / putSeconds).toFixed(0)}/s (sequential, ${written} objects); ${count} objects: first list ` +
        `${coldListMs.toFixed(0)} ms, list ${listMs.toFixed(0)} ms, ` +
        `changes(null) ${syncMs.toFixed(0)} ms, changes(token, 1 changed) ${incrementalMs.toFixed(0)} ms, ` +
        `fetch (multi-get) ${fetchMs.toFixed(0)} ms`,
    )
  })
})
