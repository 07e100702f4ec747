import { create } from 'zustand'
import type { Localized } from '../../../shared/model/localized'
import type { AppStatus } from '../../../shared/model/status'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'
import type { ConnectionState } from '../lib/transport'

interface AppStatusState {
  readonly status: AppStatus | null
  readonly error: Localized | null
  readonly connection: ConnectionState
  /** The daemon refused our token: the whole UI is replaced by an explanation. */
  readonly accessDenied: boolean
  load(): Promise<void>
  setConnection(connection: ConnectionState): void
  denyAccess(): void
}

export const useAppStatusStore = create<AppStatusState>()((set) => ({
  status: null,
  error: null,
  connection: 'connecting',
  accessDenied: false,
  async load() {
    try {
      set({ status: await api['app.status']({}), error: null })
    } catch (error) {
      set({ error: toLocalized(error) })
    }
  },
  setConnection(connection) {
    set({ connection })
  },
  denyAccess() {
    set({ accessDenied: true })
  },
}))
