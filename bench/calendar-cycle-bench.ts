/**
 * Calendar sync against a real Radicale: BENCH_CAL_USERS (300) users, each with an iCalendar feed of
 * BENCH_CAL_EVENTS (200) events, synced by the scheduled job (`concurrency` pairs at once). Prints the time of
 * the first cycle (everything copied), an unchanged cycle (every feed answers 304) and a cycle where one
 * event per user changed. Issue 4: print the time per 10-minute cycle; and an unchanged feed must write
 * nothing and take < 50 ms after its conditional GET.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../src/main/core/app'
import type { Core } from '../src/main/core/core-types'
import { createFeedConnector } from '../src/main/core/connectors/ics/ics-feed'
import { MemorySecretStore } from '../src/main/core/secrets/memory-secret-store'
import { calendarSecretName, calendarSettings } from '../src/shared/model/calendar-config'
import { generateFeed } from '../test/support/ics-generator'
import { startIcsFeedServer } from '../test/support/ics-feed-server'
import { startRadicale } from '../test/support/radicale'

const users = Number(process.env.BENCH_CAL_USERS ?? 300)
const events = Number(process.env.BENCH_CAL_EVENTS ?? 200)
const seconds = (start: number): string => ((Date.now() - start) / 1000).toFixed(1)

async function cycle(core: Core): Promise<void> {
  const before = (await core.api['jobs.list']({})).find((job) => job.id === 'calendar.sync')!.lastFinishedAt
  await core.api['jobs.runNow']({ id: 'calendar.sync' })
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    const job = (await core.api['jobs.list']({})).find((j) => j.id === 'calendar.sync')!
    if (job.lastFinishedAt !== before && !job.running) return
  }
}

async function main(): Promise<void> {
  const radicale = await startRadicale()
  const feeds = await startIcsFeedServer()
  const dir = mkdtempSync(join(tmpdir(), 'renkei-cal-cycle-'))
  const secrets = new MemorySecretStore()
  const core = await createCore({ dataDir: dir, runtime: 'test', version: 'bench', secrets })
  try {
    const feed = generateFeed({
      series: events / 5,
      singles: (events * 4) / 5,
      start: '2026-11-01',
      tz: 'Asia/Tokyo',
    })
    await core.api['calendar.settings.update'](calendarSettings.parse({ intervalMinutes: 1440 }))
    for (let i = 1; i <= users; i++) {
      const id = `u${String(i).padStart(4, '0')}`
      feeds.setFeed(`/${id}.ics`, feed)
      const url = await radicale.makeCalendar('alice', id, { timeZone: 'Asia/Tokyo' })
      await secrets.set(calendarSecretName(id, 'target'), radicale.users.alice!)
      await core.api['calendar.pairs.save']({
        id,
        number: i,
        name: `利用者 ${i}`,
        source: { kind: 'ics', url: feeds.url(`/${id}.ics`), auth: 'none', username: '', maxMegabytes: 20 },
        target: { kind: 'caldav', url, preset: 'generic', auth: 'basic', username: 'alice' },
      })
    }
    const { concurrency } = (await core.api['calendar.status']({})).settings
    console.log(
      `Calendar cycle: ${users} users x ${events} events (ICS feed → Radicale 3, concurrency ${concurrency})`,
    )

    let start = Date.now()
    await cycle(core)
    const status = await core.api['calendar.status']({})
    const copied = status.pairs.reduce((sum, p) => sum + p.eventCount, 0)
    const failing = status.pairs.filter((p) => p.lastOutcome === 'error').length
    console.log(
      `  first cycle (copy everything)   ${seconds(start).padStart(7)} s  ${copied} events in step, ${failing} users failed`,
    )

    start = Date.now()
    await cycle(core)
    console.log(`  unchanged cycle (all 304)       ${seconds(start).padStart(7)} s`)

    for (let i = 1; i <= users; i++) {
      const id = `u${String(i).padStart(4, '0')}`
      feeds.setFeed(`/${id}.ics`, feed.replace(/SUMMARY:([^\r\n]*)/, 'SUMMARY:$1（変更）'))
    }
    start = Date.now()
    await cycle(core)
    console.log(`  one event changed per user      ${seconds(start).padStart(7)} s`)

    // One pair, measured alone: the whole run vs its conditional GET.
    const id = 'u0001'
    const connector = createFeedConnector(
      { url: feeds.url(`/${id}.ics`), auth: 'none', username: '', maxMegabytes: 20 },
      null,
    )
    const first = await connector.fetch(null, AbortSignal.timeout(10_000))
    const t0 = process.hrtime.bigint()
    const conditional = await connector.fetch(first.validators, AbortSignal.timeout(10_000))
    const getMs = Number(process.hrtime.bigint() - t0) / 1e6
    const unchanged = await core.api['calendar.run']({ id })
    const after = Math.max(0, unchanged.durationMs - getMs)
    console.log(
      `  unchanged feed, one user        run ${unchanged.durationMs} ms (conditional GET ${getMs.toFixed(1)} ms, ${conditional.status}); writes ${unchanged.created + unchanged.updated + unchanged.deleted}; after the GET ~${after.toFixed(0)} ms  goal < 50 ms and no writes: ${after < 50 && unchanged.unchanged ? 'met' : 'NOT met'}`,
    )
  } finally {
    await core.close()
    await feeds.stop()
    await radicale.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
