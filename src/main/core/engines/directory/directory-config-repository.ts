import { directoryConfig, type DirectoryConfig } from '../../../../shared/model/directory-config'
import type { Db } from '../../store/database'

const key = 'directory.config'

/** The directory settings as one JSON document, parsed on read so fields added later take their defaults. */
export class DirectoryConfigRepository {
  constructor(private readonly db: Db) {}

  get(): DirectoryConfig {
    const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as
      string | undefined
    return directoryConfig.parse(value === undefined ? {} : JSON.parse(value))
  }

  save(config: DirectoryConfig): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(config))
  }
}
