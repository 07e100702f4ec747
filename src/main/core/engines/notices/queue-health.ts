import type { HealthState, HealthSubject } from '../../../../shared/model/health'
import type { HealthReporter } from '../../health/health-reporter'
import type { Db } from '../../store/database'
import { parseLocalized } from './message-rows'

const dayMs = 24 * 60 * 60_000
/** A message due (or retrying) for longer than this is late: the engine warns. */
export const lateAfterMs = 15 * 60_000
/** How far back the last success is looked for (the due index keeps it a range read). */
const successLookbackMs = 30 * dayMs

interface Facts {
  readonly lastSuccessAt: number | null
  readonly lastFailureAt: number | null
  readonly lastFailure: string | null
  readonly errors24h: number
  readonly late: boolean
  readonly any: boolean
}

function facts(db: Db, now: number): Facts {
  const lastSuccessAt = db
    .prepare(
      `SELECT max(finished_at) FROM notice_messages INDEXED BY notice_messages_due
       WHERE state = 'sent' AND due_at >= ?`,
    )
    .pluck()
    .get(now - successLookbackMs) as number | null
  const failure = db
    .prepare(
      `SELECT finished_at AS at, error FROM notice_messages INDEXED BY notice_messages_due
       WHERE state = 'set-aside' ORDER BY finished_at DESC LIMIT 1`,
    )
    .get() as { at: number; error: string } | undefined
  const errors24h = db
    .prepare(
      `SELECT count(*) FROM notice_messages INDEXED BY notice_messages_due
       WHERE state = 'set-aside' AND finished_at >= ?`,
    )
    .pluck()
    .get(now - dayMs) as number
  // Waiting on purpose (a digest collecting, attempts 0 and due later) is not late.
  const late =
    db
      .prepare(
        `SELECT 1 FROM notice_messages INDEXED BY notice_messages_due
         WHERE state = 'pending' AND created_at < ? AND (due_at <= ? OR attempts > 0) LIMIT 1`,
      )
      .get(now - lateAfterMs, now) !== undefined
  const any = db.prepare('SELECT 1 FROM notice_messages LIMIT 1').get() !== undefined
  return {
    lastSuccessAt,
    lastFailureAt: failure?.at ?? null,
    lastFailure: failure?.error ?? null,
    errors24h,
    late,
    any,
  }
}

function stateOf(f: Facts): HealthState {
  if (!f.any) return 'never-run'
  const lastFailed =
    f.lastFailureAt !== null && (f.lastSuccessAt === null || f.lastFailureAt > f.lastSuccessAt)
  if (f.errors24h > 0 && lastFailed) return 'failing'
  if (f.late) return 'warning'
  return f.lastSuccessAt === null ? 'never-run' : 'ok'
}

/**
 * The relay's health, read from the outbox itself: failing when messages were set aside in the last 24 h and
 * the last outcome was a failure; warning while messages wait late; ok after a success; never-run before the
 * first message. No subjects: targets are listed on the Notices screen.
 */
export function queueHealthReporter(db: Db): HealthReporter {
  return {
    engine: 'notice-relay',
    report: (now) => {
      const f = facts(db, now)
      const engine: HealthSubject = {
        engine: 'notice-relay',
        id: 'notice-relay',
        kind: 'engine',
        name: null,
        state: stateOf(f),
        errorStreak: f.errors24h > 0 && stateOf(f) === 'failing' ? 1 : 0,
        lastSuccessAt: f.lastSuccessAt,
        lastFailureAt: f.lastFailureAt,
        lastFailure: parseLocalized(f.lastFailure),
        errors24h: f.errors24h,
        nextRunAt: null,
        note: f.late
          ? {
              ja: '15 分以上送れずに待っているお知らせがあります。送信先の状態を確認してください。',
              en: 'Some notices have been waiting for more than 15 minutes. Check the targets.',
            }
          : null,
      }
      return { engine, subjects: [] }
    },
  }
}
