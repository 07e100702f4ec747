import type { HealthState, HealthSubject } from '../../../../shared/model/health'
import type { Localized } from '../../../../shared/model/localized'
import type { RoomSettings } from '../../../../shared/model/rooms'
import type { HealthReporter } from '../../health/health-reporter'
import type { Db } from '../../store/database'

const dayMs = 24 * 60 * 60_000

/**
 * Room provisioning's health, read from the room store: disabled while off; failing while a room's last change
 * failed (it stays failed until a run succeeds); ok once rooms were created or narrowed; never-run before.
 * Planned rooms waiting for 「実行」 (autoApply off) are named in the note, not a warning: they wait on purpose.
 */
export function roomsHealthReporter(db: Db, settings: () => RoomSettings): HealthReporter {
  const lastDone = db.prepare("SELECT max(updated_at) FROM rooms WHERE status IN ('created', 'narrowed')")
  const lastFailed = db.prepare(
    "SELECT updated_at AS at, last_error AS error FROM rooms WHERE status = 'failed' ORDER BY updated_at DESC LIMIT 1",
  )
  const failedSince = db.prepare("SELECT count(*) FROM rooms WHERE status = 'failed' AND updated_at >= ?")
  const planned = db.prepare("SELECT count(*) FROM rooms WHERE status = 'planned'")
  return {
    engine: 'rooms',
    report: (now) => {
      const lastSuccessAt = lastDone.pluck().get() as number | null
      const failure = lastFailed.get() as { at: number; error: string | null } | undefined
      const waiting = planned.pluck().get() as number
      const state: HealthState = !settings().enabled
        ? 'disabled'
        : failure
          ? 'failing'
          : lastSuccessAt === null
            ? 'never-run'
            : 'ok'
      const note: Localized | null =
        waiting > 0
          ? { ja: `実行待ちの会議室 ${waiting} 件`, en: `${waiting} room(s) waiting for a run` }
          : null
      const engine: HealthSubject = {
        engine: 'rooms',
        id: 'rooms',
        kind: 'engine',
        name: null,
        state,
        errorStreak: failure ? 1 : 0,
        lastSuccessAt,
        lastFailureAt: failure?.at ?? null,
        lastFailure: failure?.error ? (JSON.parse(failure.error) as Localized) : null,
        errors24h: failedSince.pluck().get(now - dayMs) as number,
        nextRunAt: null,
        note,
      }
      return { engine, subjects: [] }
    },
  }
}
