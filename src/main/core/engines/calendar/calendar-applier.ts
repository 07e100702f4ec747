import type { CalendarChange } from '../../../../shared/model/calendar'
import { ConnectorError } from '../../connectors/connector-error'
import type { CalDavConnector, CalendarItem, ParsedCalendar } from './calendar-connectors'
import type { CalendarAction, Side } from './calendar-actions'
import { hrefOf, type ItemMapping } from './calendar-state'

export interface ApplyDeps {
  readonly pairId: string
  readonly user: string
  readonly calendars: Readonly<Partial<Record<Side, CalDavConnector>>>
  readonly where: Readonly<Partial<Record<Side, string>>>
  readonly parse: (ics: string) => ParsedCalendar
  readonly now: () => number
  readonly signal: AbortSignal
  /** Writes the mapping row and the change record together (one transaction): nothing is lost or doubled. */
  readonly committed: (uid: string, mapping: ItemMapping | null, change: CalendarChange | null) => void
  /** A write the server refused for this event only: keep the row, remember the refused version. */
  readonly setAside: (action: CalendarAction, error: ConnectorError) => void
}

export interface ApplyResult {
  readonly created: number
  readonly updated: number
  readonly deleted: number
  readonly setAside: number
  /** The error that stopped the run (transient, quota, auth), if one did. */
  readonly stoppedBy: ConnectorError | null
}

/** Errors that concern the whole calendar or server, not one event: the rest of the run would fail the same way. */
function stopsTheRun(error: ConnectorError): boolean {
  return error.kind === 'transient' || error.kind === 'quota' || error.kind === 'auth'
}

function mappingAfterWrite(
  action: Exclude<CalendarAction, { kind: 'delete' }>,
  href: string,
  etag: string | null,
): ItemMapping {
  const written = { href, etag }
  const other = action.kind === 'create' ? action.originRef : action.otherRef
  const [source, target] = action.side === 'target' ? [other, written] : [written, other]
  return {
    uid: action.item.uid,
    origin: action.kind === 'create' ? action.origin : action.mapping.origin,
    sourceHref: source.href,
    sourceEtag: source.etag,
    targetHref: target.href,
    targetEtag: target.etag,
    fingerprint: action.item.fingerprint,
    setAside: null,
    detached: false,
    summary: action.item.summary,
    time: action.item.time,
  }
}

/** Applies a plan one write at a time; each success is committed with its change record before the next. */
export async function applyActions(
  actions: readonly CalendarAction[],
  deps: ApplyDeps,
): Promise<ApplyResult> {
  const counts = { created: 0, updated: 0, deleted: 0, setAside: 0 }
  const change = (
    action: CalendarAction,
    kind: CalendarChange['action'],
    item: CalendarItem | null,
    previous: ItemMapping | null,
  ): CalendarChange => ({
    pairId: deps.pairId,
    user: deps.user,
    action: kind,
    side: action.side,
    uid: item?.uid ?? previous!.uid,
    summary: item?.summary ?? previous?.summary ?? '',
    recurring: item?.recurring ?? false,
    where: deps.where[action.side] ?? '',
    when: deps.now(),
    by: 'Renkei',
    oldTime: previous?.time ?? null,
    newTime: item?.time ?? null,
  })

  for (const action of actions) {
    deps.signal.throwIfAborted()
    const calendar = deps.calendars[action.side]!
    try {
      if (action.kind === 'delete') {
        await removeCopy(calendar, action, deps.signal)
        deps.committed(action.mapping.uid, null, change(action, 'deleted', null, action.mapping))
        counts.deleted++
      } else if (action.kind === 'create') {
        const { etag, replaced } = await createOrAdopt(calendar, action, deps)
        const kind = replaced ? 'updated' : 'created'
        deps.committed(
          action.item.uid,
          mappingAfterWrite(action, action.href, etag),
          replaced === 'same' ? null : change(action, kind, action.item, action.previous),
        )
        if (replaced !== 'same') counts[kind]++
      } else {
        const etag = await updateCopy(calendar, action, deps.signal)
        deps.committed(
          action.item.uid,
          mappingAfterWrite(action, hrefOf(action.mapping, action.side)!, etag),
          change(action, 'updated', action.item, action.mapping),
        )
        counts.updated++
      }
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error
      if (stopsTheRun(error)) return { ...counts, stoppedBy: error }
      deps.setAside(action, error)
      counts.setAside++
    }
  }
  return { ...counts, stoppedBy: null }
}

async function removeCopy(
  calendar: CalDavConnector,
  action: Extract<CalendarAction, { kind: 'delete' }>,
  signal: AbortSignal,
): Promise<void> {
  const href = hrefOf(action.mapping, action.side)!
  try {
    await calendar.remove(href, action.etag, signal)
  } catch (error) {
    // Edited since we listed it: it is still Renkei's copy of an event that is gone, so it goes.
    if (error instanceof ConnectorError && error.kind === 'conflict')
      await calendar.remove(href, null, signal)
    else throw error
  }
}

/**
 * PUT with If-None-Match: *. A 412 means an object already sits at Renkei's href: a run that died after
 * its PUT and before its commit. Adopt it (rewrite only if it differs) instead of creating a duplicate.
 */
async function createOrAdopt(
  calendar: CalDavConnector,
  action: Extract<CalendarAction, { kind: 'create' }>,
  deps: ApplyDeps,
): Promise<{ etag: string | null; replaced: 'same' | 'updated' | null }> {
  try {
    return { etag: await calendar.create(action.href, action.item.ics, deps.signal), replaced: null }
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.kind !== 'conflict') throw error
  }
  const [existing] = await calendar.fetch([action.href], deps.signal)
  if (!existing)
    return { etag: await calendar.create(action.href, action.item.ics, deps.signal), replaced: null }
  const found = deps.parse(existing.data).items.find((item) => item.uid === action.item.uid)
  if (found?.fingerprint === action.item.fingerprint) return { etag: existing.etag, replaced: 'same' }
  return {
    etag: await calendar.update(action.href, action.item.ics, existing.etag, deps.signal),
    replaced: 'updated',
  }
}

/** PUT with If-Match; on 412 (edited meanwhile) the policy already chose this side's content: write over the fresh ETag. */
async function updateCopy(
  calendar: CalDavConnector,
  action: Extract<CalendarAction, { kind: 'update' }>,
  signal: AbortSignal,
): Promise<string | null> {
  const href = hrefOf(action.mapping, action.side)!
  try {
    return await calendar.update(href, action.item.ics, action.etag, signal)
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.kind !== 'conflict') throw error
  }
  const [current] = await calendar.fetch([href], signal)
  return current
    ? await calendar.update(href, action.item.ics, current.etag, signal)
    : await calendar.create(href, action.item.ics, signal)
}
