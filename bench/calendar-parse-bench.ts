/**
 * Calendar sync, in process: a 10,000-event feed (2,000 weekly series with EXDATEs and overrides + 8,000
 * single events, Asia/Tokyo VTIMEZONE) parsed and planned against the previous run's mapping in SQLite,
 * with 1% of the events edited. Goal (issue 4): parse + diff < 0.5 s.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

function once(text: string): { parse: number; load: number; plan: number; actions: number } {
  let start = process.hrtime.bigint()
  const parsed = parseCalendar(text)
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
const total = (r: ReturnType<typeof once>): number => r.parse + r.load + r.plan
const line = (label: string, r: ReturnType<typeof once>): string =>
  `  ${label.padEnd(34)} parse ${r.parse.toFixed(0).padStart(4)} ms  load mapping ${r.load.toFixed(0).padStart(3)} ms  plan ${r.plan.toFixed(0).padStart(3)} ms  = ${total(r).toFixed(0).padStart(4)} ms  (${r.actions} writes)`
console.log(line('1% edited, first in process', cold))
console.log(line('1% edited, warm (median of 5)', warm.sort((a, b) => total(a) - total(b))[2]!))
console.log(line('unchanged text (no 304)', unchanged))
const goal = median(warm.map(total))
console.log(
  `  parse + diff goal < 500 ms: ${goal < 500 ? 'met' : 'NOT met'} (warm ${goal.toFixed(0)} ms, cold ${total(cold).toFixed(0)} ms)`,
)
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
db.close()
rmSync(dir, { recursive: true, force: true })
