import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { inWindow, syncWindow } from '../../engines/calendar/sync-window'
import { parseCalendar } from './ics-parser'

/**
 * RFC 5545 §3.8.5.3's examples (with DTSTART moved to Asia/Tokyo, which has no DST), plus the case of issue 9
 * item 10. For each rule with an end, the series' last end must be either exactly right or unknown (null:
 * the series is copied whole). Never earlier than the truth: that would drop a series still running.
 */
interface Example {
  readonly name: string
  readonly dtstart: string
  readonly rule: string
  /** The last occurrence's start (Tokyo wall time), from the RFC's own list; null when the rule never ends. */
  readonly lastStart: string | null
  /** How Renkei finds the end today: 'exact' (computed, equals the RFC) or 'whole' (unknown: copied whole). */
  readonly outcome: 'exact' | 'whole'
}

const examples: readonly Example[] = [
  {
    name: 'daily, 10 times',
    dtstart: '19970902T090000',
    rule: 'FREQ=DAILY;COUNT=10',
    lastStart: '19970911T090000',
    outcome: 'exact',
  },
  {
    name: 'every other day, forever',
    dtstart: '19970902T090000',
    rule: 'FREQ=DAILY;INTERVAL=2',
    lastStart: null,
    outcome: 'whole',
  },
  {
    name: 'every 10 days, 5 times',
    dtstart: '19970902T090000',
    rule: 'FREQ=DAILY;INTERVAL=10;COUNT=5',
    lastStart: '19971012T090000',
    outcome: 'exact',
  },
  {
    name: 'weekly, 10 times',
    dtstart: '19970902T090000',
    rule: 'FREQ=WEEKLY;COUNT=10',
    lastStart: '19971104T090000',
    outcome: 'exact',
  },
  {
    name: 'weekly on Tue and Thu for five weeks',
    dtstart: '19970902T090000',
    rule: 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
    lastStart: '19971002T090000',
    outcome: 'exact',
  },
  {
    name: 'every other week on Tue and Thu, 8 times',
    dtstart: '19970902T090000',
    rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
    lastStart: '19971016T090000',
    outcome: 'exact',
  },
  {
    name: 'monthly on the first Friday, 10 times',
    dtstart: '19970905T090000',
    rule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
    lastStart: '19980605T090000',
    outcome: 'exact',
  },
  {
    name: 'every other month on the first and last Sunday, 10 times',
    dtstart: '19970907T090000',
    rule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
    lastStart: '19980531T090000',
    outcome: 'exact',
  },
  {
    name: 'monthly on the second-to-last Monday, 6 times',
    dtstart: '19970922T090000',
    rule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    lastStart: '19980216T090000',
    outcome: 'exact',
  },
  {
    name: 'monthly on the third-to-last day, forever',
    dtstart: '19970928T090000',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=-3',
    lastStart: null,
    outcome: 'whole',
  },
  {
    name: 'monthly on the 2nd and 15th, 10 times',
    dtstart: '19970902T090000',
    rule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
    lastStart: '19980115T090000',
    outcome: 'exact',
  },
  {
    name: 'monthly on the first and last day, 10 times',
    dtstart: '19970930T090000',
    rule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
    lastStart: '19980201T090000',
    outcome: 'exact',
  },
  {
    name: 'every 18 months on the 10th to 15th, 10 times',
    dtstart: '19970910T090000',
    rule: 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
    lastStart: '19990313T090000',
    outcome: 'exact',
  },
  {
    name: 'yearly in June and July, 10 times',
    dtstart: '19970610T090000',
    rule: 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
    lastStart: '20010710T090000',
    outcome: 'exact',
  },
  {
    name: 'every other year in January to March, 10 times',
    dtstart: '19970310T090000',
    rule: 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
    lastStart: '20030310T090000',
    outcome: 'exact',
  },
  {
    name: 'every third year on days 1, 100 and 200, 10 times',
    dtstart: '19970101T090000',
    rule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    lastStart: '20060101T090000',
    outcome: 'whole',
  },
  {
    name: 'the 20th Monday of the year, forever',
    dtstart: '19970519T090000',
    rule: 'FREQ=YEARLY;BYDAY=20MO',
    lastStart: null,
    outcome: 'whole',
  },
  {
    name: 'the 20th Monday of the year, 3 times (issue 9)',
    dtstart: '20260518T090000',
    rule: 'FREQ=YEARLY;COUNT=3;BYDAY=20MO',
    lastStart: '20280515T090000',
    outcome: 'whole',
  },
  {
    name: 'Monday of week 20, forever',
    dtstart: '19970512T090000',
    rule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    lastStart: null,
    outcome: 'whole',
  },
  {
    name: 'every Thursday in March, forever',
    dtstart: '19970313T090000',
    rule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
    lastStart: null,
    outcome: 'whole',
  },
  {
    name: 'every Friday the 13th, forever',
    dtstart: '19970902T090000',
    rule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    lastStart: null,
    outcome: 'whole',
  },
  {
    name: 'US presidential election day, forever',
    dtstart: '19961105T090000',
    rule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
    lastStart: null,
    outcome: 'whole',
  },
  {
    name: 'the third Tue, Wed or Thu of the month, 3 times',
    dtstart: '19970904T090000',
    rule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    lastStart: '19971106T090000',
    outcome: 'whole',
  },
  {
    name: 'every 15 minutes, 6 times',
    dtstart: '19970902T090000',
    rule: 'FREQ=MINUTELY;INTERVAL=15;COUNT=6',
    lastStart: '19970902T101500',
    outcome: 'exact',
  },
  {
    name: 'every hour and a half, 4 times',
    dtstart: '19970902T090000',
    rule: 'FREQ=MINUTELY;INTERVAL=90;COUNT=4',
    lastStart: '19970902T133000',
    outcome: 'exact',
  },
  {
    name: 'WKST=MO: every other week on Tue and Sun, 4 times',
    dtstart: '19970805T090000',
    rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    lastStart: '19970824T090000',
    outcome: 'exact',
  },
  {
    name: 'WKST=SU: every other week on Tue and Sun, 4 times',
    dtstart: '19970805T090000',
    rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
    lastStart: '19970831T090000',
    outcome: 'exact',
  },
  {
    name: 'the 15th and 30th, 5 times (no February 30)',
    dtstart: '20070115T090000',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
    lastStart: '20070330T090000',
    outcome: 'exact',
  },
  {
    name: 'daily until 24 December',
    dtstart: '19970902T090000',
    rule: 'FREQ=DAILY;UNTIL=19971224T000000Z',
    lastStart: '19971224T090000',
    outcome: 'exact',
  },
]

const hour = 3_600_000

/** A Tokyo wall time (YYYYMMDDTHHMMSS) as an instant. */
function tokyo(wall: string): number {
  const [, y, mo, d, h, mi] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)/.exec(wall)!
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 9, Number(mi))
}

function lastEndOf(example: Example): number | null {
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    'UID:rule@example.jp',
    'DTSTAMP:19970901T000000Z',
    `DTSTART;TZID=Asia/Tokyo:${example.dtstart}`,
    'DURATION:PT1H',
    `RRULE:${example.rule}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
  const parsed = parseCalendar(text)
  expect(parsed.problems).toEqual([])
  return parsed.items[0]!.lastEnd
}

describe('the end of a series (RFC 5545 §3.8.5.3 examples)', () => {
  it.each(examples)('$name: $outcome', (example) => {
    const lastEnd = lastEndOf(example)
    // UNTIL is an upper bound on the last start: the end is taken from it without expanding the rule.
    const truth = example.rule.includes('UNTIL')
      ? Date.parse('1997-12-24T00:00:00Z') + hour
      : example.lastStart === null
        ? null
        : tokyo(example.lastStart) + hour
    if (example.outcome === 'whole') expect(lastEnd).toBeNull()
    else expect(lastEnd).toBe(truth)
  })

  it('never places the end before the truth, whatever the library expands', () => {
    for (const example of examples) {
      const lastEnd = lastEndOf(example)
      if (example.lastStart === null || lastEnd === null) continue
      expect(lastEnd, example.name).toBeGreaterThanOrEqual(tokyo(example.lastStart) + hour)
    }
  })
})

/** ical.js's own expansion, unchecked: the COUNT-th start as Tokyo wall text. */
function icalJsLastStart(example: Example): string {
  const data = Object.fromEntries(example.rule.split(';').map((part) => part.split('=') as [string, string]))
  const [, y, mo, d, h, mi] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)/.exec(example.dtstart)!
  const first = ICAL.Time.fromData({ year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi! })
  const iterator = ICAL.Recur.fromString(example.rule).iterator(first)
  let last = first
  for (let n = 0; n < Number(data['COUNT']); n++) last = iterator.next() ?? last
  return last.toString().replace(/[-:]/g, '')
}

describe('ical.js 2.2.1 against the RFC (why some series are copied whole)', () => {
  const counted = examples.filter((example) => example.rule.includes('COUNT'))
  const wrong = ['the 20th Monday of the year, 3 times (issue 9)']

  it.each(counted)('$name', (example) => {
    const right = icalJsLastStart(example) === example.lastStart
    expect(right).toBe(!wrong.includes(example.name))
  })

  it('the issue 9 series, whose third 20th Monday is in 2028, is copied in November 2026', () => {
    const example = examples.find((e) => e.name.includes('issue 9'))!
    const window = syncWindow(Date.parse('2026-11-23T09:00:00+09:00'), 1, 370)
    const [item] = parseCalendar(
      [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'UID:rule@example.jp',
        `DTSTART;TZID=Asia/Tokyo:${example.dtstart}`,
        `RRULE:${example.rule}`,
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n'),
    ).items
    expect(inWindow(item!, window)).toBe(true)
  })
})
