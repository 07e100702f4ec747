/**
 * Electron entry: wiring only. The core (src/main/core) does the work; this file connects it to a
 * window, a tray icon, IPC, notifications, the login item and the app lifecycle.
 */
import { join } from 'node:path'
import { app, dialog, type Tray } from 'electron'
import { createCore } from './core/app'
import { installIpcTransport } from './electron/ipc-transport'
import { installLifecycle } from './electron/lifecycle'
import { installLoginItem, startedAtLogin } from './electron/login-item'
import { installFailureNotifications } from './electron/notifications'
import { rendererLocation } from './electron/renderer-location'
import { systemProxyResolver } from './electron/system-proxy'
import { createTray } from './electron/tray'
import { createWindowManager, type WindowManager } from './electron/window'

// out/main/index.js -> out/preload, out/renderer and <root>/resources.
const preloadPath = join(__dirname, '../preload/index.js')
const indexFile = join(__dirname, '../renderer/index.html')
const resources = join(__dirname, '../../resources')

// Module-level so the tray icon is never garbage-collected (it would vanish from the taskbar).
let ui: { readonly windows: WindowManager; readonly tray: Tray } | undefined

// Lets tests and admins run a separate profile; must happen before the single-instance lock,
// which is scoped to the user-data directory.
const userDataDir = app.commandLine.getSwitchValue('user-data-dir')
if (userDataDir) app.setPath('userData', userDataDir)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => ui?.windows.open())
  app.on('activate', () => ui?.windows.open())
  // Windows shows notifications only for an app with an AppUserModelId.
  if (process.platform === 'win32') app.setAppUserModelId('jp.renkei.desktop')
  void app.whenReady().then(start).catch(failToStart)
}

/** E.g. the Electron build of SQLite is missing or the keychain cannot be opened. */
function failToStart(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('Renkei 連携 を起動できません / Renkei could not start', message)
  // Exit non-zero so scripts and tests see the failure; the database survives an abrupt exit (WAL).
  app.exit(1)
}

async function start(): Promise<void> {
  // The core loads the Electron build of better-sqlite3 from <app root>/.electron-native.
  process.env.RENKEI_APP_ROOT = app.getAppPath()
  const core = await createCore({
    dataDir: app.getPath('userData'),
    runtime: 'electron',
    version: app.getVersion(),
    resolveProxy: systemProxyResolver(),
  })

  const location = rendererLocation(indexFile, app.isPackaged)
  const disposeIpc = installIpcTransport(core, location)
  const lifecycle = installLifecycle(core, disposeIpc)
  const windows = createWindowManager(
    { location, preloadPath, iconPath: join(resources, 'icon.png'), isQuitting: lifecycle.isQuitting },
    !startedAtLogin(),
  )
  const openWindow = (): void => windows.open()
  const tray = createTray({
    core,
    iconPath: join(resources, 'tray-icon.png'),
    openWindow,
    quit: () => app.quit(),
  })
  ui = { windows, tray }
  installFailureNotifications(core, openWindow)
  installLoginItem(core)
}
