import { describe, expect, it } from 'vitest'
import { parseCalendar } from './ics-parser'

const event = (lines: string[]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:x',
    'BEGIN:VEVENT',
    'UID:a@example.jp',
    'DTSTAMP:20261120T000000Z',
    'DTSTART:20261201T010000Z',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
const fingerprint = (lines: string[]): string => parseCalendar(event(lines)).items[0]!.fingerprint

describe('fingerprints survive what CalDAV servers rewrite', () => {
  it('a duration in another spelling is the same length of time', () => {
    const alarm = (trigger: string): string[] => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:${trigger}`,
      'END:VALARM',
    ]
    expect(fingerprint(alarm('-P0DT0H10M0S'))).toBe(fingerprint(alarm('-PT10M')))
    expect(fingerprint(alarm('-PT10M'))).not.toBe(fingerprint(alarm('-PT15M')))
  })

  it('a URI with an escaped comma is the same URI; RRULE parts in another order are the same rule', () => {
    expect(fingerprint(['URL;VALUE=URI:geo:35.6\\,139.6'])).toBe(
      fingerprint(['URL;VALUE=URI:geo:35.6,139.6']),
    )
    expect(fingerprint(['RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=MO'])).toBe(
      fingerprint(['RRULE:FREQ=WEEKLY;BYDAY=MO;WKST=SU']),
    )
  })
})
