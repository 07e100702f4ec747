import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeCore } from './fake-core'
import { installLifecycle } from './lifecycle'

const electron = vi.hoisted(() => ({
  app: undefined as unknown as import('node:events').EventEmitter & { quit: () => void },
  powerMonitor: undefined as unknown as import('node:events').EventEmitter,
}))

vi.mock('electron', () => ({
  get app() {
    return electron.app
  },
  get powerMonitor() {
    return electron.powerMonitor
  },
}))

function beforeQuit(): { prevented: boolean } {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) }
  electron.app.emit('before-quit', event)
  return event
}

describe('installLifecycle', () => {
  beforeEach(() => {
    electron.app = Object.assign(new EventEmitter(), { quit: vi.fn(() => beforeQuit()) })
    electron.powerMonitor = new EventEmitter()
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('wakes the core after sleep and after unlocking the screen', () => {
    const core = fakeCore()
    installLifecycle(core, vi.fn())
    electron.powerMonitor.emit('resume')
    electron.powerMonitor.emit('unlock-screen')
    expect(core.wake).toHaveBeenCalledTimes(2)
  })

  it('keeps running when the last window closes', () => {
    installLifecycle(fakeCore(), vi.fn())
    expect(electron.app.listenerCount('window-all-closed')).toBe(1)
  })

  it('on quit: stops the transports, closes the core once, then quits for real', async () => {
    const core = fakeCore()
    let finishClose: () => void = () => undefined
    core.close.mockImplementation(() => new Promise<void>((resolve) => (finishClose = resolve)))
    const beforeClose = vi.fn()
    const lifecycle = installLifecycle(core, beforeClose)
    expect(lifecycle.isQuitting()).toBe(false)

    expect(beforeQuit().prevented).toBe(true)
    expect(lifecycle.isQuitting()).toBe(true)
    expect(beforeQuit().prevented).toBe(true) // a second Cmd+Q while closing
    expect(beforeClose).toHaveBeenCalledTimes(1)
    expect(core.close).toHaveBeenCalledTimes(1)
    expect(electron.app.quit).not.toHaveBeenCalled()

    finishClose()
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1))
    expect(core.close).toHaveBeenCalledTimes(1)
    expect(beforeQuit().prevented).toBe(false)
  })

  it('quits even when closing the core fails', async () => {
    const core = fakeCore()
    core.close.mockRejectedValue(new Error('disk gone'))
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    installLifecycle(core, vi.fn())
    beforeQuit()
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1))
  })

  it('quits after a time limit when the core never closes', async () => {
    vi.useFakeTimers()
    try {
      const core = fakeCore()
      core.close.mockReturnValue(new Promise<void>(() => undefined))
      vi.spyOn(console, 'error').mockImplementation(() => undefined)
      installLifecycle(core, vi.fn())
      beforeQuit()
      await vi.advanceTimersByTimeAsync(14_000)
      expect(electron.app.quit).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1_000)
      expect(electron.app.quit).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
