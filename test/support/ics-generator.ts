/**
 * A large, realistic feed for benchmarks and load tests: weekly series (with EXDATEs, some with an
 * override, ending by COUNT, UNTIL or never) and single events (zoned, UTC and all-day), Google-style.
 */

export interface FeedShape {
  /** Weekly series; every fourth has one moved occurrence (an extra VEVENT). */
  readonly series: number
  readonly singles: number
  /** First day, YYYY-MM-DD. */
  readonly start: string
  /** IANA zone of the VTIMEZONE; written with the zone's offset on `start` (no DST rules). */
  readonly tz: string
}

const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']
const stamp = '20261120T010203Z'

const pad = (value: number): string => String(value).padStart(2, '0')

function basic(date: Date, withTime: boolean): string {
  const day = `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`
  return withTime ? `${day}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}00` : day
}

/** Wall-clock arithmetic on a UTC-based Date (the wall time is what the feed writes). */
function wall(start: string, days: number, hour = 0, minute = 0): Date {
  const date = new Date(`${start}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  date.setUTCHours(hour, minute)
  return date
}

function offsetOf(tz: string, start: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${start}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '')
  return match ? `${match[1]}${match[2]}${match[3]}` : '+0000'
}

/** RFC 5545 folding at 74 characters (the text here is ASCII or short enough in octets). */
function fold(line: string): string {
  const parts: string[] = []
  for (let at = 0; at < line.length; at += 60) parts.push(line.slice(at, at + 60))
  return parts.join('\r\n ')
}

function seriesEvents(index: number, shape: FeedShape): string[] {
  const { start, tz } = shape
  const first = wall(start, index % 28, 9 + (index % 8), index % 2 ? 30 : 0)
  const end = new Date(first.getTime() + 3_600_000)
  const ending =
    index % 3 === 0 ? 'COUNT=20' : index % 3 === 1 ? `UNTIL=${basic(wall(start, 120), false)}T145959Z` : ''
  const rule = `RRULE:FREQ=WEEKLY;BYDAY=${weekdays[first.getUTCDay()]}${ending ? `;${ending}` : ''}`
  const uid = `series-${index}@renkei.test`
  const at = (weeks: number): string => basic(new Date(first.getTime() + weeks * 7 * 86_400_000), true)
  const master = [
    'BEGIN:VEVENT',
    `DTSTART;TZID=${tz}:${basic(first, true)}`,
    `DTEND;TZID=${tz}:${basic(end, true)}`,
    rule,
    `EXDATE;TZID=${tz}:${at(2)},${at(5)}`,
    `DTSTAMP:${stamp}`,
    `UID:${uid}`,
    `CREATED:20260901T000000Z`,
    fold(
      `DESCRIPTION:週次の定例会議 ${index}。議題は前日までに共有してください。Agenda: status\\, risks and next steps for team ${index}.`,
    ),
    `LAST-MODIFIED:20261101T000000Z`,
    `LOCATION:会議室 ${index % 12}`,
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    `SUMMARY:定例会議 ${index}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ]
  if (index % 4 !== 0) return master
  const moved = new Date(first.getTime() + 3 * 7 * 86_400_000 + 2 * 3_600_000)
  return [
    ...master,
    'BEGIN:VEVENT',
    `DTSTART;TZID=${tz}:${basic(moved, true)}`,
    `DTEND;TZID=${tz}:${basic(new Date(moved.getTime() + 3_600_000), true)}`,
    `DTSTAMP:${stamp}`,
    `UID:${uid}`,
    `RECURRENCE-ID;TZID=${tz}:${at(3)}`,
    'SEQUENCE:1',
    'STATUS:CONFIRMED',
    `SUMMARY:定例会議 ${index}（時間変更）`,
    'END:VEVENT',
  ]
}

function singleEvent(index: number, shape: FeedShape): string[] {
  const { start, tz } = shape
  const day = index % 120
  const kind = index % 10
  const begin = wall(start, day, 8 + (index % 10), (index % 4) * 15)
  const times =
    kind === 0
      ? [
          `DTSTART;VALUE=DATE:${basic(wall(start, day), false)}`,
          `DTEND;VALUE=DATE:${basic(wall(start, day + 1), false)}`,
        ]
      : kind === 1
        ? [`DTSTART:${basic(begin, true)}Z`, `DTEND:${basic(new Date(begin.getTime() + 1_800_000), true)}Z`]
        : [
            `DTSTART;TZID=${tz}:${basic(begin, true)}`,
            `DTEND;TZID=${tz}:${basic(new Date(begin.getTime() + 3_600_000), true)}`,
          ]
  return [
    'BEGIN:VEVENT',
    ...times,
    `DTSTAMP:${stamp}`,
    `UID:single-${index}@renkei.test`,
    'CREATED:20261001T000000Z',
    fold(
      `DESCRIPTION:打ち合わせ ${index} の資料は共有フォルダーにあります。Materials are in the shared folder\\, see ticket ${index}.`,
    ),
    'LAST-MODIFIED:20261102T000000Z',
    `LOCATION:オンライン ${index % 7}`,
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    `SUMMARY:打ち合わせ ${index}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ]
}

export function generateFeed(shape: FeedShape): string {
  const offset = offsetOf(shape.tz, shape.start)
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:生成カレンダー',
    `X-WR-TIMEZONE:${shape.tz}`,
    'BEGIN:VTIMEZONE',
    `TZID:${shape.tz}`,
    `X-LIC-LOCATION:${shape.tz}`,
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'TZNAME:STD',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ]
  for (let i = 0; i < shape.series; i++) lines.push(...seriesEvents(i, shape))
  for (let i = 0; i < shape.singles; i++) lines.push(...singleEvent(i, shape))
  lines.push('END:VCALENDAR', '')
  return lines.join('\r\n')
}
