import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateFeed } from '../../../../../test/support/ics-generator'
import { ConnectorError } from '../connector-error'
import { IncrementalCalendarParser } from './ics-incremental'
import { parseCalendar } from './ics-parser'

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../../../../test/fixtures/calendar', name), 'utf8')
const view = (items: ReturnType<typeof parseCalendar>['items']) =>
  items.map((item) => ({ ...item, ics: item.ics }))

describe('IncrementalCalendarParser', () => {
  it.each(['google.ics', 'outlook.ics', 'apple.ics'])(
    'gives exactly what a whole parse gives: %s',
    (name) => {
      const parser = new IncrementalCalendarParser()
      const whole = parseCalendar(fixture(name))
      expect(view(parser.parse(fixture(name)).items)).toEqual(view(whole.items))
      // Second time: every event comes from memory, and is still the same.
      expect(view(parser.parse(fixture(name)).items)).toEqual(view(whole.items))
    },
  )

  it('reparses only edited events, and the result equals a whole parse of the edited feed', () => {
    const feed = generateFeed({ series: 200, singles: 800, start: '2026-11-01', tz: 'Asia/Tokyo' })
    let n = 0
    const edited = feed.replace(/SUMMARY:([^\r\n]*)/g, (line, s: string) =>
      n++ % 50 === 0 ? `SUMMARY:${s}（変更）` : line,
    )
    const dropped = edited.replace(
      /BEGIN:VEVENT(?:(?!END:VEVENT)[\s\S])*?UID:single-7@[\s\S]*?END:VEVENT\r\n/,
      '',
    )
    const parser = new IncrementalCalendarParser()
    const first = parser.parse(feed).items
    const second = parser.parse(edited).items
    expect(view(second)).toEqual(view(parseCalendar(edited).items))
    // Unedited events are last run's very objects; the edited ones are new.
    const reused = second.filter((item, i) => item === first[i]).length
    const editedUids = new Set(
      second.filter((item, i) => item.fingerprint !== first[i]!.fingerprint).map((i) => i.uid),
    )
    expect(editedUids.size).toBeGreaterThan(10)
    expect(reused).toBe(second.length - editedUids.size)
    expect(parseCalendar(dropped).items).toHaveLength(second.length - 1)
    expect(view(parser.parse(dropped).items)).toEqual(view(parseCalendar(dropped).items))
  })

  it('falls back to the whole parse for a broken edit: same error, same line', () => {
    const parser = new IncrementalCalendarParser()
    const good = fixture('google.ics')
    parser.parse(good)
    const broken = good.replace('SUMMARY:週次定例\r\n', 'SUMMARY:週次定例\r\nthis is not a property\r\n')
    const expected = (() => {
      try {
        parseCalendar(broken)
      } catch (error) {
        return (error as ConnectorError).localized
      }
      return null
    })()
    expect(expected).not.toBeNull()
    expect(() => parser.parse(broken)).toThrow(expect.objectContaining({ localized: expected }))
  })

  it('reports problems of an edited event with the line of the whole feed', () => {
    const parser = new IncrementalCalendarParser()
    const good = fixture('google.ics')
    parser.parse(good)
    const noStart = good.replace(/DTSTART;TZID=Asia\/Tokyo:20261102T100000\r?\n/, '')
    expect(parser.parse(noStart).problems).toEqual(parseCalendar(noStart).problems)
    expect(parseCalendar(noStart).problems).toHaveLength(1)
  })
})
