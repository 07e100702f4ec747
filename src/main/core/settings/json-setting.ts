import type { z } from 'zod'
import type { Db } from '../store/database'

/**
 * An engine's settings as one JSON document in the settings table, parsed on every read so fields
 * added in a later release take their defaults.
 */
export class JsonSetting<S extends z.ZodType> {
  constructor(
    private readonly db: Db,
    private readonly key: string,
    private readonly schema: S,
  ) {}

  get(): z.output<S> {
    const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(this.key) as
      string | undefined
    return this.schema.parse(value === undefined ? {} : JSON.parse(value))
  }

  save(value: z.output<S>): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(this.key, JSON.stringify(value))
  }
}
