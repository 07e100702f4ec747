/**
 * The notice queue on its own, over a real SQLite data directory: a NoticeContext as the composition root
 * builds it, the home directory seeded with test employees, events and messages written as the intake
 * writes them (the core part's intake is not on main yet), targets held in a map with senders picked by
 * the test, and a stand-in renderer (the core part owns the real templates).
 */
import type { Localized } from '../../src/shared/model/localized'
import {
  noticeSettings,
  noticeTargetInput,
  type NoticeField,
  type NoticeKind,
  type NoticeSettings,
  type NoticeTargetConfig,
  type NoticeTargetInput,
} from '../../src/shared/model/notices'
import { diffHome } from '../../src/main/core/directory/home-diff'
import { HomeDirectoryRepository } from '../../src/main/core/directory/home-directory-repository'
import { EventBus } from '../../src/main/core/event-bus'
import { HealthService } from '../../src/main/core/health/health-service'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { openDatabase, type Db } from '../../src/main/core/store/database'
import type { NoticeContext } from '../../src/main/core/engines/notices/notice-context'
import type {
  NoticeRenderer,
  NoticeSender,
  NoticeTargetDirectory,
} from '../../src/main/core/engines/notices/notice-ports'
import { createNoticeQueue, type NoticeQueuePart } from '../../src/main/core/engines/notices/notice-queue'
import { SmtpSessions } from '../../src/main/core/connectors/smtp/smtp-sessions'
import { createSenderFactory } from '../../src/main/core/engines/notices/target-senders'
import { XmppSessions } from '../../src/main/core/engines/notices/target-xmpp-pool'
import { testEmployee, testSnapshot } from './exchange-sites'

export interface QueueFixture {
  readonly db: Db
  readonly ctx: NoticeContext
  readonly queue: NoticeQueuePart
  readonly targets: Map<string, NoticeTargetConfig>
  readonly adminSent: { title: Localized; message: Localized }[]
  readonly events: EventBus
  /** The template's current wording: a test changes it to show messages are rendered at send time. */
  wording: string
  settings: NoticeSettings
  /** The relay's own senders (`createSenderFactory`, as the app wires them) over this fixture's context. */
  readonly realSenderFor: (target: NoticeTargetConfig) => NoticeSender
  close(): Promise<void>
}

export interface FixtureOptions {
  readonly now?: () => number
  /** Default: the relay's own senders (`realSenderFor`). */
  readonly senderFor?: (target: NoticeTargetConfig) => NoticeSender
  readonly targets?: readonly NoticeTargetInput[]
  readonly settings?: Partial<NoticeSettings>
  /** The admin's alert channel; fails with this error when set. */
  readonly adminFails?: boolean
}

export function smtpTarget(
  id: string,
  port: number,
  more: Partial<NoticeTargetInput> = {},
): NoticeTargetInput {
  return {
    id,
    name: `Mail ${id}`,
    kind: 'smtp',
    smtp: { host: '127.0.0.1', port, security: 'none', from: 'renkei@example.test' },
    ...more,
  }
}

/** Employees E000001 … E<count> in the home directory (names 社員 n / Employee n, user<n>@a.example.jp). */
export function seedEmployees(db: Db, count: number, at = Date.now()): void {
  const home = new HomeDirectoryRepository(db)
  const snapshot = testSnapshot(Array.from({ length: count }, (_, i) => testEmployee(i + 1)))
  home.applyImport(diffHome(home, snapshot, { now: at, graceDays: 0 }), at)
}

export const employeeKey = (n: number): string => `E${String(n).padStart(6, '0')}`

/** One event and its messages as the intake writes them: one per employee, for one target, due at once. */
export function queueEvent(
  db: Db,
  event: {
    readonly id: string
    readonly kind?: NoticeKind
    readonly fields?: Partial<Record<NoticeField, string>>
    readonly employees: readonly number[]
    readonly targetId: string
    readonly at: number
  },
): number[] {
  return db.transaction(() => {
    const row = Number(
      db
        .prepare(
          `INSERT INTO notice_events (source, event_id, kind, occurred_at, received_at, fields, addressees)
           VALUES ('test', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          event.id,
          event.kind ?? 'message.created',
          event.at,
          event.at,
          JSON.stringify(event.fields ?? { title: event.id }),
          JSON.stringify(event.employees.map(employeeKey)),
        ).lastInsertRowid,
    )
    const insert = db.prepare(
      `INSERT INTO notice_messages (event_row, target_id, employee_key, address, due_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    return event.employees.map((n) =>
      Number(
        insert.run(row, event.targetId, employeeKey(n), `user${n}@a.example.jp`, event.at, event.at)
          .lastInsertRowid,
      ),
    )
  })()
}

export function openQueueFixture(dir: string, options: FixtureOptions): QueueFixture {
  const db = openDatabase(dir)
  const now = options.now ?? Date.now
  const history = new HistoryRepository(db, now)
  const events = new EventBus()
  const health = new HealthService({ history, now, onChange: () => {} })
  const shutdown = new AbortController()
  const targets = new Map((options.targets ?? []).map((t) => [t.id, noticeTargetInput.parse(t)] as const))
  const ctx: NoticeContext = {
    db,
    secrets: new MemorySecretStore(),
    home: new HomeDirectoryRepository(db),
    history,
    events,
    health,
    now,
    fetch,
    trustedCaPems: () => [],
    publicBaseUrl: () => null,
    siteName: () => 'test-site',
    language: () => 'ja',
    signal: shutdown.signal,
  }
  const sessions = { smtp: new SmtpSessions(), xmpp: new XmppSessions() }
  const realSenderFor = createSenderFactory(ctx, sessions)
  const directory: NoticeTargetDirectory = {
    enabled: () => [...targets.values()].filter((t) => t.enabled),
    get: (id) => targets.get(id) ?? null,
    senderFor: options.senderFor ?? realSenderFor,
  }
  const renderer: NoticeRenderer = {
    render: (kind, languages, fields, name) => ({
      subject: `${fixture.wording} ${kind} ${fields.title ?? '---'}`,
      text: `${name} (${languages}): ${fields.body ?? '---'}`,
    }),
    renderOne: (kind, _language, fields, name) => ({ subject: `${kind} ${fields.title}`, text: name }),
  }
  const adminSent: QueueFixture['adminSent'] = []
  let closing: Promise<void> | null = null
  const queue = createNoticeQueue(ctx, {
    targets: directory,
    renderer,
    settings: () => fixture.settings,
    admin: {
      send: async (title, message) => {
        if (options.adminFails) throw new Error('alert channel down')
        adminSent.push({ title, message })
      },
    },
  })
  const fixture: QueueFixture = {
    db,
    ctx,
    queue,
    targets,
    adminSent,
    events,
    wording: 'お知らせ',
    settings: noticeSettings.parse({ failureDigestMinutes: 0, ...options.settings }),
    realSenderFor,
    close: () =>
      (closing ??= (async () => {
        await queue.close()
        sessions.smtp.close()
        await sessions.xmpp.close()
        await health.close()
        shutdown.abort()
        db.close()
      })()),
  }
  return fixture
}

/** Polls until `check` holds (the worker runs on its own). */
export async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the notice queue')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export function messageStates(
  db: Db,
): Record<
  number,
  { state: string; attempts: number; due_at: number; digest_of: number | null; error: string | null }
> {
  const rows = db
    .prepare('SELECT id, state, attempts, due_at, digest_of, error FROM notice_messages')
    .all() as {
    id: number
    state: string
    attempts: number
    due_at: number
    digest_of: number | null
    error: string | null
  }[]
  return Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]))
}
