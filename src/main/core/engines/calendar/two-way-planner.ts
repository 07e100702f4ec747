import type { CalendarPairConfig } from '../../../../shared/model/calendar-config'
import type { CalDavConnector, CalendarItem, ParsedCalendar } from './calendar-connectors'
import type { CalendarAction, CalendarPlan, CalendarView, Side } from './calendar-actions'
import { hrefOf, knownObjects, type ItemMapping } from './calendar-state'
import { inWindow, type SyncWindow } from './sync-window'

interface SideInput {
  readonly calendar: CalDavConnector
  readonly view: CalendarView
}

export interface TwoWayInput {
  readonly pair: CalendarPairConfig
  readonly mapping: ReadonlyMap<string, ItemMapping>
  readonly source: SideInput
  readonly target: SideInput
  readonly window: SyncWindow
  readonly parse: (ics: string) => ParsedCalendar
  readonly signal: AbortSignal
}

const other = (side: Side): Side => (side === 'source' ? 'target' : 'source')

/** Reads (and parses) only objects that are new or whose ETag moved since the mapping saw them. */
async function readChanged(input: TwoWayInput, side: Side): Promise<Map<string, CalendarItem>> {
  const { view, calendar } = input[side]
  const known = knownObjects(input.mapping, side)
  const wanted = [...view]
    .filter(([href, etag]) => !known.has(href) || known.get(href) !== etag)
    .map(([href]) => href)
  const items = new Map<string, CalendarItem>()
  for (const object of await calendar.fetch(wanted, input.signal)) {
    const [item] = input.parse(object.data).items
    if (item) items.set(object.href, item)
  }
  return items
}

/** Which version wins when both sides changed; null = "stop and report". */
function winner(
  policy: CalendarPairConfig['conflictPolicy'],
  source: CalendarItem,
  target: CalendarItem,
): Side | null {
  if (policy === 'source-wins') return 'source'
  if (policy === 'target-wins') return 'target'
  if (policy === 'stop') return null
  return (target.lastModified ?? 0) > (source.lastModified ?? 0) ? 'target' : 'source'
}

/**
 * Both sides are CalDAV. A change on one side is copied to the other (If-Match on its ETag); a change on
 * both is settled by the pair's policy; a deletion of an original removes Renkei's copy, while a person
 * deleting Renkei's copy leaves the original alone (Renkei deletes only what it created) and detaches it
 * until the original changes again. New events are matched by UID across both sides first, so a run that
 * died after a PUT never copies the event back as a duplicate.
 */
export async function planTwoWay(input: TwoWayInput): Promise<CalendarPlan> {
  const changed = { source: await readChanged(input, 'source'), target: await readChanged(input, 'target') }
  const actions: CalendarAction[] = []
  const bookkeeping: { uid: string; mapping: ItemMapping | null }[] = []
  const conflicts: { uid: string; summary: string }[] = []
  let unchanged = 0
  let setAside = 0
  const mappedUids = new Set(input.mapping.keys())

  const copyTo = (side: Side, item: CalendarItem, m: ItemMapping): void => {
    const from = other(side)
    const href = hrefOf(m, side)
    const fromRef = { href: hrefOf(m, from), etag: input[from].view.get(hrefOf(m, from)!) ?? null }
    if (m.setAside === item.fingerprint) {
      setAside++
      return
    }
    if (href === null || !input[side].view.has(href)) {
      actions.push({
        kind: 'create',
        side,
        item,
        href: href ?? input[side].calendar.hrefFor(item.uid),
        origin: m.origin,
        originRef: fromRef,
        previous: m,
      })
    } else {
      actions.push({
        kind: 'update',
        side,
        item,
        mapping: m,
        etag: input[side].view.get(href) ?? null,
        otherRef: fromRef,
      })
    }
  }

  for (const m of input.mapping.values()) {
    const present = {
      source: m.sourceHref !== null && input.source.view.has(m.sourceHref),
      target: m.targetHref !== null && input.target.view.has(m.targetHref),
    }
    const item = {
      source: m.sourceHref ? changed.source.get(m.sourceHref) : undefined,
      target: m.targetHref ? changed.target.get(m.targetHref) : undefined,
    }
    if (!present.source && !present.target) {
      bookkeeping.push({ uid: m.uid, mapping: null })
      continue
    }
    const gone: Side | null = !present.source ? 'source' : !present.target ? 'target' : null
    if (gone) {
      const kept = other(gone)
      if (m.origin === gone) {
        // The original was deleted: Renkei's copy goes too.
        actions.push({
          kind: 'delete',
          side: kept,
          mapping: m,
          etag: input[kept].view.get(hrefOf(m, kept)!) ?? null,
        })
      } else if (m.detached && item[kept]) {
        copyTo(gone, item[kept], { ...m, detached: false })
      } else if (!m.detached) {
        bookkeeping.push({ uid: m.uid, mapping: { ...m, detached: true } })
      } else unchanged++
      continue
    }
    const moved = {
      source: item.source !== undefined && item.source.fingerprint !== m.fingerprint,
      target: item.target !== undefined && item.target.fingerprint !== m.fingerprint,
    }
    if (moved.source && moved.target && item.source!.fingerprint !== item.target!.fingerprint) {
      const side = winner(input.pair.conflictPolicy, item.source!, item.target!)
      if (side === null) conflicts.push({ uid: m.uid, summary: item.source!.summary })
      else copyTo(other(side), item[side]!, m)
    } else if (moved.source && !moved.target) copyTo('target', item.source!, m)
    else if (moved.target && !moved.source) copyTo('source', item.target!, m)
    else {
      unchanged++
      const etags = {
        sourceEtag: input.source.view.get(m.sourceHref!) ?? null,
        targetEtag: input.target.view.get(m.targetHref!) ?? null,
      }
      const fingerprint = item.source?.fingerprint ?? item.target?.fingerprint ?? m.fingerprint
      if (etags.sourceEtag !== m.sourceEtag || etags.targetEtag !== m.targetEtag)
        bookkeeping.push({ uid: m.uid, mapping: { ...m, ...etags, fingerprint } })
    }
  }

  // New on either side: match by UID across both before copying anything.
  const fresh = {
    source: new Map<string, [string, CalendarItem]>(),
    target: new Map<string, [string, CalendarItem]>(),
  }
  for (const side of ['source', 'target'] as const) {
    for (const [href, item] of changed[side])
      if (!mappedUids.has(item.uid)) fresh[side].set(item.uid, [href, item])
  }
  for (const [uid, [sourceHref, sourceItem]] of fresh.source) {
    const onTarget = fresh.target.get(uid)
    if (onTarget) {
      fresh.target.delete(uid)
      const [targetHref, targetItem] = onTarget
      const m: ItemMapping = {
        uid,
        origin: 'source',
        sourceHref,
        sourceEtag: input.source.view.get(sourceHref) ?? null,
        targetHref,
        targetEtag: input.target.view.get(targetHref) ?? null,
        fingerprint: sourceItem.fingerprint,
        setAside: null,
        detached: false,
        summary: sourceItem.summary,
        time: sourceItem.time,
      }
      if (sourceItem.fingerprint === targetItem.fingerprint) bookkeeping.push({ uid, mapping: m })
      else {
        const side = winner(input.pair.conflictPolicy, sourceItem, targetItem)
        if (side === null) conflicts.push({ uid, summary: sourceItem.summary })
        else copyTo(other(side), side === 'source' ? sourceItem : targetItem, { ...m, fingerprint: null })
      }
      continue
    }
    if (!sourceItem.cancelled && inWindow(sourceItem, input.window)) {
      actions.push({
        kind: 'create',
        side: 'target',
        item: sourceItem,
        href: input.target.calendar.hrefFor(uid),
        origin: 'source',
        originRef: { href: sourceHref, etag: input.source.view.get(sourceHref) ?? null },
        previous: null,
      })
    }
  }
  for (const [uid, [targetHref, targetItem]] of fresh.target) {
    if (!targetItem.cancelled && inWindow(targetItem, input.window)) {
      actions.push({
        kind: 'create',
        side: 'source',
        item: targetItem,
        href: input.source.calendar.hrefFor(uid),
        origin: 'target',
        originRef: { href: targetHref, etag: input.target.view.get(targetHref) ?? null },
        previous: null,
      })
    }
  }
  return { actions, bookkeeping, unchanged, setAside, conflicts }
}
