import { closeSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { ApiError } from '../../src/shared/model/errors'
import { makeEntries } from '../support/history-fixtures'
import { openTestCore, tempDataDir } from '../support/test-core'

const now = Date.parse('2026-11-23T12:00:00+09:00')
let dataDir: string
let core: Core

beforeEach(async () => {
  dataDir = tempDataDir('renkei-import-stream-')
  core = await openTestCore(dataDir)
})
afterEach(async () => {
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** What is physically in the table, visible or not (a second, read-only connection). */
function rawCount(sql: string): number {
  const db = new Database(join(dataDir, 'renkei.sqlite'), { readonly: true })
  try {
    return (db.prepare(sql).get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('history import of a large archive', () => {
  it('streams an archive over 512 MiB (what a whole-file read cannot open) and imports every entry', () => {
    const file = join(dataDir, 'large.jsonl')
    // Lines padded with JSON whitespace to 270 KB: the file's size is what matters, not the rows stored.
    const padding = ' '.repeat(270_000)
    const count = 2000
    const fd = openSync(file, 'w')
    for (const entry of makeEntries({ count, site: '大容量', newest: now })) {
      writeSync(fd, `${JSON.stringify(entry).slice(0, -1)}${padding}}\n`)
    }
    closeSync(fd)
    expect(statSync(file).size).toBeGreaterThan(512 * 1024 * 1024)

    expect(core.files.importHistory(file)).toEqual({ inserted: count, skipped: 0 })
    rmSync(file)
    expect(rawCount("SELECT count(*) AS n FROM history WHERE site = '大容量'")).toBe(count)
    expect(rawCount('SELECT count(*) AS n FROM history_imports')).toBe(0)
  }, 120_000)

  it('rejects a bad line after thousands of good ones: names the line, and no entry stays behind', async () => {
    const file = join(dataDir, 'bad-late.jsonl')
    const good = makeEntries({ count: 2500, site: 'A社', newest: now }).map((e) => JSON.stringify(e))
    writeFileSync(file, `\uFEFF${[...good.slice(0, 2400), '{"ts": 1', ...good.slice(2400)].join('\r\n')}\r\n`)
    let error: unknown
    try {
      core.files.importHistory(file)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).localized.en).toContain('line 2401')
    expect((error as ApiError).localized.ja).toContain('2401 行目')
    expect((await core.api['history.count']({ filter: {} })).count).toBe(0)
    expect(rawCount('SELECT count(*) AS n FROM history')).toBe(0)
    expect(rawCount('SELECT count(*) AS n FROM history_imports')).toBe(0)
  })

  it('says in Japanese and English that a missing file cannot be opened, and records no import', () => {
    expect(() => core.files.importHistory(join(dataDir, 'missing.jsonl'))).toThrow(
      /Cannot open .*missing\.jsonl/,
    )
    expect(() => core.files.importHistory(dataDir)).toThrow(ApiError)
    expect(rawCount('SELECT count(*) AS n FROM history_imports')).toBe(0)
  })
})
