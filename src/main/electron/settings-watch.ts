import type { Settings } from '../../shared/model/settings'
import type { Core } from '../core/core-types'

/**
 * Calls `listener` with the current settings, then after every change. Tray, notifications and the
 * login item all follow settings this way. If a change arrives while the first read is still
 * pending, the (older) first read is dropped. Watches for the app's lifetime.
 */
export function watchSettings(core: Core, listener: (settings: Settings) => void): void {
  let changed = false
  core.subscribe('settings.changed', (settings) => {
    changed = true
    listener(settings)
  })
  core.api['settings.get']({}).then(
    (settings) => {
      if (!changed) listener(settings)
    },
    (error: unknown) => console.error('Could not read settings:', error),
  )
}
