import {
  calendarPairConfig,
  calendarSettings,
  type CalendarPairConfig,
  type CalendarSettings,
} from '../../../../shared/model/calendar-config'
import type { CalendarPairState, StopReason } from '../../../../shared/model/calendar'
import { JsonSetting, type PatchResult } from '../../settings/json-setting'
import type { Db } from '../../store/database'

export interface StoredPair {
  readonly config: CalendarPairConfig
  readonly stopReason: StopReason | null
  readonly stoppedAt: number | null
}

export function pairState(pair: StoredPair): CalendarPairState {
  if (!pair.config.permitted) return 'disabled'
  return pair.stopReason === null ? 'syncing' : 'stopped'
}

interface PairRow {
  config: string
  permitted: number
  stop_reason: StopReason | null
  stopped_at: number | null
}

/** The user pairs (config as JSON so fields added later take their defaults) and the shared calendar settings. */
export class CalendarPairRepository {
  private readonly sharedSettings: JsonSetting<typeof calendarSettings>

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.sharedSettings = new JsonSetting(db, 'calendar.settings', calendarSettings, {
      ja: 'カレンダー同期の共通設定',
      en: 'shared calendar sync settings',
    })
  }

  private toPair(row: PairRow): StoredPair {
    const config = calendarPairConfig.parse({ ...JSON.parse(row.config), permitted: row.permitted === 1 })
    return { config, stopReason: row.stop_reason, stoppedAt: row.stopped_at }
  }

  list(): StoredPair[] {
    const rows = this.db
      .prepare('SELECT config, permitted, stop_reason, stopped_at FROM calendar_pairs ORDER BY number')
      .all() as PairRow[]
    return rows.map((row) => this.toPair(row))
  }

  get(id: string): StoredPair | null {
    const row = this.db
      .prepare('SELECT config, permitted, stop_reason, stopped_at FROM calendar_pairs WHERE id = ?')
      .get(id) as PairRow | undefined
    return row ? this.toPair(row) : null
  }

  /** Another pair already using this management number, if any. */
  numberTakenBy(number: number, exceptId: string): string | null {
    return (
      (this.db
        .prepare('SELECT id FROM calendar_pairs WHERE number = ? AND id <> ?')
        .pluck()
        .get(number, exceptId) as string | undefined) ?? null
    )
  }

  save(config: CalendarPairConfig): void {
    this.db
      .prepare(
        `INSERT INTO calendar_pairs (id, number, config, permitted, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET number = excluded.number, config = excluded.config, permitted = excluded.permitted`,
      )
      .run(config.id, config.number, JSON.stringify(config), config.permitted ? 1 : 0, this.now())
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM calendar_pairs WHERE id = ?').run(id).changes > 0
  }

  setPermitted(id: string, permitted: boolean): void {
    this.db.prepare('UPDATE calendar_pairs SET permitted = ? WHERE id = ?').run(permitted ? 1 : 0, id)
  }

  stop(id: string, reason: StopReason): void {
    this.db
      .prepare('UPDATE calendar_pairs SET stop_reason = ?, stopped_at = ? WHERE id = ?')
      .run(reason, this.now(), id)
  }

  resume(id: string): void {
    this.db.prepare('UPDATE calendar_pairs SET stop_reason = NULL, stopped_at = NULL WHERE id = ?').run(id)
  }

  settings(): CalendarSettings {
    return this.sharedSettings.get()
  }

  /** A merge patch (RFC 7396) of the shared settings, checked whole; a refused one changes nothing. */
  updateSettings(patch: unknown): PatchResult<CalendarSettings> {
    return this.sharedSettings.update(patch)
  }
}
