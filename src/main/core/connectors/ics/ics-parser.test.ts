import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CalendarItem } from '../../engines/calendar/calendar-connectors'
import { ConnectorError } from '../connector-error'
import { parseCalendar } from './ics-parser'

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../../../../test/fixtures/calendar', name), 'utf8')

const google = fixture('google.ics')
const weekly = '0f3k8s1v2m7q9c4b6n5p2r8t1w@google.com'

function item(text: string, uidStart: string): CalendarItem {
  const found = parseCalendar(text).items.find((candidate) => candidate.uid.startsWith(uidStart))
  if (!found) throw new Error(`no item ${uidStart}`)
  return found
}

const vevents = (ics: string): number => ics.match(/^BEGIN:VEVENT\r$/gm)?.length ?? 0
const zonesIn = (ics: string): string[] =>
  [...ics.matchAll(/^BEGIN:VTIMEZONE\r\nTZID:(.+)\r$/gm)].map((m) => m[1] ?? '')
const at = (iso: string): number => Date.parse(iso)

function thrown(run: () => unknown): ConnectorError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConnectorError) return error
    throw error
  }
  throw new Error('did not throw')
}

describe('parseCalendar: series and their overrides', () => {
  it('keeps a series with its overrides as one item, never expanded, whatever their order in the feed', () => {
    const parsed = parseCalendar(google)
    expect(parsed.problems).toEqual([])
    expect(parsed.items.filter((i) => i.uid === weekly)).toHaveLength(1)
    const series = item(google, weekly)
    expect(series.recurring).toBe(true)
    expect(series.summary).toBe('週次定例')
    expect(vevents(series.ics)).toBe(3)
    // master first, then the overrides
    expect(series.ics.indexOf('RRULE:')).toBeLessThan(series.ics.indexOf('RECURRENCE-ID'))
    expect(series.ics).toContain('STATUS:CANCELLED')
    expect(series.cancelled).toBe(false)
    expect(series.time).toEqual({
      start: '2026-11-02T10:00:00',
      end: '2026-11-02T11:00:00',
      allDay: false,
      timeZone: 'Asia/Tokyo',
    })
  })

  it('writes a complete CRLF VCALENDAR that keeps EXDATE, RDATE, RRULE, VALARM and X- properties', () => {
    const series = item(google, weekly)
    expect(
      series.ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Renkei//Calendar Sync//JA\r\n'),
    ).toBe(true)
    expect(series.ics).toContain('CALSCALE:GREGORIAN\r\n')
    expect(series.ics).not.toContain('METHOD:')
    expect(series.ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(series.ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(series.ics).toContain('EXDATE;TZID=Asia/Tokyo:20261228T100000\r\n')
    expect(series.ics).toContain('EXDATE;TZID=Asia/Tokyo:20270104T100000\r\n')
    expect(series.ics).toContain('RRULE:FREQ=WEEKLY;WKST=SU;UNTIL=20270329T005959Z;BYDAY=MO\r\n')
    expect(series.ics).toContain('BEGIN:VALARM\r\n')
    expect(series.ics).toContain('X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r\n')

    const outlook = item(fixture('outlook.ics'), '040000008200E00074C5B7101A82E00800000000B0D1')
    expect(outlook.ics).toContain('RDATE;TZID=Tokyo Standard Time:20270305T100000\r\n')
    expect(outlook.ics).toContain('X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n')
  })

  it('makes an item of overrides whose master is not in the feed', () => {
    const onlyOverride = google.replace(
      /BEGIN:VEVENT\r\nDTSTART;TZID=Asia\/Tokyo:20261102T100000[\s\S]*?END:VEVENT\r\n/,
      '',
    )
    const orphan = item(onlyOverride, weekly)
    expect(orphan.recurring).toBe(false)
    expect(vevents(orphan.ics)).toBe(2)
    expect(orphan.summary).toBe('週次定例（時間変更）')
    expect(orphan.firstStart).toBe(at('2026-12-07T14:00:00+09:00'))
    expect(orphan.lastEnd).toBe(at('2026-12-14T11:00:00+09:00'))
  })

  it('writes the right event even when the feed nests a VEVENT inside another component', () => {
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:X-ARCHIVE',
      'BEGIN:VEVENT',
      'UID:archived@example.jp',
      'DTSTART:20261201T010000Z',
      'END:VEVENT',
      'END:X-ARCHIVE',
      'BEGIN:VEVENT',
      'UID:current@example.jp',
      'DTSTART:20261202T010000Z',
      'SUMMARY:current',
      'END:VEVENT',
      'END:VCALENDAR',
    ]
    const parsed = parseCalendar(lines.join('\r\n'))
    expect(parsed.items.map((i) => i.uid)).toEqual(['current@example.jp'])
    expect(parsed.items[0]?.ics).toContain('UID:current@example.jp\r\n')
    expect(parsed.items[0]?.ics).not.toContain('archived')
  })
})

describe('parseCalendar: times as the feed states them', () => {
  it('keeps all-day events as dates and floating times floating', () => {
    const holiday = item(google, '3c5e7g9i')
    expect(holiday.time).toEqual({ start: '2026-12-29', end: '2027-01-04', allDay: true, timeZone: null })
    expect(holiday.ics).toContain('DTSTART;VALUE=DATE:20261229\r\n')

    const apple = fixture('apple.ics')
    const recital = item(apple, '5F1C2B3A')
    expect(recital.time).toEqual({
      start: '2026-12-05T10:00:00',
      end: '2026-12-05T12:00:00',
      allDay: false,
      timeZone: null,
    })
    expect(recital.ics).toContain('DTSTART:20261205T100000\r\n')
    expect(recital.ics).toContain('X-APPLE-STRUCTURED-LOCATION;VALUE=URI;')
    expect(recital.ics).toContain('BEGIN:VALARM\r\n')
    // floating and all-day times are read in this computer's zone (the tests run in Asia/Tokyo)
    expect(recital.firstStart).toBe(at('2026-12-05T10:00:00+09:00'))
    expect(item(apple, 'D1E2F3A4').time.end).toBeNull()
  })

  it('shows UTC times with Z and no zone', () => {
    expect(item(google, '2b9c4d6e').time).toEqual({
      start: '2026-11-30T01:00:00Z',
      end: '2026-11-30T02:00:00Z',
      allDay: false,
      timeZone: null,
    })
  })

  it('derives the end from DURATION when DTEND is absent', () => {
    const text = google.replace('DTEND:20261130T020000Z', 'DURATION:PT1H30M')
    const call = item(text, '2b9c4d6e')
    expect(call.time.end).toBe('2026-11-30T02:30:00Z')
    expect(call.lastEnd).toBe(at('2026-11-30T02:30:00Z'))
  })

  it('includes exactly the VTIMEZONEs an item refers to', () => {
    expect(zonesIn(item(google, weekly).ics)).toEqual(['Asia/Tokyo'])
    expect(zonesIn(item(google, '6f8h0j2l').ics)).toEqual(['America/New_York'])
    expect(zonesIn(item(google, '2b9c4d6e').ics)).toEqual([])
    expect(zonesIn(item(google, '8d1f3h5j').ics)).toEqual([])
    expect(zonesIn(item(fixture('outlook.ics'), '040000008200E00074C5B7101A82E00800000000F1E2').ics)).toEqual(
      ['Pacific Standard Time'],
    )
  })
})

describe('parseCalendar: the sync window (firstStart / lastEnd)', () => {
  it('reads zoned times with the feed’s own VTIMEZONE rules, DST included', () => {
    const ny = item(google, '6f8h0j2l')
    expect(ny.firstStart).toBe(at('2026-12-01T09:00:00-05:00'))
    expect(ny.lastEnd).toBe(at('2026-12-01T10:00:00-05:00'))
    const pacific = item(fixture('outlook.ics'), '040000008200E00074C5B7101A82E00800000000F1E2')
    expect(pacific.firstStart).toBe(at('2026-12-01T16:00:00-08:00'))
  })

  it('ends an UNTIL series at UNTIL plus the event’s length', () => {
    const series = item(google, weekly)
    expect(series.firstStart).toBe(at('2026-11-02T10:00:00+09:00'))
    expect(series.lastEnd).toBe(at('2027-03-29T00:59:59Z') + 3_600_000)
  })

  it('ends a COUNT series at its COUNT-th occurrence', () => {
    // FREQ=DAILY;COUNT=10;BYDAY=MO..FR from Tue 24 Nov: the tenth weekday is Mon 7 Dec
    expect(item(google, '9a1c3e5g').lastEnd).toBe(at('2026-12-07T09:45:00+09:00'))
    // FREQ=WEEKLY;COUNT=6 from Thu 26 Nov: the sixth is Thu 31 Dec
    expect(item(google, '4e6g8i0k').lastEnd).toBe(at('2026-12-31T17:30:00+09:00'))
  })

  it('extends a series to an RDATE beyond its rule, and leaves an endless series open', () => {
    const outlook = item(fixture('outlook.ics'), '040000008200E00074C5B7101A82E00800000000B0D1')
    expect(outlook.lastEnd).toBe(at('2027-03-05T11:00:00+09:00'))
    const gym = item(fixture('apple.ics'), 'A0B1C2D3')
    expect(gym.recurring).toBe(true)
    expect(gym.lastEnd).toBeNull()
  })

  it('gives all-day events their whole day, also without DTEND', () => {
    const day = item(fixture('apple.ics'), 'D1E2F3A4')
    expect(day.firstStart).toBe(at('2027-01-11T00:00:00+09:00'))
    expect(day.lastEnd).toBe(at('2027-01-12T00:00:00+09:00'))
  })

  it('takes LAST-MODIFIED (else DTSTAMP) of the latest component, and STATUS:CANCELLED of the master', () => {
    expect(item(google, weekly).lastModified).toBe(at('2026-11-21T01:00:00Z'))
    expect(item(fixture('apple.ics'), 'D1E2F3A4').lastModified).toBe(at('2026-10-20T00:00:00Z'))
    const cancelled = google.replace(
      'STATUS:CONFIRMED\r\nSUMMARY:NY office sync',
      'STATUS:CANCELLED\r\nSUMMARY:NY office sync',
    )
    expect(item(cancelled, '6f8h0j2l').cancelled).toBe(true)
  })
})

describe('parseCalendar: fingerprints', () => {
  const fingerprints = (text: string) =>
    new Map(parseCalendar(text).items.map((i) => [i.uid, i.fingerprint] as const))

  it('ignores re-stamping, re-ordering, re-folding, line ends and renamed zones with the same rules', () => {
    const reordered = fixture('google-reordered.ics')
    expect(reordered).not.toContain('TZID=Asia/Tokyo')
    expect(reordered).not.toContain('\r\n')
    expect(fingerprints(reordered)).toEqual(fingerprints(google))
  })

  it('changes when the summary, a time, an EXDATE or an override changes', () => {
    const base = item(google, weekly).fingerprint
    const edits = [
      google.replace('SUMMARY:週次定例\r\n', 'SUMMARY:週次定例（改）\r\n'),
      google.replace('DTEND;TZID=Asia/Tokyo:20261102T110000', 'DTEND;TZID=Asia/Tokyo:20261102T113000'),
      google.replace('EXDATE;TZID=Asia/Tokyo:20270104T100000', 'EXDATE;TZID=Asia/Tokyo:20270111T100000'),
      google.replace('DTSTART;TZID=Asia/Tokyo:20261207T140000', 'DTSTART;TZID=Asia/Tokyo:20261207T150000'),
    ]
    for (const edited of edits) {
      expect(edited).not.toBe(google)
      expect(item(edited, weekly).fingerprint).not.toBe(base)
    }
  })

  it('changes when a zone’s rules change under the same name', () => {
    const shifted = google.replace('TZOFFSETTO:+0900\r\nTZNAME:JST', 'TZOFFSETTO:+1000\r\nTZNAME:JST')
    expect(item(shifted, weekly).fingerprint).not.toBe(item(google, weekly).fingerprint)
  })
})

describe('parseCalendar: the calendar’s zone', () => {
  it('takes X-WR-TIMEZONE, else the zone most events use, mapped to IANA', () => {
    expect(parseCalendar(google).timeZone).toBe('Asia/Tokyo')
    expect(parseCalendar(fixture('outlook.ics')).timeZone).toBe('Asia/Tokyo')
    expect(parseCalendar(fixture('apple.ics')).timeZone).toBe('Asia/Tokyo')
    const floating = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:f',
      'DTSTART:20261201T100000',
      'END:VEVENT',
      'END:VCALENDAR',
    ]
    expect(parseCalendar(floating.join('\n')).timeZone).toBeNull()
  })
})

describe('parseCalendar: feeds it cannot read', () => {
  it('sets aside an event without UID or DTSTART, with its line, and reads the rest', () => {
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'DTSTART:20261201T010000Z',
      'SUMMARY:no uid',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:no-start@example.jp',
      'SUMMARY:no start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:fine@example.jp',
      'DTSTART:20261202T010000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ]
    const parsed = parseCalendar(`\uFEFF${lines.join('\n')}`)
    expect(parsed.items.map((i) => i.uid)).toEqual(['fine@example.jp'])
    expect(parsed.problems).toMatchObject([
      { line: 3, uid: null },
      { line: 7, uid: 'no-start@example.jp' },
    ])
    expect(parsed.problems[0]?.message.en).toMatch(/without a UID \(line 3\)/)
    expect(parsed.problems[1]?.message.ja).toMatch(/DTSTART/)
  })

  it('refuses a broken feed as permanent, naming the line', () => {
    const error = thrown(() => parseCalendar(fixture('broken.ics')))
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toMatch(/not a valid iCalendar feed \(line 12\)/)
    expect(error.localized.ja).toMatch(/12 行目/)
  })

  it('refuses a login page, an empty body and a truncated download as permanent', () => {
    const page = thrown(() => parseCalendar('<!DOCTYPE html>\n<html><body>Sign in</body></html>'))
    expect(page.kind).toBe('permanent')
    expect(page.localized.en).toMatch(/web page \(HTML\).*line 1/)
    expect(thrown(() => parseCalendar('  \r\n')).localized.en).toMatch(/empty/)
    const truncated = google.slice(0, google.indexOf('END:VEVENT'))
    const cut = thrown(() => parseCalendar(truncated))
    expect(cut.kind).toBe('permanent')
    expect(cut.localized.en).toMatch(/line \d+/)
  })
})
