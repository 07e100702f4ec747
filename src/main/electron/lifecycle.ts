import { app, powerMonitor } from 'electron'
import type { Core } from '../core/core-types'

/** A job stuck on a dead connection must not keep the app from quitting forever. */
const closeTimeoutMs = 15_000

export interface Lifecycle {
  /** True once a quit has begun: closing the window then really closes it. */
  isQuitting(): boolean
}

/**
 * App-level events: wake-ups reach the scheduler, the app lives on in the tray with no window, and a
 * quit first stops the transports (`beforeClose`), then waits for the core to close, then quits again.
 */
export function installLifecycle(core: Core, beforeClose: () => void): Lifecycle {
  let quitting = false
  let closed = false
  let closing = false

  const wake = (): void => core.wake()
  powerMonitor.on('resume', wake)
  powerMonitor.on('unlock-screen', wake)

  // A listener here replaces Electron's default of quitting when the last window closes.
  app.on('window-all-closed', () => undefined)

  app.on('before-quit', (event) => {
    quitting = true
    if (closed) return
    event.preventDefault()
    if (closing) return
    closing = true
    void shutDown(core, beforeClose).finally(() => {
      closed = true
      app.quit()
    })
  })

  return { isQuitting: () => quitting }
}

/** Never rejects and never outlasts closeTimeoutMs, so the quit always goes through. */
async function shutDown(core: Core, beforeClose: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error(`The core did not close within ${closeTimeoutMs / 1000} s; quitting anyway.`)
      resolve()
    }, closeTimeoutMs)
  })
  try {
    beforeClose()
    await Promise.race([core.close(), timeout])
  } catch (error) {
    console.error('Closing the core failed:', error)
  } finally {
    clearTimeout(timer)
  }
}
