import { create } from 'zustand'
import type { JobStatus } from '../../../shared/model/jobs'
import type { Localized } from '../../../shared/model/localized'
import { localized } from '../i18n'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'

/** Key used in `pending` for actions on every job at once. */
export const allJobs = '*'

export interface JobFailure {
  readonly job: JobStatus
  readonly message: Localized
}

interface JobsState {
  readonly jobs: readonly JobStatus[] | null
  /** Job ids (or `allJobs`) with an action on the way, so their buttons show busy and cannot double-fire. */
  readonly pending: ReadonlySet<string>
  readonly error: Localized | null
  readonly notice: Localized | null
  readonly lastFailure: JobFailure | null
  load(): Promise<void>
  /** Without an id: every job ("send now" for all). */
  runNow(id?: string): Promise<void>
  pause(id?: string): Promise<void>
  resume(id?: string): Promise<void>
  receive(jobs: readonly JobStatus[]): void
  receiveFailure(failure: JobFailure): void
  dismiss(): void
}

export const useJobsStore = create<JobsState>()((set, get) => {
  /** Runs one action with its busy mark, keeping the first error for the banner. */
  async function act(id: string | undefined, action: () => Promise<void>): Promise<void> {
    const key = id ?? allJobs
    set((s) => ({ pending: new Set(s.pending).add(key), error: null, notice: null }))
    try {
      await action()
    } catch (error) {
      set({ error: toLocalized(error) })
    } finally {
      set((s) => {
        const pending = new Set(s.pending)
        pending.delete(key)
        return { pending }
      })
    }
  }

  const target = (id?: string): { id?: string } => (id === undefined ? {} : { id })

  /** Pause/resume answer with the jobs they touched: replace those, keep the rest. */
  function merge(changed: readonly JobStatus[]): void {
    const byId = new Map(changed.map((job) => [job.id, job]))
    const current = get().jobs ?? []
    const known = new Set(current.map((job) => job.id))
    set({
      jobs: [...current.map((job) => byId.get(job.id) ?? job), ...changed.filter((j) => !known.has(j.id))],
    })
  }

  return {
    jobs: null,
    pending: new Set(),
    error: null,
    notice: null,
    lastFailure: null,
    async load() {
      try {
        set({ jobs: await api['jobs.list']({}) })
      } catch (error) {
        set({ error: toLocalized(error) })
      }
    },
    runNow: (id) =>
      act(id, async () => {
        const { started } = await api['jobs.runNow'](target(id))
        set({
          notice:
            started.length > 0
              ? localized('dashboard.started', { count: started.length })
              : localized('dashboard.startedNone'),
        })
        await get().load()
      }),
    pause: (id) =>
      act(id, async () => {
        merge(await api['jobs.pause'](target(id)))
      }),
    resume: (id) =>
      act(id, async () => {
        merge(await api['jobs.resume'](target(id)))
      }),
    receive(jobs) {
      set({ jobs })
    },
    receiveFailure(failure) {
      set({ lastFailure: failure })
    },
    dismiss() {
      set({ error: null, notice: null, lastFailure: null })
    },
  }
})
