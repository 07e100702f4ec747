import { create } from 'zustand'
import type { HealthOverview } from '../../../shared/model/health'
import type { Localized } from '../../../shared/model/localized'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'

interface HealthStoreState {
  readonly overview: HealthOverview | null
  readonly error: Localized | null
  load(): Promise<void>
  /** The core pushes the whole overview whenever a run ends or a state changes. */
  receive(overview: HealthOverview): void
}

/** The health model as the core computes it: engines, users, what needs attention, 7 days of runs. */
export const useHealthStore = create<HealthStoreState>()((set) => ({
  overview: null,
  error: null,
  async load() {
    try {
      set({ overview: await api['health.get']({}), error: null })
    } catch (error) {
      set({ error: toLocalized(error) })
    }
  },
  receive(overview) {
    set({ overview, error: null })
  },
}))
