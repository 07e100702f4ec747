/**
 * The schedule horizon of each link, kept in the settings table (`sitelink.schedule-horizons`): it must
 * survive restarts, or a series would jump forward daily instead of in the seed's 7-day steps.
 */
import { z } from 'zod'
import { JsonSetting } from '../../settings/json-setting'
import type { Db } from '../../store/database'
import { scheduleWindow, type ScheduleWindow } from './schedule-window'

const horizons = z.record(z.string(), z.number().int())

export class ScheduleHorizons {
  private readonly doc: JsonSetting<typeof horizons>

  constructor(private readonly db: Db) {
    this.doc = new JsonSetting(db, 'sitelink.schedule-horizons', horizons, {
      ja: 'サイト間連携の予定の取得範囲',
      en: 'site link schedule horizons',
    })
  }

  /** The window for a send on this link at `now`; the horizon it reaches is kept for the next one. */
  windowFor(linkId: string, now: number): ScheduleWindow {
    return this.db
      .transaction(() => {
        const stored = this.doc.get()
        const window = scheduleWindow(now, stored[linkId] ?? null)
        if (stored[linkId] !== window.horizon) this.doc.save({ ...stored, [linkId]: window.horizon })
        return window
      })
      .immediate()
  }

  /** A relink or an unlink: the next window starts a fresh 370 days from its own operation date. */
  forget(linkId: string): void {
    this.db.transaction(() => {
      const { [linkId]: _gone, ...rest } = this.doc.get()
      this.doc.save(rest)
    })()
  }
}
