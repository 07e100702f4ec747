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

  it('a read-then-write transaction survives another process committing meanwhile (no "database is locked")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-db-'))
    const app = openDatabase(dir)
    const cli = openDatabase(dir)
    cli.pragma('busy_timeout = 0')
    const read = () => app.prepare('SELECT count(*) AS n FROM settings').get()
    const write = (db: typeof app, key: string) =>
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, '1')
    expect(() =>
      app.transaction(() => {
        read()
        // Another connection tries to commit between the app's read and its write: it must wait its
        // turn (here: give up at once), never invalidate the app's transaction.
        try {
          write(cli, 'cli')
        } catch {
          // busy: the app holds the write lock from the start of its transaction
        }
        write(app, 'app')
      })(),
    ).not.toThrow()
    expect(app.prepare("SELECT value FROM settings WHERE key = 'app'").get()).toEqual({ value: '1' })
    app.close()
    cli.close()
  })

  it('refuses a data directory written by a newer Renkei', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-db-'))
    const db = openDatabase(dir)
    db.pragma(`user_version = ${migrations.length + 1}`)
    db.close()
    expect(() => openDatabase(dir)).toThrow(/newer Renkei/)
  })
})
