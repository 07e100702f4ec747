/**
 * The XMPP sources' sessions while Renkei runs: one per enabled source, restarted when the admin saves or
 * removes one. A message becomes a chat.message event; sign-in and drops go to the history once per change
 * (a server down for an hour is one line, not one per retry).
 */
import { noticeSourceSecret, type NoticeSourceConfig } from '../../../../shared/model/notices'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeContext } from './notice-context'
import type { NoticeIntake } from './notice-ports'
import { chatEvent } from './inbound-chat-event'
import { noticeCategory } from './inbound-refusals'
import { startXmppSource, type XmppSourceSession } from './inbound-xmpp'

export class XmppSources {
  private readonly sessions = new Map<string, XmppSourceSession>()
  private readonly lastState = new Map<string, string>()
  private started = false
  /** Changes one after the other: two saves of one source never leave two sessions running. */
  private changes: Promise<void> = Promise.resolve()

  constructor(
    private readonly ctx: NoticeContext,
    private readonly intake: NoticeIntake,
  ) {}

  async start(sources: readonly NoticeSourceConfig[]): Promise<void> {
    this.started = true
    for (const source of sources) await this.follow(source.id, source)
  }

  /** A source changed (null: removed): its session stops, and starts again if it is an enabled XMPP source. */
  follow(id: string, source: NoticeSourceConfig | null): Promise<void> {
    this.changes = this.changes.then(() => this.restart(id, source))
    return this.changes
  }

  private async restart(id: string, source: NoticeSourceConfig | null): Promise<void> {
    const running = this.sessions.get(id)
    this.sessions.delete(id)
    this.lastState.delete(id)
    await running?.close()
    if (!this.started || !source?.enabled || source.kind !== 'xmpp' || !source.xmpp) return
    this.sessions.set(
      id,
      startXmppSource(source.xmpp, source.name, {
        now: this.ctx.now,
        trustedCaPems: this.ctx.trustedCaPems,
        password: () => this.ctx.secrets.get(noticeSourceSecret(id)),
        onMessage: (message) => this.take(source, chatEvent(message)),
        onState: (error) => this.state(source, error),
      }),
    )
  }

  async close(): Promise<void> {
    this.started = false
    await this.changes
    const sessions = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(sessions.map((session) => session.close()))
  }

  private take(source: NoticeSourceConfig, event: ReturnType<typeof chatEvent>): void {
    try {
      this.intake.ingest(source.id, event)
    } catch (error) {
      const why = (error as { localized?: Localized }).localized
      this.record(source, 'error', {
        ja: `XMPP のメッセージを受け付けられませんでした: ${why?.ja ?? '内部エラー'}`,
        en: `An XMPP message could not be taken in: ${why?.en ?? 'internal error'}`,
      })
    }
  }

  private state(source: NoticeSourceConfig, error: Localized | null): void {
    const key = error === null ? 'online' : error.en
    if (this.lastState.get(source.id) === key) return
    this.lastState.set(source.id, key)
    if (error === null) {
      this.record(source, 'info', {
        ja: 'XMPP サーバーにサインインしました。',
        en: 'Signed in to the XMPP server.',
      })
    } else {
      this.record(source, 'warning', {
        ja: `${error.ja} 間隔を空けて再接続します。`,
        en: `${error.en} Retrying at growing intervals.`,
      })
    }
  }

  private record(source: NoticeSourceConfig, level: 'info' | 'warning' | 'error', text: Localized): void {
    this.ctx.history.append({
      direction: 'receive',
      category: noticeCategory,
      level,
      message: `お知らせの受信口「${source.name}」（${source.id}）: ${text.ja}`,
      messageEn: `Inbound notice source "${source.name}" (${source.id}): ${text.en}`,
    })
  }
}
