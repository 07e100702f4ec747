/** Where an entry's data went: to a partner, from a partner, or stayed on this machine. */
export const directions = ['send', 'receive', 'local'] as const
export type Direction = (typeof directions)[number]

export const levels = ['info', 'warning', 'error'] as const
export type Level = (typeof levels)[number]

/** One line of the sync history. Engines and admin actions (the audit trail) both write here. */
export interface HistoryEntry {
  readonly id: number
  /** Stable across export/import so re-importing an archive never duplicates entries. */
  readonly uid: string
  /** Milliseconds since the epoch. */
  readonly ts: number
  /** Partner site or link name; empty for entries about this machine only. */
  readonly site: string
  readonly direction: Direction
  readonly category: string
  readonly level: Level
  /** Japanese text (the primary UI language). */
  readonly message: string
  /** English text, when the writer provided one; the English UI falls back to `message`. */
  readonly messageEn: string | null
  readonly detail: unknown
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'uid' | 'ts' | 'site' | 'detail' | 'messageEn'> & {
  readonly messageEn?: string | null
  readonly uid?: string
  readonly ts?: number
  readonly site?: string
  readonly detail?: unknown
}

/** The seed's rule: at most this many entries leave in one CSV export. */
export const maxCsvExportRows = 10_000

/** Categories the platform itself writes; engines add their own. */
export const platformCategories = ['audit', 'maintenance', 'scheduler'] as const
