/**
 * Directory sync: status, saved settings, connection tests, the dry run and "run now".
 * Secret values pass through `save` as arguments on their way to `secrets.set` and are never kept here.
 */
import { create } from 'zustand'
import type {
  ConnectionCheckResult,
  DirectoryPlan,
  DirectoryProgress,
  DirectoryRunSummary,
  DirectoryStatus,
  SourceProblemReport,
} from '../../../shared/model/directory'
import { sourceProblemReport } from '../../../shared/model/directory'
import { ApiError } from '../../../shared/model/errors'
import type { DirectoryConfig } from '../../../shared/model/directory-config'
import type { Localized } from '../../../shared/model/localized'
import { localized } from '../i18n'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'
import { useSecretsStore } from './secrets-store'

export type DirectorySide = 'source' | 'target'

/** Rows of the dry run sent to the UI; the summary counts always cover the whole plan. */
export const previewLimit = 2000

export interface SecretInput {
  readonly name: string
  readonly value: string
}

/** A connection test of the form as shown: its settings and typed secret, or why the form cannot be tested. */
export type CheckInput =
  { readonly config: DirectoryConfig; readonly secret?: string } | { readonly refused: Localized }

export interface CheckState {
  readonly running: boolean
  readonly result: ConnectionCheckResult | null
}

interface DirectoryState {
  readonly status: DirectoryStatus | null
  readonly statusError: Localized | null
  readonly config: DirectoryConfig | null
  readonly configError: Localized | null
  readonly saving: boolean
  readonly saveError: Localized | null
  readonly saveNotice: Localized | null
  readonly checks: Readonly<Record<DirectorySide, CheckState>>
  readonly plan: DirectoryPlan | null
  /** The action of this window that is working, so its buttons stay busy and cannot double-fire. */
  readonly busy: 'preview' | 'run' | null
  readonly planError: Localized | null
  /** Every problem of the source when the dry run failed on them (the preview pages them). */
  readonly planProblems: SourceProblemReport | null
  readonly runSummary: DirectoryRunSummary | null
  readonly progress: DirectoryProgress | null
  loadStatus(): Promise<void>
  loadConfig(): Promise<void>
  /** Saves the whole configuration, then the secrets typed with it. Returns whether everything was saved. */
  save(config: DirectoryConfig, secrets: readonly SecretInput[]): Promise<boolean>
  clearSecret(name: string): Promise<void>
  /** Tests what the form shows (saved or not); saves nothing. */
  check(side: DirectorySide, input: CheckInput): Promise<void>
  preview(): Promise<void>
  /** Runs the plan the admin confirmed; each approval holds for this run only. */
  run(approvals: RunApprovals): Promise<void>
  receiveStatus(status: DirectoryStatus): void
  receiveProgress(progress: DirectoryProgress): void
  setSaveError(error: Localized | null): void
  dismissSave(): void
}

export interface RunApprovals {
  /** The fingerprint of the preview the admin looked at: the core refuses a run of any other plan. */
  readonly plan: string
  readonly approveDeletions?: boolean
  readonly approveAdoptions?: boolean
}

const idle: CheckState = { running: false, result: null }

/** One line in both languages: what failed, then the core's own words. */
function joined(first: Localized, second: Localized): Localized {
  return { ja: `${first.ja} ${second.ja}`, en: `${first.en} ${second.en}` }
}

export const useDirectoryStore = create<DirectoryState>()((set, get) => ({
  status: null,
  statusError: null,
  config: null,
  configError: null,
  saving: false,
  saveError: null,
  saveNotice: null,
  checks: { source: idle, target: idle },
  plan: null,
  busy: null,
  planError: null,
  planProblems: null,
  runSummary: null,
  progress: null,
  async loadStatus() {
    try {
      get().receiveStatus(await api['directory.status']({}))
      set({ statusError: null })
    } catch (error) {
      set({ statusError: toLocalized(error) })
    }
  },
  async loadConfig() {
    try {
      set({ config: await api['directory.config.get']({}), configError: null })
    } catch (error) {
      set({ configError: toLocalized(error) })
    }
  },
  async save(config, secrets) {
    set({ saving: true, saveError: null, saveNotice: null })
    try {
      set({ config: await api['directory.config.update'](config) })
    } catch (error) {
      set({ saving: false, saveError: toLocalized(error) })
      return false
    }
    for (const secret of secrets) {
      try {
        useSecretsStore.getState().receive(await api['secrets.set'](secret))
      } catch (error) {
        const prefix = localized('directory.secretFailed', { name: secret.name })
        set({ saving: false, saveError: joined(prefix, toLocalized(error)) })
        return false
      }
    }
    set({ saving: false, saveNotice: localized('directory.saved'), checks: { source: idle, target: idle } })
    return true
  },
  async clearSecret(name) {
    set({ saveError: null, saveNotice: null })
    try {
      useSecretsStore.getState().receive(await api['secrets.clear']({ name }))
      set({ saveNotice: localized('directory.secretCleared') })
    } catch (error) {
      set({ saveError: toLocalized(error) })
    }
  },
  async check(side, input) {
    if (get().checks[side].running) return
    if ('refused' in input) {
      const result = { ok: false, message: input.refused, detail: null }
      set((s) => ({ checks: { ...s.checks, [side]: { running: false, result } } }))
      return
    }
    set((s) => ({ checks: { ...s.checks, [side]: { running: true, result: null } } }))
    let result: ConnectionCheckResult
    try {
      const { config, secret } = input
      result = await api['directory.check']({ side, config, ...(secret ? { secret } : {}) })
    } catch (error) {
      result = { ok: false, message: toLocalized(error), detail: null }
    }
    set((s) => ({ checks: { ...s.checks, [side]: { running: false, result } } }))
  },
  async preview() {
    if (get().busy) return
    set({ busy: 'preview', planError: null, planProblems: null, runSummary: null, progress: null })
    try {
      set({ plan: await api['directory.preview']({ limit: previewLimit }) })
    } catch (error) {
      const planProblems = error instanceof ApiError ? sourceProblemReport(error.detail) : null
      set({ plan: null, planError: toLocalized(error), planProblems })
    } finally {
      set({ busy: null, progress: null })
    }
  },
  async run(approvals) {
    if (get().busy) return
    set({ busy: 'run', planError: null, planProblems: null, runSummary: null, progress: null })
    try {
      const summary = await api['directory.run']({
        plan: approvals.plan,
        approveDeletions: approvals.approveDeletions ?? false,
        approveAdoptions: approvals.approveAdoptions ?? false,
      })
      // Once a run may have written, the plan shown is stale; a blocked run wrote nothing, so its plan
      // stays to be read (and approved).
      set((s) => ({ runSummary: summary, plan: summary.outcome === 'blocked' ? s.plan : null }))
    } catch (error) {
      set({ planError: toLocalized(error) })
    } finally {
      set({ busy: null, progress: null })
    }
    await get().loadStatus()
  },
  receiveStatus(status) {
    // A run started elsewhere (schedule, another window) ends: its last progress line goes with it.
    set((s) => ({ status, progress: status.importInProgress || s.busy ? s.progress : null }))
  },
  receiveProgress(progress) {
    // Progress of a dry run in another window, or one arriving after ours ended, is not ours to show.
    if (get().busy || get().status?.importInProgress) set({ progress })
  },
  setSaveError(error) {
    set({ saveError: error, saveNotice: null })
  },
  dismissSave() {
    set({ saveError: null, saveNotice: null })
  },
}))
