/**
 * Calendar sync, in process: a 10,000-event feed (2,000 weekly series with EXDATEs and overrides + 8,000
 * single events, Asia/Tokyo VTIMEZONE) parsed and planned against the previous run's mapping in SQLite,
 * with 1% of the events edited. Goal (issue 4): parse + diff < 0.5 s. Measured twice: the whole parse
 * (a first run, or a process that just started), and the engine's path, where the pair's parser still
 * holds the previous run's items and only edited events are parsed again.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IncrementalCalendarParser } from '../src/main/core/connectors/ics/ics-incremental'
import { parseCalendar } from '../src/main/core/connectors/ics/ics-parser'
import { CalendarPairRepository } from '../src/main/core/engines/calendar/calendar-pair-repository'
import { CalendarStateRepository } from '../src/main/core/engines/calendar/calendar-state'
import { planOneWay } from '../src/main/core/engines/calendar/one-way-planner'
import { syncWindow } from '../src/main/core/engines/calendar/sync-window'
import { openDatabase } from '../src/main/core/store/database'
import { generateFeed } from '../test/support/ics-generator'

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const now = Date.parse('2026-11-23T09:00:00+09:00')
const hrefFor = (uid: string): string => `http://127.0.0.1/cal/${uid}.ics`

const feed = generateFeed({ series: 2000, singles: 8000, start: '2026-11-01', tz: 'Asia/Tokyo' })
let edited = 0
const editedFeed = feed.replace(/SUMMARY:([^\r\n]*)/g, (line, summary: string) =>
  edited++ % 100 === 0 ? `SUMMARY:${summary}（変更）` : line,
)

const dir = mkdtempSync(join(tmpdir(), 'renkei-cal-bench-'))
const db = openDatabase(dir)
const pairs = new CalendarPairRepository(db, () => now)
const state = new CalendarStateRepository(db)
pairs.save({
  id: 'bench',
  number: 1,
  name: 'bench',
  employeeKey: '',
  permitted: true,
  source: { kind: 'ics', url: 'http://127.0.0.1/feed.ics', auth: 'none', username: '', maxMegabytes: 20 },
  target: { kind: 'caldav', url: 'http://127.0.0.1/cal/', preset: 'generic', auth: 'basic', username: 'u' },
  direction: 'one-way',
  conflictPolicy: 'source-wins',
})

// The previous run: every event written, with its ETag, as the engine would have recorded it.
const previous = parseCalendar(feed)
const target = new Map<string, string>()
db.transaction(() => {
  previous.items.forEach((item, i) => {
    target.set(hrefFor(item.uid), `"e${i}"`)
    state.putItem('bench', {
      uid: item.uid,
      origin: 'source',
      sourceHref: null,
      sourceEtag: null,
      targetHref: hrefFor(item.uid),
      targetEtag: `"e${i}"`,
      fingerprint: item.fingerprint,
      setAside: null,
      detached: false,
      summary: item.summary,
      time: item.time,
    })
  })
})()
const window = syncWindow(now, 1, 370)

type Parse = (text: string) => { items: ReturnType<typeof parseCalendar>['items'] }

function once(
  text: string,
  parser: Parse = parseCalendar,
): { parse: number; load: number; plan: number; actions: number } {
  let start = process.hrtime.bigint()
  const parsed = parser(text)
  const parse = ms(start)
  start = process.hrtime.bigint()
  const mapping = state.items('bench')
  const load = ms(start)
  start = process.hrtime.bigint()
  const plan = planOneWay({ items: parsed.items, mapping, target, window, hrefFor })
  return { parse, load, plan: ms(start), actions: plan.actions.length }
}

const vevents = feed.match(/BEGIN:VEVENT/g)!.length
console.log(
  `Calendar: ${vevents} VEVENTs in ${(feed.length / 1024 / 1024).toFixed(1)} MB (${previous.items.length} items: series travel whole)`,
)
const cold = once(editedFeed)
const warm = Array.from({ length: 5 }, () => once(editedFeed))
const unchanged = once(feed)
// The engine's path: the pair's parser saw the previous feed last run.
const incremental = Array.from({ length: 5 }, () => {
  const parser = new IncrementalCalendarParser()
  parser.parse(feed)
  return once(editedFeed, (text) => parser.parse(text))
})
const total = (r: ReturnType<typeof once>): number => r.parse + r.load + r.plan
const line = (label: string, r: ReturnType<typeof once>): string =>
  `  ${label.padEnd(42)} parse ${r.parse.toFixed(0).padStart(4)} ms  load mapping ${r.load.toFixed(0).padStart(3)} ms  plan ${r.plan.toFixed(0).padStart(3)} ms  = ${total(r).toFixed(0).padStart(4)} ms  (${r.actions} writes)`
const middle = (runs: ReturnType<typeof once>[]) => [...runs].sort((a, b) => total(a) - total(b))[2]!
const wholeMs = median(warm.map(total))
const goal = median(incremental.map(total))
console.log(line('whole parse, first in process', cold))
console.log(line('whole parse (median of 5)', middle(warm)))
console.log(line('whole parse, unchanged text', unchanged))
console.log(line("engine's path, incremental (median of 5)", middle(incremental)))
console.log(
  `  parse + diff goal < 500 ms: ${goal < 500 ? 'met' : 'NOT met'} on the engine's path (${goal.toFixed(0)} ms); whole parse ${wholeMs.toFixed(0)} ms: ${wholeMs < 500 ? 'met' : 'NOT met'}`,
)
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
db.close()
rmSync(dir, { recursive: true, force: true })
