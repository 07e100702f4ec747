/**
 * The sync-history screen's state. Paging is keyset only: `cursors[i]` is the cursor that fetched
 * page i+1 (undefined for the first page), so "previous" pops and "next" pushes, never an OFFSET.
 */
import { create } from 'zustand'
import type { HistoryCount, HistoryCursor, HistoryFilter } from '../../../shared/api'
import type { HistoryEntry } from '../../../shared/model/history'
import type { Language, Localized } from '../../../shared/model/localized'
import { formatCount, localized } from '../i18n'
import { api } from '../lib/api'
import { downloadText } from '../lib/download'
import { isApiError, toLocalized } from '../lib/errors'
import { emptyDraft, type FilterDraft } from './filter-draft'

export const historyPageSize = 100

export type ExportFormat = 'csv' | 'jsonl'

interface HistoryState {
  readonly draft: FilterDraft
  /** The filter the table and the export count belong to. */
  readonly filter: HistoryFilter
  readonly cursors: readonly (HistoryCursor | undefined)[]
  readonly entries: readonly HistoryEntry[]
  readonly nextCursor: HistoryCursor | null
  readonly searched: boolean
  readonly searching: boolean
  readonly error: Localized | null
  readonly count: HistoryCount | null
  readonly counting: boolean
  readonly exporting: ExportFormat | null
  readonly exportNotice: Localized | null
  readonly exportError: Localized | null
  /** Entries appended since the current search ran. */
  readonly newEntries: number
  setDraft(draft: FilterDraft): void
  apply(filter: HistoryFilter): Promise<void>
  next(): Promise<void>
  previous(): Promise<void>
  refresh(): Promise<void>
  exportAs(format: ExportFormat, language: Language): Promise<void>
  receiveAppended(count: number): void
  setError(error: Localized | null): void
}

export const useHistoryStore = create<HistoryState>()((set, get) => {
  /** Bumped by every search so a slow answer for an older filter or page never overwrites a newer one. */
  let searchSeq = 0
  let countSeq = 0

  async function fetchPage(cursors: readonly (HistoryCursor | undefined)[]): Promise<void> {
    const seq = ++searchSeq
    const cursor = cursors[cursors.length - 1]
    set({ searching: true, error: null })
    try {
      const page = await api['history.search']({
        filter: get().filter,
        limit: historyPageSize,
        ...(cursor ? { cursor } : {}),
      })
      if (seq !== searchSeq) return
      set({ entries: page.entries, nextCursor: page.nextCursor, cursors, searched: true })
    } catch (error) {
      if (seq === searchSeq) set({ error: toLocalized(error) })
    } finally {
      if (seq === searchSeq) set({ searching: false })
    }
  }

  async function fetchCount(): Promise<void> {
    const seq = ++countSeq
    set({ counting: true, count: null })
    try {
      const count = await api['history.count']({ filter: get().filter })
      if (seq === countSeq) set({ count })
    } catch (error) {
      if (seq === countSeq) set({ exportError: toLocalized(error) })
    } finally {
      if (seq === countSeq) set({ counting: false })
    }
  }

  return {
    draft: emptyDraft,
    filter: {},
    cursors: [undefined],
    entries: [],
    nextCursor: null,
    searched: false,
    searching: false,
    error: null,
    count: null,
    counting: false,
    exporting: null,
    exportNotice: null,
    exportError: null,
    newEntries: 0,
    setDraft(draft) {
      set({ draft })
    },
    async apply(filter) {
      set({ filter, newEntries: 0, exportNotice: null, exportError: null })
      await Promise.all([fetchPage([undefined]), fetchCount()])
    },
    async next() {
      const { nextCursor, cursors } = get()
      if (nextCursor) await fetchPage([...cursors, nextCursor])
    },
    async previous() {
      const { cursors } = get()
      if (cursors.length > 1) await fetchPage(cursors.slice(0, -1))
    },
    refresh() {
      return get().apply(get().filter)
    },
    async exportAs(format, language) {
      set({ exporting: format, exportNotice: null, exportError: null })
      try {
        // The count on screen says how many: entries written since (this export's own audit line
        // among them) stay out, so the file holds exactly that many.
        const throughId = get().count?.throughId
        const result = await api['history.export']({
          filter: get().filter,
          format,
          language,
          ...(throughId !== undefined ? { throughId } : {}),
        })
        downloadText(result.content, result.fileName, result.mimeType)
        set({
          exportNotice: localized('history.exported', {
            rows: formatCount(result.rows),
            fileName: result.fileName,
          }),
        })
      } catch (error) {
        set({ exportError: toLocalized(error) })
        // Entries may have arrived since the count: show the rule with a fresh number.
        if (isApiError(error, 'too-many-rows')) await fetchCount()
      } finally {
        set({ exporting: null })
      }
    },
    receiveAppended(count) {
      if (get().searched) set((s) => ({ newEntries: s.newEntries + count }))
    },
    setError(error) {
      set({ error })
    },
  }
})
