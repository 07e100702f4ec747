import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CalendarPairStatus } from '../../shared/model/calendar'
import type { JobStatus } from '../../shared/model/jobs'
import { fakeCore, settingsWith } from './fake-core'
import { installFailureNotifications } from './notifications'

const electron = vi.hoisted(() => ({
  supported: true,
  shown: [] as { options: { title: string; body: string }; click?: () => void }[],
}))

vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => electron.supported
    private click?: () => void
    constructor(private readonly options: { title: string; body: string }) {}
    on(event: string, handler: () => void) {
      if (event === 'click') this.click = handler
    }
    show() {
      electron.shown.push({ options: this.options, click: this.click })
    }
  },
}))

const job: JobStatus = {
  id: 'calendar',
  title: { ja: '予定表の同期', en: 'Calendar sync' },
  needsConfirmation: false,
  schedule: { kind: 'interval', minutes: 15, jitterSeconds: 30 },
  paused: false,
  running: false,
  nextRunAt: null,
  lastStartedAt: 1,
  lastFinishedAt: 2,
  lastOutcome: 'error',
  lastMessage: { ja: 'CalDAV 401', en: 'CalDAV 401' },
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('installFailureNotifications', () => {
  beforeEach(() => {
    electron.supported = true
    electron.shown.length = 0
  })

  it('shows a notification for a failed job; clicking it opens the window', async () => {
    const core = fakeCore({ language: 'ja' })
    const openWindow = vi.fn()
    installFailureNotifications(core, openWindow)
    await flush()
    core.emit('jobs.failed', { job, message: { ja: 'CalDAV 401', en: 'CalDAV 401' } })
    expect(electron.shown.map((entry) => entry.options)).toEqual([
      { title: '連携に失敗しました: 予定表の同期', body: 'CalDAV 401' },
    ])
    electron.shown[0]?.click?.()
    expect(openWindow).toHaveBeenCalledTimes(1)
  })

  it('shows a notification when a calendar user is stopped automatically', async () => {
    const core = fakeCore({ language: 'en' })
    const openWindow = vi.fn()
    installFailureNotifications(core, openWindow)
    await flush()
    const message = { ja: '120 回のエラーで停止', en: 'Stopped after 120 errors' }
    core.emit('calendar.stopped', { pair: { name: '山田 太郎' } as CalendarPairStatus, message })
    expect(electron.shown.map((entry) => entry.options)).toEqual([
      { title: 'Calendar sync stopped: 山田 太郎', body: 'Stopped after 120 errors' },
    ])
    electron.shown[0]?.click?.()
    expect(openWindow).toHaveBeenCalledTimes(1)
  })

  it('uses the current UI language', async () => {
    const core = fakeCore({ language: 'ja' })
    installFailureNotifications(core, vi.fn())
    await flush()
    core.emit('settings.changed', settingsWith({ language: 'en' }))
    core.emit('jobs.failed', { job, message: { ja: 'CalDAV 401', en: 'CalDAV 401' } })
    expect(electron.shown[0]?.options.title).toBe('Sync failed: Calendar sync')
  })

  it('shows nothing where the OS has no notifications', () => {
    electron.supported = false
    const core = fakeCore()
    installFailureNotifications(core, vi.fn())
    core.emit('jobs.failed', { job, message: { ja: 'CalDAV 401', en: 'CalDAV 401' } })
    expect(electron.shown).toEqual([])
  })
})
