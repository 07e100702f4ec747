import type { CalendarItem } from './calendar-connectors'
import type { ItemMapping } from './calendar-state'

export type Side = 'source' | 'target'

/**
 * One write the applier makes. `side` is the calendar written; `origin` which side holds the original
 * (so the mapping row knows which object is Renkei's copy).
 */
export type CalendarAction =
  | {
      readonly kind: 'create'
      readonly side: Side
      readonly item: CalendarItem
      readonly href: string
      readonly origin: Side
      /** Where the original lives (two-way: its href and ETag on the other side). */
      readonly originRef: { readonly href: string | null; readonly etag: string | null }
      readonly previous: ItemMapping | null
    }
  | {
      readonly kind: 'update'
      readonly side: Side
      readonly item: CalendarItem
      readonly mapping: ItemMapping
      readonly etag: string | null
      readonly otherRef: { readonly href: string | null; readonly etag: string | null }
    }
  | {
      readonly kind: 'delete'
      readonly side: Side
      readonly mapping: ItemMapping
      readonly etag: string | null
    }

export interface CalendarPlan {
  readonly actions: readonly CalendarAction[]
  /** Mapping rows to drop or rewrite without any calendar write (both sides already agree). */
  readonly bookkeeping: readonly { readonly uid: string; readonly mapping: ItemMapping | null }[]
  readonly unchanged: number
  readonly setAside: number
  readonly conflicts: readonly { readonly uid: string; readonly summary: string }[]
}

/** hrefs → ETags as a calendar holds them now. */
export type CalendarView = ReadonlyMap<string, string | null>
