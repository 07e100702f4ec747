import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { ApiError } from '../../src/shared/model/errors'
import { makeEntries, writeJsonl } from '../support/history-fixtures'
import { secretsInDataDir } from '../support/secret-scan'
import { openTestCore, tempDataDir } from '../support/test-core'

const now = Date.parse('2026-11-23T12:00:00+09:00')
let dataDir: string
let core: Core

async function seed(entries: ReturnType<typeof makeEntries>): Promise<void> {
  const file = join(dataDir, `seed-${Math.random()}.jsonl`)
  writeJsonl(file, entries)
  core.files.importHistory(file)
}

beforeEach(async () => {
  dataDir = tempDataDir('renkei-history-')
  core = await openTestCore(dataDir)
})
afterEach(async () => {
  await core.close()
})

describe('history search', () => {
  it('pages newest first with keyset cursors, without gaps or repeats', async () => {
    await seed(makeEntries({ count: 250, site: 'A社', newest: now }))
    const seen: number[] = []
    let cursor: { ts: number; id: number } | undefined
    for (;;) {
      const page = await core.api['history.search']({ filter: { site: 'A社' }, limit: 100, cursor })
      seen.push(...page.entries.map((e) => e.ts))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(seen).toHaveLength(250)
    expect(new Set(seen).size).toBe(250)
    expect([...seen].sort((a, b) => b - a)).toEqual(seen)
  })

  it('combines site, level, direction, period and text filters', async () => {
    await seed([
      ...makeEntries({ count: 40, site: 'A社', newest: now }),
      ...makeEntries({ count: 40, site: 'B社', newest: now }),
    ])
    const page = await core.api['history.search']({
      filter: { site: 'B社', level: 'error', from: now - 20 * 60_000, to: now + 1, text: '番目' },
    })
    expect(page.entries.length).toBeGreaterThan(0)
    for (const e of page.entries) {
      expect(e.site).toBe('B社')
      expect(e.level).toBe('error')
      expect(e.ts).toBeGreaterThanOrEqual(now - 20 * 60_000)
    }
    // i % 4 === 3 is an error, 21 entries fall in the period (i = 0..20): i = 3, 7, 11, 15, 19
    expect(page.entries).toHaveLength(5)
  })

  it('takes free text literally (no LIKE wildcards)', async () => {
    await core.api['settings.update']({ language: 'en' })
    const hits = await core.api['history.search']({ filter: { text: '%' } })
    expect(hits.entries).toHaveLength(0)
  })

  it('counts up to just past 10,000 and says "at least"', async () => {
    await seed(makeEntries({ count: 10_050, site: 'A社', newest: now }))
    expect(await core.api['history.count']({ filter: { site: 'A社' } })).toMatchObject({
      count: 10_001,
      atLeast: true,
    })
    expect(await core.api['history.count']({ filter: { site: 'A社', level: 'error' } })).toMatchObject({
      count: 2512,
      atLeast: false,
    })
  })
})

describe('history export', () => {
  it('refuses CSV when more than 10,000 match, naming both numbers, and writes no file', async () => {
    await seed(makeEntries({ count: 12_000, site: 'A社', newest: now }))
    const out = join(dataDir, 'out.csv')
    let error: unknown
    try {
      core.files.exportHistory({}, 'csv', out, 'ja')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('too-many-rows')
    expect((error as ApiError).localized.ja).toContain('12,000件')
    expect((error as ApiError).localized.ja).toContain('10,000件まで')
    expect((error as ApiError).localized.en).toContain('12,000')
    expect(existsSync(out)).toBe(false)
    await expect(core.api['history.export']({ filter: {}, format: 'csv' })).rejects.toMatchObject({
      code: 'too-many-rows',
    })
  })

  it('writes UTF-8 CSV with BOM, CRLF and Japanese text for a filter under the limit', async () => {
    await seed(makeEntries({ count: 30, site: '大阪支社', newest: now }))
    const file = await core.api['history.export']({ filter: { site: '大阪支社' }, format: 'csv' })
    expect(file.rows).toBe(30)
    expect(file.content.startsWith('\uFEFF日時,サイト,連携方向,区分,レベル,内容,詳細\r\n')).toBe(true)
    const lines = file.content.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(31)
    expect(lines[1]).toContain(
      '2026/11/23 12:00:00,大阪支社,送信,社員,情報,大阪支社の社員を連携しました（0番目）',
    )
  })

  it('round-trips JSON Lines: export, import elsewhere, re-import skips duplicates', async () => {
    await seed(makeEntries({ count: 20, site: 'A社', newest: now }))
    const archive = join(dataDir, 'archive.jsonl')
    expect(core.files.exportHistory({ site: 'A社' }, 'jsonl', archive, 'ja')).toBe(20)
    const otherDir = tempDataDir('renkei-other-')
    const other = await openTestCore(otherDir, { version: 't' })
    try {
      expect(other.files.importHistory(archive)).toEqual({ inserted: 20, skipped: 0 })
      expect(other.files.importHistory(archive)).toEqual({ inserted: 0, skipped: 20 })
      const original = (await core.api['history.search']({ filter: { site: 'A社' } })).entries
      const copied = (await other.api['history.search']({ filter: { site: 'A社' } })).entries
      expect(copied.map(({ id: _id, ...rest }) => rest)).toEqual(original.map(({ id: _id, ...rest }) => rest))
    } finally {
      await other.close()
    }
  })

  it('rejects a broken archive with its line number and imports nothing', async () => {
    const file = join(dataDir, 'broken.jsonl')
    const good = makeEntries({ count: 3, site: 'A社', newest: now }).map((e) => JSON.stringify(e))
    writeFileSync(file, [good[0], good[1], '{"ts": "yesterday"}', good[2]].join('\n'))
    expect(() => core.files.importHistory(file)).toThrow(/line 3/)
    expect((await core.api['history.search']({ filter: { site: 'A社' } })).entries).toHaveLength(0)
    expect(readFileSync(file, 'utf8')).toContain('yesterday')
  })
})

describe('history prune', () => {
  it('removes exactly the entries older than one year', async () => {
    const oneYearAgo = Date.parse('2025-11-23T12:00:00+09:00')
    await seed([
      {
        direction: 'local',
        category: 'x',
        level: 'info',
        message: 'just inside',
        ts: oneYearAgo,
        uid: 'inside',
      },
      {
        direction: 'local',
        category: 'x',
        level: 'info',
        message: 'just outside',
        ts: oneYearAgo - 1,
        uid: 'outside',
      },
      ...makeEntries({ count: 5000, site: '旧', newest: oneYearAgo - 1000, stepMs: 1000 }),
      ...makeEntries({ count: 100, site: '新', newest: now }),
    ])
    const result = await core.files.pruneHistory(oneYearAgo)
    expect(result.deleted).toBe(5001)
    const left = await core.api['history.search']({ filter: { category: 'x' } })
    expect(left.entries.map((e) => e.message)).toEqual(['just inside'])
    expect((await core.api['history.count']({ filter: { site: '新' } })).count).toBe(100)
    expect((await core.api['history.count']({ filter: { site: '旧' } })).count).toBe(0)
  })
})

describe('audit trail', () => {
  it('writes settings changes and secret changes to the history, never the secret value', async () => {
    await core.api['settings.update']({ historyRetentionMonths: 18 })
    await core.api['secrets.set']({ name: 'scim.token', value: 'very-secret-value' })
    const audit = await core.api['history.search']({ filter: { category: 'audit' } })
    const text = JSON.stringify(audit.entries)
    expect(text).toContain('12 → 18')
    expect(text).toContain('scim.token')
    expect(text).not.toContain('very-secret-value')
    expect(secretsInDataDir(dataDir, ['very-secret-value'])).toEqual([])
  })

  it('rejects invalid input with a bilingual error and changes nothing', async () => {
    await expect(core.api['settings.update']({ historyRetentionMonths: 0 })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    expect((await core.api['settings.get']({})).historyRetentionMonths).toBe(12)
    const result = await core.invoke('no.such.method', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })
})
