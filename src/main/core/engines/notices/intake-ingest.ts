import { ApiError } from '../../../../shared/model/errors'
import {
  noticeEventInput,
  type NoticeEventInput,
  type NoticeIngestResult,
  type NoticeSettings,
} from '../../../../shared/model/notices'
import { describeIssues } from '../../input-issues'
import { findAddressee, type NoticePerson, type PeopleIndex } from './core-people'
import { targetTakes } from './intake-address'
import { fillRecipient } from './target-recipient'
import { announceIntake, type IntakeOutcome } from './intake-report'
import { occurredAt } from './intake-time'
import type { NoticeContext } from './notice-context'
import type { NoticeIntake, NoticeQueueSignal, NoticeRenderer, NoticeTargetDirectory } from './notice-ports'
import { optedIn, type OptInStore } from './optin-rules'

export interface IntakeDeps {
  readonly targets: NoticeTargetDirectory
  readonly queue: NoticeQueueSignal
  readonly renderer: NoticeRenderer
  readonly settings: () => NoticeSettings
  readonly people: () => PeopleIndex
  readonly optins: OptInStore
}

function checked(event: NoticeEventInput): NoticeEventInput {
  const parsed = noticeEventInput.safeParse(event)
  if (parsed.success) return parsed.data
  const problems = describeIssues(parsed.error.issues, event)
  throw new ApiError(
    'invalid-input',
    {
      ja: `イベントを受け付けられません。何も受け付けていません（${problems.ja}）`,
      en: `The event cannot be taken in; nothing was taken in (${problems.en})`,
    },
    parsed.error.issues,
  )
}

interface EventRowIds {
  readonly id: number
  readonly addressees: string
  readonly unknown_addressees: string
}

/** A repeat of an event taken in before: nothing added, the first one's addressees. */
function repeatOf(row: EventRowIds): NoticeIngestResult {
  return {
    accepted: false,
    eventRow: row.id,
    addressees: JSON.parse(row.addressees) as string[],
    unknownAddressees: JSON.parse(row.unknown_addressees) as string[],
    optedIn: 0,
    queued: 0,
  }
}

/** Addressees as given → people found (once each, in order) and what matches nobody. */
function resolve(index: PeopleIndex, given: readonly string[]) {
  const found = new Map<string, NoticePerson>()
  const unknown: string[] = []
  for (const text of given) {
    const person = findAddressee(index, text)
    if (person) found.set(person.key, person)
    else if (!unknown.includes(text)) unknown.push(text)
  }
  return { found: [...found.values()], unknown }
}

/**
 * Takes in one event: in one short transaction it is recorded once per source and event id (a repeat adds
 * nothing), and every opted-in active addressee gets an inbox row and one message per enabled target of the
 * right role. The queue is woken, the gadgets told and the history written only after the commit.
 */
export function createIntake(ctx: NoticeContext, deps: IntakeDeps): NoticeIntake {
  const db = ctx.db
  const insertEvent = db.prepare(
    `INSERT INTO notice_events (source, event_id, kind, occurred_at, received_at, fields, addressees, unknown_addressees)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, event_id) DO NOTHING`,
  )
  const existing = db.prepare(
    'SELECT id, addressees, unknown_addressees FROM notice_events WHERE source = ? AND event_id = ?',
  )
  const insertInbox = db.prepare(
    'INSERT INTO notice_inbox (employee_key, event_row, created_at) VALUES (?, ?, ?)',
  )
  const insertMessage = db.prepare(
    `INSERT INTO notice_messages (event_row, target_id, employee_key, address, state, due_at, created_at, finished_at, error)
     VALUES (@event_row, @target_id, @employee_key, @address, @state, @now, @now, @finished_at, @error)`,
  )

  const ingest = (source: string, input: NoticeEventInput): NoticeIngestResult => {
    const event = checked(input)
    const now = ctx.now()
    const at = occurredAt(event.occurredAt, now)
    const settings = deps.settings()
    const index = deps.people()
    const { found, unknown } = resolve(index, event.addressees)
    const targets = settings.enabled ? deps.targets.enabled().filter((t) => targetTakes(t, event.kind)) : []
    const outcome = db
      .transaction((): IntakeOutcome | NoticeIngestResult => {
        const added = insertEvent.run(
          source,
          event.id,
          event.kind,
          at,
          now,
          JSON.stringify(event.fields),
          JSON.stringify(found.map((p) => p.key)),
          JSON.stringify(unknown),
        )
        if (added.changes === 0) return repeatOf(existing.get(source, event.id) as EventRowIds)
        const eventRow = Number(added.lastInsertRowid)
        const result: IntakeOutcome = {
          source,
          event,
          eventRow,
          found,
          unknown,
          inbox: [],
          queued: 0,
          dropped: 0,
          enabled: settings.enabled,
        }
        if (!settings.enabled) return result
        const bulk = deps.optins.bulk()
        for (const person of found) {
          if (!person.active) continue
          if (!optedIn(person, event.kind, deps.optins.own(person.key), bulk, index.parents)) continue
          const inboxRow = Number(insertInbox.run(person.key, eventRow, now).lastInsertRowid)
          result.inbox.push({ person, inboxRow })
          for (const target of targets) {
            const { address, missing } = fillRecipient(target.recipient, person)
            const row = { event_row: eventRow, target_id: target.id, employee_key: person.key, address, now }
            if (missing)
              result.dropped += insertMessage.run({
                ...row,
                state: 'dropped',
                finished_at: now,
                error: JSON.stringify(missing),
              }).changes
            else
              result.queued += insertMessage.run({
                ...row,
                state: 'pending',
                finished_at: null,
                error: null,
              }).changes
          }
        }
        return result
      })
      .immediate()
    if (!('event' in outcome)) return outcome
    return announceIntake(ctx, deps, outcome)
  }
  return { ingest }
}
