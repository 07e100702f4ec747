import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/**
 * Every place in a data directory where one of `secrets` shows up: any value of any table read through
 * SQLite (so rows still in the -wal, not yet checkpointed into renkei.sqlite, are seen), and the raw bytes
 * of every file of the directory (database, -wal, -shm, exports, anything else). Works while the app has
 * the database open. An empty list means the secrets are nowhere at rest.
 */
export function secretsInDataDir(dataDir: string, secrets: readonly string[]): string[] {
  const wanted = secrets.filter((secret) => secret !== '')
  return [...rowsHolding(join(dataDir, 'renkei.sqlite'), wanted), ...filesHolding(dataDir, wanted)]
}

function rowsHolding(database: string, secrets: readonly string[]): string[] {
  const db = new Database(database, { readonly: true, fileMustExist: true })
  try {
    // Virtual tables (the history's FTS5 text indexes) cannot be scanned; their shadow tables (_data,
    // _idx, _docsize, _config) are ordinary tables and are read like any other.
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'",
      )
      .pluck()
      .all() as string[]
    const found: string[] = []
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<
        Record<string, unknown>
      >) {
        for (const [column, value] of Object.entries(row)) {
          const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value)
          for (const secret of secrets) if (text.includes(secret)) found.push(`table ${table}.${column}`)
        }
      }
    }
    return found
  } finally {
    db.close()
  }
}

function filesHolding(dataDir: string, secrets: readonly string[]): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const bytes = readFileSync(path)
    for (const secret of secrets) {
      if (bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le'))) {
        found.push(`file ${path}`)
      }
    }
  }
  return found
}
