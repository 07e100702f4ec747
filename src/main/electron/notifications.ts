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
 * A failed job run (or a calendar user stopped automatically) raises a notification in the current UI language; clicking it opens the window.
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
  // Seed 001: an automatically stopped user must not go unnoticed until someone opens the list.
  core.subscribe('calendar.stopped', ({ pair, message }) => {
    const title =
      language === 'ja' ? `カレンダー同期を停止しました: ${pair.name}` : `Calendar sync stopped: ${pair.name}`
    notify(title, message[language], openWindow)
  })
}
