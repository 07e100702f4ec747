import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { generateFeed } from '../../../../../test/support/ics-generator'
import { IncrementalCalendarParser } from '../../connectors/ics/ics-incremental'
import { parseCalendar } from '../../connectors/ics/ics-parser'
import { openDatabase, type Db } from '../../store/database'
import { CalendarPairRepository } from './calendar-pair-repository'
import { CalendarParseMemoryRepository } from './calendar-parse-memory'

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../../../../test/fixtures/calendar', name), 'utf8')
const view = (items: ReturnType<typeof parseCalendar>['items']) =>
  items.map((item) => ({ ...item, ics: item.ics }))

const root = join(__dirname, '../../../../..')
const childScript = join(root, 'test/support/parse-memory-child.ts')
let dir: string
let db: Db

/** A parser as a process that just started would build it, over the data directory's SQLite. */
function freshParser(): IncrementalCalendarParser {
  db.close()
  db = openDatabase(dir)
  return new IncrementalCalendarParser(new CalendarParseMemoryRepository(db).forPair('u0001'))
}

/** Characters of iCalendar that went through ICAL.parse during `work`. */
function parsedChars(work: () => void): number {
  const spy = vi.spyOn(ICAL, 'parse')
  try {
    work()
    return spy.mock.calls.reduce((sum, [text]) => sum + String(text).length, 0)
  } finally {
    spy.mockRestore()
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-parse-memory-'))
  db = openDatabase(dir)
  new CalendarPairRepository(db, () => 0).save({
    id: 'u0001',
    number: 1,
    name: 'test',
    employeeKey: '',
    permitted: true,
    source: { kind: 'ics', url: 'http://127.0.0.1/feed.ics', auth: 'none', username: '', maxMegabytes: 20 },
    target: { kind: 'caldav', url: 'http://127.0.0.1/cal/', preset: 'generic', auth: 'basic', username: 'u' },
    direction: 'one-way',
    conflictPolicy: 'source-wins',
  })
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("the feed parser's memory in SQLite (a fresh process after a restart)", () => {
  it.each(['google.ics', 'outlook.ics', 'apple.ics', 'google-reordered.ics'])(
    '%s: gives exactly what a whole parse gives, without parsing any event again',
    (name) => {
      freshParser().parse(fixture(name))
      const parser = freshParser()
      let items: ReturnType<typeof parseCalendar>['items'] = []
      expect(parsedChars(() => (items = parser.parse(fixture(name)).items))).toBe(0)
      expect(view(items)).toEqual(view(parseCalendar(fixture(name)).items))
    },
  )

  it('parses only the events edited since the last run, and the result equals a whole parse', () => {
    const feed = generateFeed({ series: 200, singles: 800, start: '2026-11-01', tz: 'Asia/Tokyo' })
    let n = 0
    const edited = feed.replace(/SUMMARY:([^\r\n]*)/g, (line, s: string) =>
      n++ % 50 === 0 ? `SUMMARY:${s}（変更）` : line,
    )
    freshParser().parse(feed)
    const parser = freshParser()
    let items: ReturnType<typeof parseCalendar>['items'] = []
    const chars = parsedChars(() => (items = parser.parse(edited).items))
    expect(chars).toBeGreaterThan(0)
    expect(chars).toBeLessThan(edited.length / 10)
    expect(view(items)).toEqual(view(parseCalendar(edited).items))
    // And the run after that, in yet another process, knows the edits.
    expect(parsedChars(() => freshParser().parse(edited))).toBe(0)
  })

  it('ignores what it remembers when the calendar header changed, and events with problems are not kept', () => {
    const feed = fixture('google.ics')
    freshParser().parse(feed)
    const renamed = feed.replace(/X-WR-CALNAME:[^\r\n]*/, 'X-WR-CALNAME:別名')
    expect(renamed).not.toBe(feed)
    const parser = freshParser()
    expect(parsedChars(() => parser.parse(renamed))).toBeGreaterThan(renamed.length / 2)
    const noStart = renamed.replace(/DTSTART;TZID=Asia\/Tokyo:20261102T100000\r?\n/, '')
    const broken = freshParser().parse(noStart)
    expect(broken.problems).toEqual(parseCalendar(noStart).problems)
    expect(freshParser().parse(noStart).problems).toEqual(parseCalendar(noStart).problems)
  })

  it('a row it cannot read costs a parse of that event, never a failed run', () => {
    const feed = fixture('google.ics')
    freshParser().parse(feed)
    db.prepare('UPDATE calendar_parse_items SET item = ?').run('[1,2]')
    db.prepare(
      'UPDATE calendar_parse_items SET item = ? WHERE key = (SELECT min(key) FROM calendar_parse_items)',
    ).run('not json')
    expect(view(freshParser().parse(feed).items)).toEqual(view(parseCalendar(feed).items))
    // …and the rows are written again.
    expect(parsedChars(() => freshParser().parse(feed))).toBe(0)
  })

  it('survives kill -9 at any moment: what a fresh process reads afterwards equals a whole parse', async () => {
    const feed = generateFeed({ series: 100, singles: 400, start: '2026-11-01', tz: 'Asia/Tokyo' })
    let n = 0
    const edited = feed.replace(/SUMMARY:([^\r\n]*)/g, (line, s: string) =>
      n++ % 7 === 0 ? `SUMMARY:${s}（変更）` : line,
    )
    writeFileSync(join(dir, 'a.ics'), feed)
    writeFileSync(join(dir, 'b.ics'), edited)
    db.close()
    for (const delayMs of [300, 700, 1100]) {
      // Node itself with tsx's loader: the tsx command would run the script in a grandchild the kill misses.
      const args = ['--import', 'tsx', childScript, dir, 'u0001', join(dir, 'a.ics'), join(dir, 'b.ics')]
      const child = spawn(process.execPath, args, { cwd: root })
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      child.kill('SIGKILL')
      expect(await new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)))).toBe(
        'SIGKILL',
      )
    }
    db = openDatabase(dir)
    const rows = db.prepare('SELECT count(*) AS n FROM calendar_parse_items').get() as { n: number }
    expect(rows.n).toBeGreaterThan(400)
    for (const text of [feed, edited, feed]) {
      expect(view(freshParser().parse(text).items)).toEqual(view(parseCalendar(text).items))
    }
  }, 60_000)

  it('is removed with its pair', () => {
    freshParser().parse(fixture('google.ics'))
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(count('calendar_parse_items')).toBeGreaterThan(0)
    db.prepare('DELETE FROM calendar_pairs').run()
    expect(db.prepare('SELECT count(*) AS n FROM calendar_parse_items').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM calendar_parse_generations').get()).toEqual({ n: 0 })
  })
})
