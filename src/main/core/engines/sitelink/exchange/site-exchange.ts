import { linkDataKinds, type LinkDataKind } from '../../../../../shared/model/sitelink'
import type {
  LinkActivityInfo,
  LinkSendOutcome,
  LinkSendResult,
  PartnerDirectoryPage,
} from '../../../../../shared/model/sitelink-exchange'
import type { Localized } from '../../../../../shared/model/localized'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import type { HistoryRepository } from '../../../history/history-repository'
import type { Db } from '../../../store/database'
import type { PartnerClient, PartnerRoute } from '../sitelink-ports'
import type {
  ExchangeLink,
  ExchangeLinks,
  PresenceExportSource,
  RulesExportSource,
  ScheduleExportSource,
  SiteProfileSource,
} from './exchange-ports'
import {
  employeesWarning,
  inactiveLink,
  receivedMessage,
  sentMessage,
  unknownLink,
} from './exchange-messages'
import { linkCategory, reasonOf } from '../link-context'
import { exportKind } from './home-export'
import { OutboxRepository } from './outbox-repository'
import { PartnerDirectoryReader } from './receive-directory'
import { ReceiveRepository } from './receive-repository'
import { batchRoute } from './receive-route'
import { planKind } from './send-planner'
import { deliverLink } from './send-delivery'

export interface SiteExchangeDeps {
  readonly db: Db
  readonly home: HomeDirectoryRepository
  readonly links: ExchangeLinks
  readonly client: PartnerClient
  readonly profile: SiteProfileSource
  readonly schedules: ScheduleExportSource
  readonly presence: PresenceExportSource
  readonly rules: RulesExportSource
  readonly history: HistoryRepository
  readonly now: () => number
  /** Tells the scheduler a plan was made: the debounced send job starts 15 minutes after the last one. */
  readonly trigger: () => void
  /** When the debounced send job runs next (null: nothing planned). */
  readonly nextSendAt: () => number | null
  /** Items per batch; 2,000 keeps every transaction short. */
  readonly chunkSize?: number
  readonly onChanged?: () => void
}

const localDate = (ms: number): string => {
  const d = new Date(ms)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * The site link data exchange (seed データ連携): plans what each partner lacks into a durable outbox,
 * delivers it, receives partners' batches, and says where each link stands (送信状況, 受信履歴).
 * One send runs at a time in this process; the receiver's numbering covers a second process (the CLI).
 */
export class SiteExchange {
  private readonly outbox: OutboxRepository
  private readonly receive: ReceiveRepository
  private readonly reader: PartnerDirectoryReader
  private readonly sending = new Set<string>()
  private current: AbortController | null = null
  private idle: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: SiteExchangeDeps) {
    this.outbox = new OutboxRepository(deps.db)
    this.receive = new ReceiveRepository(deps.db, () => deps.home.employeeCount())
    this.reader = new PartnerDirectoryReader(deps.db)
    deps.links.onUnlink((linkId) => this.onUnlink(linkId))
    deps.links.onRelink((linkId) => this.onRelink(linkId))
  }

  /** Something in scope changed (seed: every create, update, delete makes a send plan). */
  planSend(kinds: readonly LinkDataKind[]): void {
    // No partner to send to: a link started later gets everything anyway (kinds it never had are planned).
    if (kinds.length === 0 || this.deps.links.activeLinks().length === 0) return
    this.outbox.plan(kinds, this.deps.now())
    this.deps.trigger()
    this.deps.onChanged?.()
  }

  /**
   * Plans and delivers for every active link, or the one named; runs after any send already going. A
   * scheduled send skips delivering to links still in their backoff; 「今すぐ送信」 tries them at once.
   * `kinds`: diff only these (a rule change goes at once, without diffing the directory).
   */
  send(
    linkId: string | undefined,
    signal: AbortSignal,
    options: { scheduled?: boolean; full?: boolean; kinds?: readonly LinkDataKind[] } = {},
  ): Promise<LinkSendResult> {
    const links = this.targets(linkId)
    const run = this.idle.then(() => this.sendLocked(links, linkId === undefined, options, signal))
    this.idle = run.catch(() => undefined)
    return run
  }

  /** Batches wait for an active partner (one that failed, or a send that was stopped). */
  hasPending(): boolean {
    return this.deps.links.activeLinks().some((link) => this.outbox.pendingCount(link.id) > 0)
  }

  /**
   * 「クリア」: stops the send going on, then drops every planned batch (of one link, or all and the plan
   * itself). What they carried is sent at the next timing: the diff finds it again.
   */
  async clear(linkId?: string): Promise<number> {
    if (linkId !== undefined && !this.deps.links.has(linkId)) throw unknownLink(linkId)
    this.current?.abort(new Error('cleared'))
    await this.idle
    const ids = linkId === undefined ? this.deps.links.activeLinks().map((l) => l.id) : [linkId]
    const cleared = ids.reduce((sum, id) => sum + this.outbox.clear(id), 0)
    if (linkId === undefined) this.outbox.clearPlan()
    this.deps.onChanged?.()
    return cleared
  }

  activity(linkId: string): LinkActivityInfo {
    if (!this.deps.links.has(linkId)) throw unknownLink(linkId)
    const state = this.outbox.sendState(linkId)
    const kinds = new Set<LinkDataKind>([
      ...this.outbox.planned().map((p) => p.kind),
      ...this.outbox.dirtyKinds(linkId),
    ])
    const plannedKinds = linkDataKinds.filter((kind) => kinds.has(kind))
    const pendingBatches = this.outbox.pendingCount(linkId)
    const total = this.receive.employeesTotal()
    return {
      linkId,
      lastSendAt: state.lastSendAt,
      sending: this.sending.has(linkId),
      plannedSendAt: plannedKinds.length > 0 || pendingBatches > 0 ? this.deps.nextSendAt() : null,
      plannedKinds,
      receipts: this.receive.receipts(linkId),
      lastError: state.lastError,
      pendingBatches,
      retryAt: state.retryAt,
      employeesTotal: total,
      employeesWarning: employeesWarning(total),
    }
  }

  partnerDirectory(
    linkId: string,
    query: { department?: string; query?: string; offset: number },
  ): PartnerDirectoryPage {
    if (!this.deps.links.has(linkId)) throw unknownLink(linkId)
    return this.reader.page(linkId, { ...query, today: localDate(this.deps.now()) })
  }

  /** The partner's employees by key and name, for the partner feeds. */
  partnerEmployees(linkId: string) {
    return this.reader.employeeNames(linkId)
  }

  /** A partner employee's schedules (null: the whole site's), for the partner feeds. */
  partnerSchedules(linkId: string, employeeKey: string | null) {
    return this.reader.itemsFor(linkId, employeeKey)
  }

  /** 連携解除: nothing more is sent to the partner; its people go as if deleted, its schedules stay. */
  private onUnlink(linkId: string): void {
    this.outbox.forget(linkId)
    this.receive.removePeople(linkId)
    this.deps.onChanged?.()
  }

  /** 再リンク: everything is sent again (schedules from the 1st of the previous month, the export's window). */
  private onRelink(linkId: string): void {
    this.outbox.resetForRelink(linkId)
    this.planSend(linkDataKinds)
  }

  routes(): PartnerRoute[] {
    return [
      batchRoute({
        links: this.deps.links,
        receive: this.receive,
        now: this.deps.now,
        onApplied: (link, batch) => {
          const text = receivedMessage(batch.kind, batch.seq, batch.upserts.length, batch.deletes.length)
          this.deps.history.append({
            direction: 'receive',
            category: linkCategory,
            level: 'info',
            site: link.siteName,
            message: text.ja,
            messageEn: text.en,
          })
          this.deps.onChanged?.()
        },
      }),
    ]
  }

  /** The links a send goes to; an unknown or inactive link is refused (ja/en) before anything starts. */
  targets(linkId: string | undefined): readonly ExchangeLink[] {
    const active = this.deps.links.activeLinks()
    if (linkId === undefined) return active
    if (!this.deps.links.has(linkId)) throw unknownLink(linkId)
    const link = active.find((l) => l.id === linkId)
    if (!link) throw inactiveLink(linkId)
    return [link]
  }

  private async sendLocked(
    links: readonly ExchangeLink[],
    allLinks: boolean,
    options: { scheduled?: boolean; full?: boolean; kinds?: readonly LinkDataKind[] },
    signal: AbortSignal,
  ): Promise<LinkSendResult> {
    const startedAt = this.deps.now()
    const planned = this.outbox.planned().map((p) => p.kind)
    const due = options.scheduled ? new Set(this.outbox.dueLinks(startedAt)) : null
    // 「今すぐ送信」 diffs every kind (a change made by another process planned nothing here), except the
    // schedules, which mean reading every calendar: those go when planned.
    const kinds =
      options.kinds ??
      (options.full ? [...new Set([...planned, ...linkDataKinds.filter((k) => k !== 'schedule')])] : planned)
    const controller = new AbortController()
    this.current = controller
    const both = AbortSignal.any([signal, controller.signal])
    try {
      const result = await this.deliverAll(links, kinds, due, both)
      // A send of one link leaves the plan for the others; plans made during this send stay for the next.
      if (allLinks && !both.aborted) this.outbox.consumePlan(planned, startedAt)
      return result
    } finally {
      if (this.current === controller) this.current = null
    }
  }

  private async deliverAll(
    links: readonly ExchangeLink[],
    kinds: readonly LinkDataKind[],
    due: ReadonlySet<string> | null,
    signal: AbortSignal,
  ): Promise<LinkSendResult> {
    const outcomes: LinkSendOutcome[] = []
    for (const link of links) {
      if (signal.aborted) break
      this.sending.add(link.id)
      this.deps.onChanged?.()
      try {
        await this.planLink(link, kinds, signal)
        // In its backoff: planned now, delivered when the backoff is over (the outbox keeps it meanwhile).
        const waiting = due !== null && !due.has(link.id) && this.outbox.pendingCount(link.id) > 0
        if (waiting && this.outbox.sendState(link.id).retryAt !== null) continue
        const outcome = await deliverLink(link, { ...this.deps, outbox: this.outbox }, signal)
        this.record(link, outcome)
        outcomes.push(outcome)
      } finally {
        this.sending.delete(link.id)
        this.deps.onChanged?.()
      }
    }
    return { links: outcomes }
  }

  private async planLink(link: ExchangeLink, kinds: readonly LinkDataKind[], signal: AbortSignal) {
    const wanted = new Set([...kinds, ...this.outbox.dirtyKinds(link.id), ...this.outbox.newKinds(link.id)])
    for (const kind of linkDataKinds) {
      if (!wanted.has(kind) || signal.aborted) continue
      try {
        await planKind(this.outbox, {
          linkId: link.id,
          kind,
          pages: exportKind(this.deps, kind, link.id, signal),
          windowStart: kind === 'schedule' ? this.deps.schedules.windowStart(this.deps.now()) : null,
          chunkSize: this.deps.chunkSize ?? 2000,
          now: this.deps.now,
          signal,
        })
      } catch (error) {
        // A source that cannot be read completely (a calendar down) plans no deletion; the other kinds go.
        if (signal.aborted) throw error
        this.recordPlanFailure(link, reasonOf(error))
      }
    }
  }

  private recordPlanFailure(link: ExchangeLink, reason: Localized): void {
    this.deps.history.append({
      direction: 'send',
      category: linkCategory,
      level: 'error',
      site: link.siteName,
      message: reason.ja,
      messageEn: reason.en,
    })
  }

  private record(link: ExchangeLink, outcome: LinkSendOutcome): void {
    if (outcome.delivered === 0 && outcome.error === null) return
    const text = outcome.error ?? sentMessage(outcome.delivered, outcome.pending)
    this.deps.history.append({
      direction: 'send',
      category: linkCategory,
      level: outcome.error ? 'error' : 'info',
      site: link.siteName,
      message: text.ja,
      messageEn: text.en,
      detail: { delivered: outcome.delivered, pending: outcome.pending },
    })
  }
}
