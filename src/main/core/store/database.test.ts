import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from './migrations'
import { openDatabase } from './database'

describe('database', () => {
  it('opens in WAL mode at the latest schema version, and reopening changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-db-'))
    const db = openDatabase(dir)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    db.close()
    const again = openDatabase(dir)
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length)
    again.close()
  })

  it('refuses a data directory written by a newer Renkei', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-db-'))
    const db = openDatabase(dir)
    db.pragma(`user_version = ${migrations.length + 1}`)
    db.close()
    expect(() => openDatabase(dir)).toThrow(/newer Renkei/)
  })
})
