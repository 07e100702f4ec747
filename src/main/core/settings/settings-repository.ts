import { defaultSettings, type Settings } from '../../../shared/model/settings'
import type { Db } from '../store/database'

const key = 'app.settings'

/** Admin settings as one JSON document; missing fields take their defaults, so new settings need no migration. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined
    return { ...defaultSettings, ...(row ? (JSON.parse(row.value) as Partial<Settings>) : {}) }
  }

  update(patch: Partial<Settings>): { before: Settings; after: Settings } {
    return this.db.transaction(() => {
      const before = this.get()
      const after = { ...before, ...patch }
      this.db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        )
        .run(key, JSON.stringify(after))
      return { before, after }
    })()
  }
}
