/**
 * Test copies: whether this data directory runs on another machine than the one it was set up on (its
 * links were then paused). Reloaded on every `link.changed`, since the pause and the resume change links.
 */
import { create } from 'zustand'
import type { Localized } from '../../../shared/model/localized'
import type { MachineIdentityState } from '../../../shared/model/sitelink-rules'
import { localized } from '../i18n'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'

export type MachineAction = 'resume-here' | 'keep-paused'

interface MachineStoreState {
  readonly machine: MachineIdentityState | null
  readonly error: Localized | null
  readonly notice: Localized | null
  readonly busy: boolean
  load(): Promise<void>
  confirm(action: MachineAction): Promise<void>
  dismiss(): void
}

export const useMachineStore = create<MachineStoreState>()((set, get) => ({
  machine: null,
  error: null,
  notice: null,
  busy: false,
  async load() {
    try {
      set({ machine: await api['link.machine.get']({}) })
    } catch {
      // Only the banner depends on it: the screens' own loads report a core that cannot answer.
    }
  },
  async confirm(action) {
    if (get().busy) return
    set({ busy: true, error: null, notice: null })
    try {
      const machine = await api['link.machine.confirm']({ action })
      set({
        machine,
        notice: localized(action === 'resume-here' ? 'machine.done.resumeHere' : 'machine.done.keepPaused'),
      })
    } catch (error) {
      set({ error: toLocalized(error) })
    } finally {
      set({ busy: false })
    }
  },
  dismiss() {
    set({ error: null, notice: null })
  },
}))
