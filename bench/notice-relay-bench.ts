/**
 * Notice relay (issue 14 item 10): BENCH_NOTICE_EVENTS (10,000) events for BENCH_NOTICE_PEOPLE (5,000) people,
 * everyone opted in, one SMTP target (at its highest rate, 6,000 a minute) into a real SMTP server
 * (smtp-server) in a process of its own. Prints messages/s and the time to drain; and whether draining
 * blocks the other engines: the event loop's delay (p99 / max) idle vs while draining, and one calendar pair's run
 * (iCalendar feed → Radicale, one event changed per run, every half second) idle vs while draining, in the
 * same process and on the same database file.
 * The worker and the SMTP sender (the targets part, one kept connection per target) are the relay's own;
 * events and messages are written as the intake writes them and the queue fixture's plain renderer fills
 * the message, so the figures are the queue's and the sender's, not the templates'.
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createCore } from '../src/main/core/app'
import type { Core } from '../src/main/core/core-types'
import { MemorySecretStore } from '../src/main/core/secrets/memory-secret-store'
import { calendarSecretName, calendarSettings } from '../src/shared/model/calendar-config'
import { generateFeed } from '../test/support/ics-generator'
import { startIcsFeedServer, type IcsFeedServer } from '../test/support/ics-feed-server'
import { openQueueFixture, seedEmployees, smtpTarget } from '../test/support/notice-queue-fixture'
import { startRadicale } from '../test/support/radicale'
import { tempDataDir } from '../test/support/test-core'

const events = Number(process.env.BENCH_NOTICE_EVENTS ?? 10_000)
const people = Number(process.env.BENCH_NOTICE_PEOPLE ?? 5_000)
const pairId = 'bench'

/** The SMTP server in its own process (`smtp-sink-child.ts`): its port and the Message-IDs it accepted. */
async function startSink(): Promise<{
  port: number
  ids: string[]
  /** Waits (at most 10 s) until `count` ids have come through the pipe: the drain ends when the relay records. */
  settle: (count: number) => Promise<void>
  stop: () => Promise<void>
}> {
  const tsx = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const child = spawn(process.execPath, [tsx, join(__dirname, 'smtp-sink-child.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const ids: string[] = []
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', () => reject(new Error('the SMTP sink ended before listening')))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('id ')) ids.push(line.slice(3))
      else if (line.startsWith('port ')) resolve(Number(line.slice(5)))
    })
  })
  return {
    port,
    ids,
    settle: async (count) => {
      const deadline = Date.now() + 10_000
      while (ids.length < count && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20))
    },
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** Events and messages as the intake writes them: event i for person i mod people, one message each. */
function queueEvents(db: ReturnType<typeof openQueueFixture>['db'], at: number): void {
  const event = db.prepare(
    `INSERT INTO notice_events (source, event_id, kind, occurred_at, received_at, fields, addressees)
     VALUES ('bench', ?, 'schedule.changed', ?, ?, ?, ?)`,
  )
  const message = db.prepare(
    `INSERT INTO notice_messages (event_row, target_id, employee_key, address, due_at, created_at)
     VALUES (?, 'mail', ?, ?, ?, ?)`,
  )
  db.transaction(() => {
    for (let i = 0; i < events; i++) {
      const n = (i % people) + 1
      const key = `E${String(n).padStart(6, '0')}`
      const fields = {
        title: `定例会議 ${i}`,
        when: '2022/12/20 11:00 ~ 2022/12/20 12:00',
        place: '第1会議室',
      }
      const row = Number(
        event.run(`ev${i}`, at, at, JSON.stringify(fields), JSON.stringify([key])).lastInsertRowid,
      )
      message.run(row, key, `user${n}@a.example.jp`, at, at)
    }
  })()
}

async function calendarPair(
  core: Core,
  secrets: MemorySecretStore,
  feeds: IcsFeedServer,
  url: string,
  password: string,
): Promise<string> {
  const feed = generateFeed({ series: 40, singles: 160, start: '2026-11-01', tz: 'Asia/Tokyo' })
  feeds.setFeed('/bench.ics', feed)
  await core.api['calendar.settings.update'](calendarSettings.parse({ intervalMinutes: 1440 }))
  await secrets.set(calendarSecretName(pairId, 'target'), password)
  await core.api['calendar.pairs.save']({
    id: pairId,
    number: 1,
    name: 'ベンチ',
    source: { kind: 'ics', url: feeds.url('/bench.ics'), auth: 'none', username: '', maxMegabytes: 20 },
    target: { kind: 'caldav', url, preset: 'generic', auth: 'basic', username: 'alice' },
  })
  await core.api['calendar.run']({ id: pairId })
  return feed
}

let changes = 0
/** One run with one event changed in the feed: a real cycle (GET, parse, plan, one PUT). */
async function calendarRun(core: Core, feeds: IcsFeedServer, feed: string): Promise<number> {
  feeds.setFeed('/bench.ics', feed.replace(/SUMMARY:([^\r\n]*)/, `SUMMARY:$1 (${++changes})`))
  return (await core.api['calendar.run']({ id: pairId })).durationMs
}

/** Between calendar runs: the engine runs now and then, not back to back (that would load the process itself). */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 500))
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (ns: number): string => (ns / 1e6).toFixed(1)

async function main(): Promise<void> {
  const dir = tempDataDir('renkei-notice-bench-')
  const sink = await startSink()
  const radicale = await startRadicale()
  const feeds = await startIcsFeedServer()
  const secrets = new MemorySecretStore()
  const core = await createCore({
    dataDir: dir,
    runtime: 'test',
    version: 'bench',
    secrets,
    startScheduler: false,
  })
  const relay = openQueueFixture(dir, { targets: [smtpTarget('mail', sink.port, { ratePerMinute: 6000 })] })
  try {
    const url = await radicale.makeCalendar('alice', pairId, { timeZone: 'Asia/Tokyo' })
    const feed = await calendarPair(core, secrets, feeds, url, radicale.users.alice!)
    seedEmployees(relay.db, people)
    queueEvents(relay.db, Date.now())
    console.log(
      `Notice relay: ${events} events for ${people} people → 1 SMTP target (6,000 a minute) → smtp-server`,
    )

    const loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    const idleRuns: number[] = []
    for (let i = 0; i < 7; i++) {
      idleRuns.push(await calendarRun(core, feeds, feed))
      await pause()
    }
    const idle = { p99: loop.percentile(99), max: loop.max }
    loop.reset()

    const start = Date.now()
    relay.queue.start()
    const pending = relay.db.prepare(`SELECT count(*) FROM notice_messages WHERE state = 'pending'`).pluck()
    const busyRuns: number[] = []
    while ((pending.get() as number) > 0) {
      busyRuns.push(await calendarRun(core, feeds, feed))
      await pause()
    }
    const seconds = (Date.now() - start) / 1000
    const busy = { p99: loop.percentile(99), max: loop.max }
    loop.disable()

    await sink.settle(events)
    const distinct = new Set(sink.ids).size
    console.log(
      `  drained ${sink.ids.length} messages (${distinct} distinct Message-IDs) in ${seconds.toFixed(1)} s: ${(sink.ids.length / seconds).toFixed(0)} messages/s (the target's limit: 100/s; one send at a time per target)`,
    )
    console.log(`  event-loop delay idle     p99 ${ms(idle.p99)} ms, max ${ms(idle.max)} ms`)
    console.log(`  event-loop delay draining p99 ${ms(busy.p99)} ms, max ${ms(busy.max)} ms`)
    const idleMedian = median(idleRuns)
    const busyMedian = median(busyRuns)
    console.log(
      `  calendar run (1 pair, 200 events, one changed) idle median ${idleMedian} ms (${idleRuns.length} runs), while draining ${busyMedian} ms (${busyRuns.length} runs)`,
    )
    const allSent = distinct === events
    console.log(`  goal every message delivered once: ${allSent ? 'met' : 'NOT met'}`)
    const loopOk = busy.p99 <= idle.p99 + 20e6
    console.log(
      `  goal event-loop delay p99 while draining within 20 ms of idle: ${loopOk ? 'met' : 'NOT met'}`,
    )
    const unchanged = busyMedian <= Math.max(idleMedian * 1.25, idleMedian + 20)
    console.log(
      `  goal calendar cycle unchanged while draining (within 25 % or 20 ms): ${unchanged ? 'met' : 'NOT met'}`,
    )
  } finally {
    await relay.close()
    await core.close()
    await feeds.stop()
    await radicale.stop()
    await sink.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
