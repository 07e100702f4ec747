import type { CalDavConnector } from './calendar-connectors'
import type { CalendarView } from './calendar-actions'

export interface ReadView {
  readonly view: CalendarView
  readonly token: string | null
}

/**
 * What a calendar holds now, as href → ETag. With a sync token (RFC 6578) only the delta travels and is
 * laid over what the mapping knew; without one (or when the server forgot it) the whole listing.
 */
export async function readCalendarView(
  calendar: CalDavConnector,
  token: string | null,
  known: Iterable<readonly [string, string | null]>,
  signal: AbortSignal,
): Promise<ReadView & { readonly changedHrefs: ReadonlySet<string> | null }> {
  const changes = await calendar.changes(token, signal)
  const view = new Map<string, string | null>(changes.full ? [] : known)
  for (const ref of changes.changed) view.set(ref.href, ref.etag)
  for (const href of changes.deleted) view.delete(href)
  return {
    view,
    token: changes.token,
    // Deletions count as changes: a calendar that only lost events still needs a run.
    changedHrefs: changes.full
      ? null
      : new Set([...changes.changed.map((ref) => ref.href), ...changes.deleted]),
  }
}
