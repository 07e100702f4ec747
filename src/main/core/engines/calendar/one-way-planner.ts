import type { CalendarItem } from './calendar-connectors'
import type { CalendarAction, CalendarPlan, CalendarView } from './calendar-actions'
import type { ItemMapping } from './calendar-state'
import { inWindow, type SyncWindow } from './sync-window'

export interface OneWayInput {
  /** Every event the source holds now (cancelled ones included: they mean "remove the copy"). */
  readonly items: readonly CalendarItem[]
  readonly mapping: ReadonlyMap<string, ItemMapping>
  readonly target: CalendarView
  readonly window: SyncWindow
  readonly hrefFor: (uid: string) => string
}

/**
 * Source → target. The target copy follows the source: created when new in the window, rewritten when
 * the source changed or someone edited or deleted the copy, deleted when the source dropped or cancelled
 * the event. Events that slid out of the window stay as they are; objects Renkei did not create are never
 * touched.
 */
export function planOneWay(input: OneWayInput): CalendarPlan {
  const actions: CalendarAction[] = []
  const bookkeeping: { uid: string; mapping: ItemMapping | null }[] = []
  let unchanged = 0
  let setAside = 0
  const live = new Set<string>()
  for (const item of input.items) {
    if (item.cancelled) continue
    live.add(item.uid)
    const mapping = input.mapping.get(item.uid) ?? null
    if (mapping?.setAside === item.fingerprint) {
      setAside++
      continue
    }
    const copyHref = mapping?.targetHref ?? null
    const copyPresent = copyHref !== null && input.target.has(copyHref)
    if (!copyPresent) {
      // New, or the copy was deleted on the target: (re)create it, but only inside the window.
      if (!inWindow(item, input.window)) continue
      const href = copyHref ?? input.hrefFor(item.uid)
      actions.push({
        kind: 'create',
        side: 'target',
        item,
        href,
        origin: 'source',
        originRef: { href: null, etag: null },
        previous: mapping,
      })
      continue
    }
    const etag = input.target.get(copyHref) ?? null
    if (mapping!.fingerprint === item.fingerprint && mapping!.targetEtag === null) {
      // The server sent no ETag on our last write: learn it from the listing instead of rewriting.
      bookkeeping.push({ uid: item.uid, mapping: { ...mapping!, targetEtag: etag } })
      unchanged++
    } else if (mapping!.fingerprint !== item.fingerprint || mapping!.targetEtag !== etag) {
      actions.push({
        kind: 'update',
        side: 'target',
        item,
        mapping: mapping!,
        etag,
        otherRef: { href: null, etag: null },
      })
    } else unchanged++
  }
  for (const mapping of input.mapping.values()) {
    if (live.has(mapping.uid)) continue
    const href = mapping.targetHref
    if (href !== null && input.target.has(href)) {
      actions.push({ kind: 'delete', side: 'target', mapping, etag: input.target.get(href) ?? null })
    } else bookkeeping.push({ uid: mapping.uid, mapping: null })
  }
  return { actions, bookkeeping, unchanged, setAside, conflicts: [] }
}
