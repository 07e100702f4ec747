import type { Localized } from '../../../../shared/model/localized'
import type { NoticeSettings } from '../../../../shared/model/notices'
import type { NoticeContext } from './notice-context'
import type { AdminSummaryChannel, NoticeTargetDirectory } from './notice-ports'
import { parseLocalized } from './message-rows'

/** Settings-table row holding when the current period began: a restart keeps the period. */
export const failureDigestKey = 'notices.failure-digest'
/** An alert channel that failed is asked again after this long, not on every wake of the worker. */
const failedSendPauseMs = 5 * 60_000
const firstErrors = 3

interface SetAsideGroup {
  readonly target_id: string
  readonly kind: string
  readonly n: number
}

/**
 * The admin's failure digest: at most one summary per period of what was set aside in it (counts per
 * target and kind, the first errors), nothing when nothing failed. The period's start is stored, so a
 * restart neither repeats a summary nor forgets what failed before it.
 */
export class FailureDigest {
  private periodStart: number | null = null
  private pausedUntil = 0
  private sending: Promise<void> | null = null

  constructor(
    private readonly ctx: NoticeContext,
    private readonly admin: AdminSummaryChannel,
    private readonly settings: () => NoticeSettings,
    private readonly targets: NoticeTargetDirectory,
    /** Told when a send ended, so the worker arms its timer for the next period. */
    private readonly settled: () => void,
  ) {}

  private start(): number {
    if (this.periodStart !== null) return this.periodStart
    const stored = this.ctx.db
      .prepare('SELECT value FROM settings WHERE key = ?')
      .pluck()
      .get(failureDigestKey) as string | undefined
    const start = stored === undefined ? null : (JSON.parse(stored) as { periodStart: number }).periodStart
    if (start !== null) return (this.periodStart = start)
    this.store(this.ctx.now())
    return this.periodStart!
  }

  private store(periodStart: number): void {
    this.ctx.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(failureDigestKey, JSON.stringify({ periodStart }))
    this.periodStart = periodStart
  }

  /** When the current period ends (null: the digest is off, or a summary is on its way). */
  dueAt(): number | null {
    const minutes = this.settings().failureDigestMinutes
    if (minutes === 0 || this.sending) return null
    return Math.max(this.start() + minutes * 60_000, this.pausedUntil)
  }

  /** Sends the summary if the period is over (one at a time). */
  run(): void {
    const due = this.dueAt()
    const now = this.ctx.now()
    if (this.sending || due === null || now < due) return
    this.sending = this.send(this.start(), now).finally(() => {
      this.sending = null
      this.settled()
    })
  }

  async close(): Promise<void> {
    await this.sending
  }

  private async send(from: number, to: number): Promise<void> {
    const groups = this.ctx.db
      .prepare(
        `SELECT m.target_id, e.kind, count(*) AS n FROM notice_messages m JOIN notice_events e ON e.id = m.event_row
         WHERE m.state = 'set-aside' AND m.finished_at >= ? AND m.finished_at < ?
         GROUP BY m.target_id, e.kind ORDER BY m.target_id, e.kind`,
      )
      .all(from, to) as SetAsideGroup[]
    if (groups.length === 0) return this.store(to)
    const errors = this.ctx.db
      .prepare(
        `SELECT DISTINCT error FROM notice_messages
         WHERE state = 'set-aside' AND finished_at >= ? AND finished_at < ? ORDER BY finished_at LIMIT ?`,
      )
      .pluck()
      .all(from, to, firstErrors) as string[]
    const { title, message } = this.summary(groups, errors, to - from)
    try {
      await this.admin.send(title, message)
      this.store(to)
    } catch (error) {
      this.pausedUntil = this.ctx.now() + failedSendPauseMs
      console.error('renkei: the notice failure digest could not be sent:', error)
    }
  }

  private summary(
    groups: readonly SetAsideGroup[],
    errors: readonly string[],
    periodMs: number,
  ): { title: Localized; message: Localized } {
    const total = groups.reduce((sum, g) => sum + g.n, 0)
    const minutes = Math.round(periodMs / 60_000)
    const name = (id: string): string => this.targets.get(id)?.name ?? id
    const lines = groups.map((g) => ({
      ja: `${name(g.target_id)}: ${g.kind} ${g.n} 件`,
      en: `${name(g.target_id)}: ${g.kind} ${g.n}`,
    }))
    const firsts = errors.map((e) => parseLocalized(e)).filter((e): e is Localized => e !== null)
    return {
      title: {
        ja: `お知らせ ${total} 件を送れず保留にしました（${minutes} 分間）`,
        en: `${total} notices could not be sent and were set aside (last ${minutes} minutes)`,
      },
      message: {
        ja: [
          ...lines.map((l) => l.ja),
          '',
          '最初のエラー:',
          ...firsts.map((e) => `- ${e.ja}`),
          '',
          '「お知らせ」画面のキューから再送できます。',
        ].join('\n'),
        en: [
          ...lines.map((l) => l.en),
          '',
          'First errors:',
          ...firsts.map((e) => `- ${e.en}`),
          '',
          'Retry them from the queue on the Notices screen.',
        ].join('\n'),
      },
    }
  }
}
