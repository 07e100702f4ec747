import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron'
import type { MethodName, RunNowResult } from '../../shared/api'
import type { Language } from '../../shared/model/localized'
import type { Core } from '../core/core-types'
import { notify } from './notifications'
import { watchSettings } from './settings-watch'

const labels = {
  ja: {
    open: '開く',
    runNow: '今すぐ送信（すべて）',
    pause: 'すべて一時停止',
    resume: 'すべて再開',
    quit: '終了',
  },
  en: { open: 'Open', runNow: 'Send now (all)', pause: 'Pause all', resume: 'Resume all', quit: 'Quit' },
} as const satisfies Record<Language, Record<string, string>>

export interface TrayOptions {
  readonly core: Core
  readonly iconPath: string
  readonly openWindow: () => void
  readonly quit: () => void
}

/**
 * The tray icon is the app's home while the window is hidden. Its menu follows the language setting;
 * a failed action shows a notification, since a menu click has nowhere else to report to.
 * Keep the returned Tray referenced: a garbage-collected Tray disappears from the taskbar.
 */
export function createTray({ core, iconPath, openWindow, quit }: TrayOptions): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath))
  tray.setToolTip('Renkei 連携')
  tray.on('click', openWindow)

  const run = (method: MethodName, language: Language): void => {
    void core.invoke(method, {}).then((result) => {
      if (!result.ok) notify('Renkei 連携', result.error.message[language])
    })
  }

  // "Send now" leaves out the runs that need a look first (directory); the core has asked the window
  // to show their confirmation (jobs.confirmationRequested), so bring the window up on it.
  const sendNow = (language: Language): void => {
    void core.invoke('jobs.runNow', {}).then((result) => {
      if (!result.ok) notify('Renkei 連携', result.error.message[language])
      else if (((result.value as Partial<RunNowResult> | null)?.needsConfirmation?.length ?? 0) > 0)
        openWindow()
    })
  }

  const buildMenu = (language: Language): Menu => {
    const text = labels[language]
    const template: MenuItemConstructorOptions[] = [
      { label: text.open, click: openWindow },
      { type: 'separator' },
      { label: text.runNow, click: () => sendNow(language) },
      { label: text.pause, click: () => run('jobs.pause', language) },
      { label: text.resume, click: () => run('jobs.resume', language) },
      { type: 'separator' },
      { label: text.quit, click: quit },
    ]
    return Menu.buildFromTemplate(template)
  }

  // Japanese until the settings arrive, so the menu is never empty.
  tray.setContextMenu(buildMenu('ja'))
  // The tray lives as long as the app, so this watch is never undone.
  watchSettings(core, (settings) => tray.setContextMenu(buildMenu(settings.language)))
  return tray
}
