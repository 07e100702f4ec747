/**
 * Calendar sync: the status of every pair (kept fresh by `calendar.changed`), which view of the screen is
 * open, and the list's actions (permits, resume, stop, run now, check). Shared with the Dashboard.
 */
import { create } from 'zustand'
import type {
  CalendarCheckResult,
  CalendarRunSummary,
  CalendarStatus,
  CalendarStopped,
} from '../../../shared/model/calendar'
import type { Localized } from '../../../shared/model/localized'
import { localized } from '../i18n'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'
import type { CalendarRouteView } from '../lib/routes'
import { useNavigationStore } from './navigation-store'

/** The user list, the form for a new user, or one user's settings. */
export type CalendarView =
  | {
      readonly kind: 'list'
      /** The pair whose name takes the focus on the way back. */ readonly focus?: string
    }
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly id: string }

/** "Run now" of one pair as this window sees it: waiting, then its summary or its error. */
export interface PairRun {
  readonly running: boolean
  readonly summary: CalendarRunSummary | null
  readonly error: Localized | null
}

export interface PairCheck {
  readonly running: boolean
  readonly result: CalendarCheckResult | null
  readonly error: Localized | null
}

export interface Permit {
  readonly id: string
  readonly permitted: boolean
}

interface CalendarState {
  readonly status: CalendarStatus | null
  readonly statusError: Localized | null
  /** The pair whose name takes the focus when the list is shown again (the view itself is the URL's). */
  readonly returnFocus: string | undefined
  /** Pairs with a permit update, resume or stop on the way. */
  readonly pending: ReadonlySet<string>
  readonly listError: Localized | null
  readonly listNotice: Localized | null
  readonly runs: Readonly<Record<string, PairRun>>
  readonly checks: Readonly<Record<string, PairCheck>>
  /** The last automatic stop, until dismissed. */
  readonly stopped: CalendarStopped | null
  loadStatus(): Promise<void>
  /** Opens a view of the screen through its URL (`#/calendar/users/<id>`), so Back returns from it. */
  open(view: CalendarView): void
  /** Applies the changed permit switches with one call; returns whether the core took them. */
  updatePermits(permits: readonly Permit[]): Promise<boolean>
  resume(id: string): Promise<void>
  stop(id: string): Promise<void>
  run(id: string): Promise<void>
  check(id: string): Promise<void>
  /** Forgets the pair (events already copied stay) and goes back to the list. */
  remove(id: string): Promise<void>
  receiveStatus(status: CalendarStatus): void
  receiveStopped(stopped: CalendarStopped): void
  /** A pair was saved or removed elsewhere in this window: its old results no longer apply. */
  forget(id: string): void
  dismiss(): void
}

/** The new-user form that becomes the saved user's page replaces its history entry: Back goes to the list. */
function showView(view: CalendarRouteView, replace = false): void {
  const navigation = useNavigationStore.getState()
  const current = navigation.route
  const fromNewForm = current.screen === 'calendar' && current.view.kind === 'add' && view.kind === 'edit'
  navigation.navigate({ screen: 'calendar', view }, { replace: replace || fromNewForm })
}

function without<T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> {
  const copy = { ...record }
  delete copy[id]
  return copy
}

export const useCalendarStore = create<CalendarState>()((set, get) => {
  function setPending(ids: readonly string[], on: boolean): void {
    set((s) => {
      const pending = new Set(s.pending)
      for (const id of ids) {
        if (on) pending.add(id)
        else pending.delete(id)
      }
      return { pending }
    })
  }

  /** One list action: marks its pairs busy, takes the new status or shows the error. */
  async function listAction(
    ids: readonly string[],
    call: () => Promise<CalendarStatus>,
    notice: Localized,
  ): Promise<boolean> {
    if (ids.some((id) => get().pending.has(id))) return false
    setPending(ids, true)
    set({ listError: null, listNotice: null })
    try {
      get().receiveStatus(await call())
      set({ listNotice: notice })
      return true
    } catch (error) {
      set({ listError: toLocalized(error) })
      return false
    } finally {
      setPending(ids, false)
    }
  }

  function nameOf(id: string): string {
    return get().status?.pairs.find((p) => p.id === id)?.name ?? id
  }

  return {
    status: null,
    statusError: null,
    returnFocus: undefined,
    pending: new Set(),
    listError: null,
    listNotice: null,
    runs: {},
    checks: {},
    stopped: null,
    async loadStatus() {
      try {
        get().receiveStatus(await api['calendar.status']({}))
        set({ statusError: null })
      } catch (error) {
        set({ statusError: toLocalized(error) })
      }
    },
    open(view) {
      // Back from a user's page (the browser's or ours) lands on that user's name in the list.
      const returnFocus = view.kind === 'list' ? view.focus : view.kind === 'edit' ? view.id : undefined
      set({ listError: null, listNotice: null, returnFocus })
      showView(view.kind === 'list' ? { kind: 'list' } : view)
    },
    async updatePermits(permits) {
      if (permits.length === 0) {
        set({ listError: null, listNotice: localized('calendar.permits.none') })
        return true
      }
      const ids = permits.map((p) => p.id)
      const notice = localized('calendar.permits.updated', { count: permits.length })
      return listAction(ids, () => api['calendar.permits.update']({ permits: [...permits] }), notice)
    },
    async resume(id) {
      const notice = localized('calendar.resumed', { name: nameOf(id) })
      await listAction([id], () => api['calendar.resume']({ id }), notice)
    },
    async stop(id) {
      const notice = localized('calendar.stoppedByAdmin', { name: nameOf(id) })
      await listAction([id], () => api['calendar.stop']({ id }), notice)
    },
    async run(id) {
      if (get().runs[id]?.running) return
      set((s) => ({ runs: { ...s.runs, [id]: { running: true, summary: null, error: null } } }))
      let outcome: PairRun
      try {
        outcome = { running: false, summary: await api['calendar.run']({ id }), error: null }
      } catch (error) {
        outcome = { running: false, summary: null, error: toLocalized(error) }
      }
      // The status first: 最終同期 announces the result it shows, so it must already be this run's.
      await get().loadStatus()
      set((s) => ({ runs: { ...s.runs, [id]: outcome } }))
    },
    async check(id) {
      if (get().checks[id]?.running) return
      set((s) => ({ checks: { ...s.checks, [id]: { running: true, result: null, error: null } } }))
      let outcome: PairCheck
      try {
        outcome = { running: false, result: await api['calendar.check']({ id }), error: null }
      } catch (error) {
        outcome = { running: false, result: null, error: toLocalized(error) }
      }
      set((s) => ({ checks: { ...s.checks, [id]: outcome } }))
    },
    async remove(id) {
      const notice = localized('calendar.pair.removed', { name: nameOf(id) })
      if (await listAction([id], () => api['calendar.pairs.remove']({ id }), notice)) {
        get().forget(id)
        // Replaced, not pushed: Back must not lead to the page of a user who is gone.
        showView({ kind: 'list' }, true)
      }
    },
    receiveStatus(status) {
      set({ status })
    },
    receiveStopped(stopped) {
      set({ stopped })
    },
    forget(id) {
      set((s) => ({ runs: without(s.runs, id), checks: without(s.checks, id) }))
    },
    dismiss() {
      set({ listError: null, listNotice: null, stopped: null })
    },
  }
})
