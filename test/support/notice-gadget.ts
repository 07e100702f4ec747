/**
 * Helpers for the notice gadget's tests: a notice put straight into an employee's inbox (a second SQLite
 * connection, as the intake would write it), the core's event bus caught so a test can emit 'notice.inbox'
 * itself while the intake (core part) is not built yet, and a reader for server-sent events.
 */
import type { GadgetNotice, NoticeKind } from '../../src/shared/model/notices'
import { EventBus } from '../../src/main/core/event-bus'
import { openDatabase } from '../../src/main/core/store/database'

export interface InboxNotice {
  readonly employeeKey: string
  readonly eventId: string
  readonly kind: NoticeKind
  readonly title: string
  readonly at: number
}

/** Inserts one event and its inbox row; returns the notice as the gadget shows it (subject = title). */
export function insertInboxNotice(dataDir: string, notice: InboxNotice): GadgetNotice {
  const db = openDatabase(dataDir)
  try {
    const eventRow = db
      .prepare(
        `INSERT INTO notice_events (source, event_id, kind, occurred_at, received_at, fields, addressees)
         VALUES ('manual', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        notice.eventId,
        notice.kind,
        notice.at,
        notice.at,
        JSON.stringify({ title: notice.title }),
        JSON.stringify([notice.employeeKey]),
      ).lastInsertRowid as number
    const id = db
      .prepare('INSERT INTO notice_inbox (employee_key, event_row, created_at) VALUES (?, ?, ?)')
      .run(notice.employeeKey, eventRow, notice.at).lastInsertRowid as number
    return {
      id,
      kind: notice.kind,
      subject: notice.title,
      text: `予定: ${notice.title}`,
      at: notice.at,
      read: false,
    }
  } finally {
    db.close()
  }
}

/**
 * Catches the core's EventBus (the next instance that emits after this call) by wrapping `emit` on the
 * prototype. Until the intake emits 'notice.inbox' itself, the tests emit it on the bus they caught.
 */
export function catchEventBus(): { bus(): EventBus; restore(): void } {
  const original = Object.getOwnPropertyDescriptor(EventBus.prototype, 'emit')!
  const originalEmit = EventBus.prototype.emit
  let caught: EventBus | null = null
  const remember = (bus: EventBus): void => {
    caught ??= bus
  }
  EventBus.prototype.emit = function (this: EventBus, ...args: Parameters<EventBus['emit']>) {
    remember(this)
    return originalEmit.apply(this, args)
  } as EventBus['emit']
  return {
    bus: () => {
      if (caught === null) throw new Error('no event bus has emitted yet')
      return caught
    },
    restore: () => Object.defineProperty(EventBus.prototype, 'emit', original),
  }
}

export interface SseEvent {
  readonly event: string
  readonly data: string
}

/** Reads a server-sent event stream; `next(name)` waits for the next event of that name. */
export async function openSse(url: string): Promise<{
  readonly response: Response
  next(name: string, timeoutMs?: number): Promise<SseEvent>
  /** Resolves when the server ends the stream. */
  ended(timeoutMs?: number): Promise<void>
  close(): void
}> {
  const controller = new AbortController()
  const response = await fetch(url, { signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const queue: SseEvent[] = []
  let done = false
  async function pump(timeoutMs: number): Promise<void> {
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no server-sent event within ${timeoutMs} ms`)), timeoutMs).unref(),
    )
    const chunk = await Promise.race([reader.read(), timer])
    if (chunk.done) {
      done = true
      return
    }
    buffer += chunk.value
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const lines = block.split('\n')
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7)
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6)
      if (event !== undefined && data !== undefined) queue.push({ event, data })
    }
  }
  return {
    response,
    async next(name, timeoutMs = 5_000) {
      for (;;) {
        const index = queue.findIndex((e) => e.event === name)
        if (index >= 0) return queue.splice(index, 1)[0]!
        if (done) throw new Error(`stream ended before a "${name}" event`)
        await pump(timeoutMs)
      }
    },
    async ended(timeoutMs = 5_000) {
      while (!done) await pump(timeoutMs)
    },
    close: () => controller.abort(),
  }
}
