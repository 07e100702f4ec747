/**
 * Room provisioning (issue 15): BENCH_ROOM_COMMUNITIES (40) marked groups of BENCH_ROOM_MEMBERS (25) people
 * each, out of a home directory of 2,000, through one whole core against Debian's Mailman 3 (REST on
 * loopback) started here. Prints the preview of every room (ms) and the run that makes their lists (rooms/s,
 * memberships/s) with メール配信設定デフォルト値 on; then the same for as many other groups with it off, where
 * every membership costs one more request (delivery off), so row 15's price is a ratio on the same server.
 * No goal: issue 15 sets none. Needs `mailman` (Debian mailman3).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Core } from '../src/main/core/core-types'
import { roomMailmanPasswordSecret } from '../src/shared/model/rooms'
import { testEmployee, testSnapshot, writeHome } from '../test/support/exchange-sites'
import { startMailman, type MailmanServer } from '../test/support/mailman'
import { mailmanTargetConfig } from '../test/support/rooms-target-context'
import { openTestCore, tempDataDir } from '../test/support/test-core'

const communities = Number(process.env.BENCH_ROOM_COMMUNITIES ?? 40)
const members = Number(process.env.BENCH_ROOM_MEMBERS ?? 25)
const people = 2_000

/** Groups `<batch>-<i>`; group i holds `members` people from person i·members on (wrapping). */
function home(batches: readonly string[]) {
  const groupsOf = new Map<number, string[]>()
  const groups = batches.flatMap((batch, b) =>
    Array.from({ length: communities }, (_, i) => {
      const code = `${batch}-${i}`
      for (let m = 0; m < members; m++) {
        const n = ((b * communities + i) * members + m) % people
        groupsOf.set(n, [...(groupsOf.get(n) ?? []), code])
      }
      return { code, nameJa: `コミュニティ ${code}`, nameEn: `Community ${code}` }
    }),
  )
  const staff = Array.from({ length: people }, (_, n) =>
    testEmployee(n + 1, { groups: groupsOf.get(n) ?? [] }),
  )
  return { ...testSnapshot(staff), groups }
}

/** Marks the batches' groups as communities (earlier batches stay marked: unmarking would delete their rooms). */
async function configure(
  core: Core,
  mailman: MailmanServer,
  decorations: string,
  batches: readonly string[],
  postMail: boolean,
) {
  await core.api['rooms.settings.update']({
    enabled: true,
    parameters: { autoCreatedRoomState: 'in-session', postMailDefault: postMail, memberNoticeDefault: false },
    communities: { codePatterns: batches.map((b) => `${b}-*`), defaultOwner: testEmployee(1).key },
    target: mailmanTargetConfig(mailman, decorations),
    autoApply: false,
  })
}

async function batch(core: Core, label: string): Promise<number> {
  let started = performance.now()
  const preview = await core.api['rooms.preview']({})
  const previewMs = performance.now() - started
  started = performance.now()
  const summary = await core.api['rooms.run']({})
  const seconds = (performance.now() - started) / 1000
  if (summary.failed > 0 || summary.applied !== communities)
    throw new Error(`${label}: ${summary.applied} applied, ${summary.failed} failed: ${summary.outcome.en}`)
  const memberships = communities * members
  console.log(
    `  ${label}: preview of ${preview.changes.length} rooms ${previewMs.toFixed(0)} ms; ` +
      `run ${seconds.toFixed(1)} s = ${(communities / seconds).toFixed(1)} rooms/s, ` +
      `${(memberships / seconds).toFixed(0)} memberships/s`,
  )
  return seconds
}

async function main(): Promise<void> {
  const mailman = await startMailman()
  const dir = tempDataDir('renkei-rooms-bench-')
  const decorations = mkdtempSync(join(tmpdir(), 'renkei-rooms-bench-decorations-'))
  writeHome(dir, home(['ON', 'OFF']))
  const core = await openTestCore(dir)
  try {
    await core.api['secrets.set']({ name: roomMailmanPasswordSecret, value: mailman.password })
    console.log(
      `Rooms: ${communities} communities × ${members} members per batch → Debian Mailman 3 (REST, started in ${mailman.startupMs} ms)`,
    )
    await configure(core, mailman, decorations, ['ON'], true)
    const on = await batch(core, 'post mail on ')
    await configure(core, mailman, decorations, ['ON', 'OFF'], false)
    const off = await batch(core, 'post mail off')
    console.log(
      `  post mail off / on: ${(off / on).toFixed(2)} × the run time (delivery off is one request more per member)`,
    )
  } finally {
    await core.close()
    await mailman.stop()
    rmSync(dir, { recursive: true, force: true })
    rmSync(decorations, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
