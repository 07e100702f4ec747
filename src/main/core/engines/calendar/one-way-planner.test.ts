import { describe, expect, it } from 'vitest'
import type { CalendarItem } from './calendar-connectors'
import type { ItemMapping } from './calendar-state'
import { planOneWay } from './one-way-planner'
import { syncWindow } from './sync-window'

const now = new Date(2026, 10, 23, 12).getTime()
const window = syncWindow(now, 1, 370)
const day = 24 * 60 * 60 * 1000

function item(uid: string, fingerprint: string, extra: Partial<CalendarItem> = {}): CalendarItem {
  return {
    uid,
    ics: `BEGIN:VCALENDAR…${uid}`,
    fingerprint,
    summary: uid,
    time: { start: '2026-12-01T09:00:00', end: '2026-12-01T10:00:00', allDay: false, timeZone: 'Asia/Tokyo' },
    recurring: false,
    firstStart: now + day,
    lastEnd: now + day + 3600_000,
    lastModified: null,
    cancelled: false,
    ...extra,
  }
}

function mapped(
  uid: string,
  fingerprint: string,
  etag: string,
  extra: Partial<ItemMapping> = {},
): ItemMapping {
  return {
    uid,
    origin: 'source',
    sourceHref: null,
    sourceEtag: null,
    targetHref: `https://dav/cal/${uid}.ics`,
    targetEtag: etag,
    fingerprint,
    setAside: null,
    detached: false,
    summary: uid,
    time: null,
    ...extra,
  }
}

function plan(items: CalendarItem[], rows: ItemMapping[], target: [string, string | null][]) {
  return planOneWay({
    items,
    mapping: new Map(rows.map((row) => [row.uid, row])),
    target: new Map(target),
    window,
    hrefFor: (uid) => `https://dav/cal/${uid}.ics`,
  })
}

const kinds = (result: ReturnType<typeof plan>) =>
  result.actions.map((a) => `${a.kind}:${'item' in a ? a.item.uid : a.mapping.uid}`)

describe('planOneWay', () => {
  it('creates new events inside the window at the href derived from the UID', () => {
    const result = plan([item('a', 'f1')], [], [])
    expect(result.actions).toMatchObject([
      { kind: 'create', side: 'target', href: 'https://dav/cal/a.ics', origin: 'source' },
    ])
  })

  it('window: skips single events outside it, keeps a series that began years ago and never ends', () => {
    const old = item('old', 'f', { firstStart: window.start - 40 * day, lastEnd: window.start - 39 * day })
    const far = item('far', 'f', { firstStart: window.end + day, lastEnd: window.end + day + 1 })
    const series = item('weekly', 'f', { recurring: true, firstStart: now - 3 * 365 * day, lastEnd: null })
    const endedSeries = item('ended', 'f', {
      recurring: true,
      firstStart: now - 400 * day,
      lastEnd: window.start - day,
    })
    expect(kinds(plan([old, far, series, endedSeries], [], []))).toEqual(['create:weekly'])
  })

  it('writes nothing when fingerprints and ETags agree', () => {
    const result = plan([item('a', 'f1')], [mapped('a', 'f1', 'e1')], [['https://dav/cal/a.ics', 'e1']])
    expect(result.actions).toEqual([])
    expect(result.unchanged).toBe(1)
  })

  it('updates with If-Match on the current ETag when the source changed, or when someone edited the copy', () => {
    const changed = plan([item('a', 'f2')], [mapped('a', 'f1', 'e1')], [['https://dav/cal/a.ics', 'e1']])
    expect(changed.actions).toMatchObject([{ kind: 'update', etag: 'e1' }])
    const edited = plan([item('a', 'f1')], [mapped('a', 'f1', 'e1')], [['https://dav/cal/a.ics', 'e9']])
    expect(edited.actions).toMatchObject([{ kind: 'update', etag: 'e9' }])
  })

  it('recreates a copy someone deleted on the target, at the same href', () => {
    const result = plan([item('a', 'f1')], [mapped('a', 'f1', 'e1')], [])
    expect(result.actions).toMatchObject([{ kind: 'create', href: 'https://dav/cal/a.ics' }])
  })

  it('deletes the copy when the source dropped or cancelled the event, and only Renkei copies', () => {
    const result = plan(
      [item('cancelled', 'f', { cancelled: true })],
      [mapped('gone', 'f', 'e1'), mapped('cancelled', 'f', 'e2')],
      [
        ['https://dav/cal/gone.ics', 'e1'],
        ['https://dav/cal/cancelled.ics', 'e2'],
        ['https://dav/cal/made-by-a-person.ics', 'e3'],
      ],
    )
    expect(kinds(result).sort()).toEqual(['delete:cancelled', 'delete:gone'])
  })

  it('keeps the copy of an event that slid out of the window but is still in the source', () => {
    const past = item('past', 'f1', { firstStart: window.start - 40 * day, lastEnd: window.start - 39 * day })
    const result = plan([past], [mapped('past', 'f1', 'e1')], [['https://dav/cal/past.ics', 'e1']])
    expect(result.actions).toEqual([])
  })

  it('forgets a mapping whose copy and source are both gone, without writing', () => {
    const result = plan([], [mapped('a', 'f1', 'e1')], [])
    expect(result.actions).toEqual([])
    expect(result.bookkeeping).toEqual([{ uid: 'a', mapping: null }])
  })

  it('skips an event the server refused until it changes', () => {
    const refused = mapped('a', 'f1', 'e1', { setAside: 'f2' })
    const still = plan([item('a', 'f2')], [refused], [['https://dav/cal/a.ics', 'e1']])
    expect(still.actions).toEqual([])
    expect(still.setAside).toBe(1)
    const edited = plan([item('a', 'f3')], [refused], [['https://dav/cal/a.ics', 'e1']])
    expect(kinds(edited)).toEqual(['update:a'])
  })

  it('learns the ETag from the listing when the server sent none on the last write', () => {
    const result = plan(
      [item('a', 'f1')],
      [mapped('a', 'f1', 'x', { targetEtag: null })],
      [['https://dav/cal/a.ics', 'e5']],
    )
    expect(result.actions).toEqual([])
    expect(result.bookkeeping).toMatchObject([{ uid: 'a', mapping: { targetEtag: 'e5' } }])
  })
})
