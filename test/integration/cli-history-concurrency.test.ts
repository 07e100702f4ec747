import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { openDatabase } from '../../src/main/core/store/database'
import { prepareDataDir } from '../../src/main/core/data-dir'
import { projectRoot, runCli } from '../support/cli'
import { makeEntries, writeJsonl } from '../support/history-fixtures'
import { openTestCore, tempDataDir } from '../support/test-core'

// The CLI opens the keychain only for secrets; history commands must work without one.
const noBus = { DBUS_SESSION_BUS_ADDRESS: '' }
const day = 86_400_000
let dataDir: string
let app: Core | null = null

beforeEach(() => {
  dataDir = tempDataDir('renkei-cli-concurrency-')
})
afterEach(async () => {
  await app?.close()
  app = null
  rmSync(dataDir, { recursive: true, force: true })
})

/** The built CLI as a child process (running alongside the test's own "app" connection). */
function startCli(args: readonly string[]): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'bin', 'renkei.cjs'), '--data-dir', dataDir, ...args],
    {
      env: { ...process.env, ...noBus },
      stdio: 'ignore',
    },
  )
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, done }
}

async function openApp(): Promise<Core> {
  app = await openTestCore(dataDir)
  return app
}

/** A second, read-only look at what is physically in the database, visible to the app or not. */
function raw<T>(sql: string): T {
  const db = new Database(join(dataDir, 'renkei.sqlite'), { readonly: true })
  try {
    return db.prepare(sql).get() as T
  } finally {
    db.close()
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until the CLI has written enough (the database may not exist yet at the first look). */
async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  const holds = (): boolean => {
    try {
      return condition()
    } catch {
      return false
    }
  }
  while (!holds()) {
    if (Date.now() > until) throw new Error('timed out waiting for the CLI to start writing')
    await sleep(10)
  }
}

/** Entries older than a year, written straight into the database (a history that needs pruning). */
function seedOld(count: number): void {
  prepareDataDir(dataDir, 'renkei.sqlite') // owner-only files, as the app makes them (nothing to repair later)
  const db = openDatabase(dataDir)
  try {
    const history = new HistoryRepository(db, () => Date.now())
    for (let done = 0; done < count; done += 50_000) {
      history.appendMany(
        makeEntries({
          count: 50_000,
          site: '旧',
          newest: Date.now() - 400 * day,
          stepMs: 1000,
          uidPrefix: `o${done}`,
        }),
      )
    }
  } finally {
    db.close()
  }
}

/** The app's own writes (a settings change and its audit line), timed, while `running` resolves. */
async function appWritesDuring(
  core: Core,
  running: Promise<unknown>,
): Promise<{ writes: number; longestMs: number }> {
  let finished = false
  void running.then(() => (finished = true))
  let writes = 0
  let longestMs = 0
  while (!finished) {
    const started = performance.now()
    await core.api['settings.update']({ historyRetentionMonths: 12 + (writes % 2) })
    longestMs = Math.max(longestMs, performance.now() - started)
    writes++
    await sleep(15)
  }
  return { writes, longestMs }
}

// Each test writes and reads a few hundred thousand entries in two processes on a shared machine.
describe('long history jobs from the CLI beside the running app', { timeout: 180_000 }, () => {
  it('the app keeps writing (never "database is locked", no wait over 1 s) while the CLI imports 200,000 entries', async () => {
    const archive = join(dataDir, 'big.jsonl')
    writeJsonl(archive, makeEntries({ count: 200_000, site: 'A社', newest: Date.now() }))
    const core = await openApp()
    const cli = startCli(['history', 'import', archive])
    await waitFor(() => raw<{ n: number }>('SELECT count(*) AS n FROM history_imports').n > 0)
    const app = await appWritesDuring(core, cli.done)
    expect(await cli.done).toBe(0)
    expect(app.writes).toBeGreaterThan(10)
    expect(app.longestMs).toBeLessThan(1000)
    expect((await core.api['history.count']({ filter: { site: 'A社' } })).atLeast).toBe(true)
    expect(raw<{ n: number }>("SELECT count(*) AS n FROM history WHERE site = 'A社'").n).toBe(200_000)
  })

  it('the app keeps writing while the CLI prunes 200,000 entries', async () => {
    seedOld(200_000)
    const core = await openApp()
    const cli = startCli(['history', 'prune', '--older-than', '1y'])
    await waitFor(() => raw<{ n: number }>("SELECT count(*) AS n FROM history WHERE site = '旧'").n < 200_000)
    const app = await appWritesDuring(core, cli.done)
    expect(await cli.done).toBe(0)
    expect(app.longestMs).toBeLessThan(1000)
    expect(raw<{ n: number }>("SELECT count(*) AS n FROM history WHERE site = '旧'").n).toBe(0)
  })
})

describe('kill -9 in the middle of a long history job', { timeout: 180_000 }, () => {
  it('a killed import leaves nothing visible, and importing again brings every entry exactly once', async () => {
    const archive = join(dataDir, 'big.jsonl')
    writeJsonl(archive, makeEntries({ count: 200_000, site: 'A社', newest: Date.now() }))
    const cli = startCli(['history', 'import', archive])
    await waitFor(() => raw<{ n: number }>('SELECT count(*) AS n FROM history').n >= 5000)
    cli.child.kill('SIGKILL')
    await cli.done
    const written = raw<{ n: number }>('SELECT count(*) AS n FROM history').n
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(200_000)

    const core = await openApp()
    expect(await core.api['history.count']({ filter: { site: 'A社' } })).toMatchObject({
      count: 0,
      atLeast: false,
    })
    expect((await core.api['history.search']({ filter: { text: '連携しました' } })).entries).toHaveLength(0)
    await core.close()
    app = null

    const again = runCli(['--data-dir', dataDir, 'history', 'import', archive], { env: noBus })
    expect(again.stderr).toBe('')
    expect(again.stdout).toContain('200000 imported, 0 already present')
    expect(raw<{ n: number }>("SELECT count(*) AS n FROM history WHERE site = 'A社'").n).toBe(200_000)
    expect(raw<{ n: number }>('SELECT count(*) AS n FROM history_imports').n).toBe(0)
  })

  it('a killed prune leaves an audit line that says exactly how many entries it deleted', async () => {
    seedOld(200_000)
    const cli = startCli(['history', 'prune', '--older-than', '1y'])
    await waitFor(() => raw<{ n: number }>("SELECT count(*) AS n FROM history WHERE site = '旧'").n < 150_000)
    cli.child.kill('SIGKILL')
    await cli.done
    const deleted = 200_000 - raw<{ n: number }>("SELECT count(*) AS n FROM history WHERE site = '旧'").n
    expect(deleted).toBeLessThan(200_000)

    const core = await openApp()
    const audit = (await core.api['history.search']({ filter: { category: 'audit' } })).entries
    expect(audit).toHaveLength(1)
    expect(audit[0]?.detail).toMatchObject({ deleted, finished: false })
    expect(audit[0]?.message).toContain(`これまでに ${deleted} 件を削除`)
    expect(audit[0]?.messageEn).toContain(`${deleted} removed so far`)
  })
})
