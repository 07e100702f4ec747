/**
 * Site link: this site's profile, every link (kept fresh by `link.changed`), the live request, the one
 * partner site whose detail is open, and the actions of the list and the detail.
 */
import { create } from 'zustand'
import type { Localized } from '../../../shared/model/localized'
import type {
  LinkDetail,
  LinkList,
  LinkRequestPreview,
  LinkRequestStatus,
  LinkRequestTicket,
  LinkSiteSettings,
} from '../../../shared/model/sitelink'
import type { LinkSitePatch } from '../../../shared/api'
import { localized } from '../i18n'
import { api } from '../lib/api'
import { toLocalized } from '../lib/errors'
import { useNavigationStore } from './navigation-store'

/** Start and relink may answer "peak hours": the detail then asks whether to go on or send tonight. */
export type SendAction = 'start' | 'relink'
export interface PeakQuestion {
  readonly id: string
  readonly action: SendAction
  readonly warning: Localized
  readonly tonightAt: number
}

export type SimpleAction = 'reject' | 'pause' | 'resume' | 'unlink'

interface LinksState {
  readonly list: LinkList | null
  readonly site: LinkSiteSettings | null
  readonly loadError: Localized | null
  /** The live request (for the countdown), without its URL. */
  readonly current: LinkRequestStatus | null
  /** The request just issued: its URL is in this answer only, so it lives here until the screen closes. */
  readonly ticket: LinkRequestTicket | null
  readonly requestError: Localized | null
  readonly preview: LinkRequestPreview | null
  readonly acceptError: Localized | null
  readonly detail: LinkDetail | null
  readonly detailError: Localized | null
  readonly peak: PeakQuestion | null
  readonly siteError: Localized | null
  /** The result of the last action (list or detail), until the next one. */
  readonly error: Localized | null
  readonly notice: Localized | null
  /** An API call of this screen is on the way: its buttons wait. */
  readonly busy: boolean
  load(): Promise<void>
  loadDetail(id: string): Promise<void>
  request(): Promise<void>
  /** Leaving the screen: the URL is shown once, never again. */
  forgetTicket(): void
  loadPreview(url: string): Promise<void>
  clearPreview(): void
  accept(url: string): Promise<void>
  send(id: string, action: SendAction, choice?: 'confirmPeak' | 'sendTonight'): Promise<void>
  act(id: string, action: SimpleAction): Promise<void>
  /** 「今すぐ送信」 to one partner, waiting for the result. */
  sendNow(id: string): Promise<void>
  /** 「クリア」: stops the send on the way and drops the planned batches. */
  clear(id: string): Promise<void>
  saveSite(patch: LinkSitePatch): Promise<boolean>
  receiveList(list: LinkList): void
  dismiss(): void
}

const actionNotices: Readonly<Record<SimpleAction | SendAction, Parameters<typeof localized>[0]>> = {
  start: 'links.done.start',
  relink: 'links.done.relink',
  reject: 'links.done.reject',
  pause: 'links.done.pause',
  resume: 'links.done.resume',
  unlink: 'links.done.unlink',
}

export const useLinksStore = create<LinksState>()((set, get) => {
  /** One call with the screen's buttons held; its error lands in `key`, nothing else changes. */
  async function guarded<T>(
    key: 'error' | 'requestError' | 'acceptError' | 'siteError',
    call: () => Promise<T>,
  ): Promise<T | undefined> {
    if (get().busy) return undefined
    set({ busy: true, [key]: null, notice: null })
    try {
      return await call()
    } catch (error) {
      set({ [key]: toLocalized(error) })
      return undefined
    } finally {
      set({ busy: false })
    }
  }

  async function refreshCurrent(): Promise<void> {
    try {
      set({ current: (await api['link.request.current']({})).request })
    } catch {
      // The countdown only: the list's own load reports a core that cannot answer.
    }
  }

  return {
    list: null,
    site: null,
    loadError: null,
    current: null,
    ticket: null,
    requestError: null,
    preview: null,
    acceptError: null,
    detail: null,
    detailError: null,
    peak: null,
    siteError: null,
    error: null,
    notice: null,
    busy: false,
    async load() {
      try {
        const [list, site, current] = await Promise.all([
          api['link.list']({}),
          api['link.site.get']({}),
          api['link.request.current']({}),
        ])
        set({ list, site, current: current.request, loadError: null })
      } catch (error) {
        set({ loadError: toLocalized(error) })
      }
    },
    async loadDetail(id) {
      try {
        const detail = await api['link.get']({ id })
        if (currentDetailId() === id) set({ detail, detailError: null })
      } catch (error) {
        if (currentDetailId() === id) set({ detail: null, detailError: toLocalized(error) })
      }
    },
    async request() {
      const ticket = await guarded('requestError', () => api['link.request']({}))
      if (!ticket) return
      const { url: _url, ...status } = ticket
      set({ ticket, current: status })
    },
    forgetTicket() {
      set({ ticket: null, preview: null, acceptError: null, requestError: null, peak: null })
    },
    async loadPreview(url) {
      set({ preview: null })
      const preview = await guarded('acceptError', () => api['link.load']({ url }))
      if (preview) set({ preview })
    },
    clearPreview() {
      set({ preview: null, acceptError: null })
    },
    async accept(url) {
      const detail = await guarded('acceptError', () => api['link.accept']({ url }))
      if (!detail) return
      const name = detail.summary.partner.siteName ?? detail.summary.partner.companyName
      set({ preview: null, detail, notice: localized('links.done.accept', { name }) })
      useNavigationStore
        .getState()
        .navigate({ screen: 'links', view: { kind: 'detail', id: detail.summary.id } })
    },
    async send(id, action, choice) {
      set({ peak: null })
      const input = { id, confirmPeak: choice === 'confirmPeak', sendTonight: choice === 'sendTonight' }
      const result = await guarded('error', () => api[`link.${action}`](input))
      if (!result) return
      if (result.outcome === 'peak') {
        set({ peak: { id, action, warning: result.warning, tonightAt: result.tonightAt } })
        return
      }
      set({ detail: result.link, notice: localized(actionNotices[action]) })
    },
    async act(id, action) {
      const detail = await guarded('error', () => api[`link.${action}`]({ id }))
      if (!detail) return
      set({ notice: localized(actionNotices[action]) })
      if (get().detail?.summary.id === id) set({ detail })
    },
    async sendNow(id) {
      const result = await guarded('error', () => api['link.sendNow']({ id }))
      const outcome = result?.links.find((l) => l.linkId === id)
      if (!outcome) return
      const { delivered, pending } = outcome
      if (outcome.error) set({ error: outcome.error })
      else if (delivered === 0 && pending === 0) set({ notice: localized('links.send.nothing') })
      else set({ notice: localized('links.send.sent', { delivered, pending }) })
    },
    async clear(id) {
      const result = await guarded('error', () => api['link.clear']({ id }))
      if (result) set({ notice: localized('links.send.cleared', { count: result.cleared }) })
    },
    async saveSite(patch) {
      const site = await guarded('siteError', () => api['link.site.update'](patch))
      if (!site) return false
      set({ site, notice: localized('links.site.saved') })
      return true
    },
    receiveList(list) {
      set({ list })
      // An accept or a partner's answer changes the live request and the open detail's transitions.
      void refreshCurrent()
      const id = currentDetailId()
      if (id !== null) void get().loadDetail(id)
    },
    dismiss() {
      set({ error: null, notice: null })
    },
  }
})

function currentDetailId(): string | null {
  const route = useNavigationStore.getState().route
  return route.screen === 'links' && route.view.kind === 'detail' ? route.view.id : null
}
