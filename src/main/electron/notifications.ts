import { Notification } from 'electron'
import type { Language } from '../../shared/model/localized'
import type { Core } from '../core/core-types'
import { watchSettings } from './settings-watch'

/** Shows a desktop notification where the OS supports them; clicking it runs `onClick`. */
export function notify(title: string, body: string, onClick?: () => void): void {
  if (!Notification.isSupported()) return
  const notification = new Notification({ title, body })
  if (onClick) notification.on('click', onClick)
  notification.show()
}

/**
 * A failed job run raises a notification in the current UI language; clicking it opens the window.
 * Installed for the app's lifetime.
 */
export function installFailureNotifications(core: Core, openWindow: () => void): void {
  let language: Language = 'ja'
  watchSettings(core, (settings) => {
    language = settings.language
  })
  core.subscribe('jobs.failed', ({ job, message }) => {
    const title = language === 'ja' ? `連携に失敗しました: ${job.title.ja}` : `Sync failed: ${job.title.en}`
    notify(title, message[language], openWindow)
  })
}
