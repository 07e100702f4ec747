import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { databaseOpenFailure, newerSchema } from './database-open-errors'
import { migrations } from './migrations'
import { electronNativeBinding } from './native-binding'

export type Db = Database.Database

/**
 * Opens (creating if needed) the data directory's database in WAL mode and brings its schema up to date.
 * WAL + synchronous=NORMAL keeps every committed transaction across a crash or kill -9. A file that is
 * no database, a newer schema or a read-only file is refused in both languages, the file unchanged.
 */
export function openDatabase(dataDir: string, fileName = 'renkei.sqlite'): Db {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, fileName)
  let db: Db | null = null
  try {
    const nativeBinding = electronNativeBinding()
    db = new Database(file, nativeBinding ? { nativeBinding } : {})
    configure(db)
    return db
  } catch (error) {
    db?.close()
    throw databaseOpenFailure(error, file) ?? error
  }
}

function configure(db: Db): void {
  // Read before anything is written: a newer or foreign file is left exactly as it was.
  refuseNewerSchema(db)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE): a deferred one that reads
  // and then writes fails at once with "database is locked", without waiting, when another process
  // (the CLI importing or pruning) committed in between.
  const deferred = db.transaction.bind(db)
  db.transaction = ((work) => deferred(work).immediate) as Db['transaction']
  // ANALYZE (run by PRAGMA optimize after bulk changes) samples instead of reading every index: it holds
  // the write lock, and a full pass over millions of entries made other processes wait seconds.
  db.pragma('analysis_limit = 1000')
  migrate(db)
  // Keeps the planner's statistics fresh, so a site + level filter walks the selective site index. Through
  // a small cache: the pages ANALYZE reads once stayed in memory (~60 MB at 100,000 home records).
  db.pragma('cache_size = -2048')
  db.pragma('optimize = 0x10002')
  // 64 MiB of page cache: index pages of a multi-million-row history stay in memory.
  db.pragma('cache_size = -65536')
}

function refuseNewerSchema(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) throw newerSchema(db.name, current, migrations.length)
}

/** Applies every migration newer than the database's user_version, each in its own transaction. */
export function migrate(db: Db): void {
  refuseNewerSchema(db)
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current + 1; version <= migrations.length; version++) {
    const step = migrations[version - 1]!
    db.transaction(() => {
      db.exec(step)
      db.pragma(`user_version = ${version}`)
    })()
  }
}
