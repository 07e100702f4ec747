/**
 * The confirmation every directory run goes through when an admin starts it (Dashboard, tray, Directory
 * screen): the preview's counts first, then the run of that very plan (its fingerprint), so a run never
 * writes what nobody looked at. The run itself is the directory store's, so both screens show its result.
 */
import { create } from 'zustand'
import type { DirectoryPlan } from '../../../shared/model/directory'
import type { Localized } from '../../../shared/model/localized'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'
import { useDirectoryStore } from './directory-store'

interface RunConfirmState {
  readonly open: boolean
  /** The preview the counts come from; null while it is computed or when it failed. */
  readonly plan: DirectoryPlan | null
  readonly loading: boolean
  readonly error: Localized | null
  /** The admin confirmed: from here on the dialog shows the run's progress and result. */
  readonly confirmed: boolean
  /** Opens the dialog on a fresh preview (a second request while one loads is ignored). */
  request(): Promise<void>
  confirm(): Promise<void>
  close(): void
}

export const useRunConfirmStore = create<RunConfirmState>()((set, get) => ({
  open: false,
  plan: null,
  loading: false,
  error: null,
  confirmed: false,
  async request() {
    if (get().loading) return
    set({ open: true, plan: null, loading: true, error: null, confirmed: false })
    try {
      // Counts only: the rows stay on the Directory screen's preview.
      const plan = await api['directory.preview']({ limit: 0 })
      if (get().open) set({ plan })
    } catch (error) {
      if (get().open) set({ error: toLocalized(error) })
    } finally {
      set({ loading: false })
    }
  },
  async confirm() {
    const plan = get().plan
    if (!plan || plan.blocked || get().confirmed) return
    set({ confirmed: true })
    await useDirectoryStore.getState().run({ plan: plan.fingerprint })
  },
  close() {
    set({ open: false, plan: null, error: null, confirmed: false })
  },
}))

/** `jobs.confirmationRequested`: "send now" (here, in another window or in the tray) left the directory run out. */
export function receiveConfirmationRequest(jobs: readonly string[]): void {
  if (jobs.includes('directory.sync') && !useRunConfirmStore.getState().open) {
    void useRunConfirmStore.getState().request()
  }
}
