/**
 * For the kill -9 test of the feed parser's memory: parses two versions of a feed in turn, forever, with the
 * memory in the data directory's SQLite, each time as a fresh parser would (argv: data dir, pair id, files).
 */
import { readFileSync } from 'node:fs'
import { IncrementalCalendarParser } from '../../src/main/core/connectors/ics/ics-incremental'
import { CalendarParseMemoryRepository } from '../../src/main/core/engines/calendar/calendar-parse-memory'
import { openDatabase } from '../../src/main/core/store/database'

const [dataDir, pairId, ...files] = process.argv.slice(2)
const feeds = files.map((file) => readFileSync(file, 'utf8'))
const db = openDatabase(dataDir!)
const memory = new CalendarParseMemoryRepository(db).forPair(pairId!)
process.stdout.write('ready\n')
for (let round = 0; ; round++) {
  new IncrementalCalendarParser(memory).parse(feeds[round % feeds.length]!)
}
