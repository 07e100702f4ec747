import { create } from 'zustand'
import type { Localized } from '../../../shared/model/localized'
import type { SecretInfo } from '../../../shared/model/status'
import { localized } from '../i18n'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'

/** Names and whether each is set. Secret values pass through `set` and are never kept here. */
interface SecretsState {
  readonly secrets: readonly SecretInfo[] | null
  readonly busy: boolean
  readonly error: Localized | null
  readonly notice: Localized | null
  /** The last access-token rotation: the new URL to open (null outside the daemon). */
  readonly rotation: { readonly url: string | null } | null
  load(): Promise<void>
  set(name: string, value: string): Promise<boolean>
  clear(name: string): Promise<void>
  rotateAccessToken(): Promise<void>
  receive(secrets: readonly SecretInfo[]): void
  dismiss(): void
}

export const useSecretsStore = create<SecretsState>()((set) => ({
  secrets: null,
  busy: false,
  error: null,
  notice: null,
  rotation: null,
  async load() {
    try {
      set({ secrets: await api['secrets.list']({}) })
    } catch (error) {
      set({ error: toLocalized(error) })
    }
  },
  async set(name, value) {
    set({ busy: true, error: null, notice: null })
    try {
      set({
        secrets: await api['secrets.set']({ name, value }),
        notice: localized('settings.secrets.saved', { name }),
      })
      return true
    } catch (error) {
      set({ error: toLocalized(error) })
      return false
    } finally {
      set({ busy: false })
    }
  },
  async clear(name) {
    set({ busy: true, error: null, notice: null })
    try {
      set({
        secrets: await api['secrets.clear']({ name }),
        notice: localized('settings.secrets.cleared', { name }),
      })
    } catch (error) {
      set({ error: toLocalized(error) })
    } finally {
      set({ busy: false })
    }
  },
  async rotateAccessToken() {
    set({ busy: true, error: null, notice: null, rotation: null })
    try {
      const { url, secrets } = await api['secrets.rotateAccessToken']({})
      set({ secrets, rotation: { url } })
    } catch (error) {
      set({ error: toLocalized(error) })
    } finally {
      set({ busy: false })
    }
  },
  receive(secrets) {
    set({ secrets })
  },
  dismiss() {
    set({ error: null, notice: null })
  },
}))
