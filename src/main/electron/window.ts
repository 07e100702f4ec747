import { BrowserWindow, shell, type Session } from 'electron'
import { isAppUrl, type RendererLocation } from './renderer-location'

export interface WindowOptions {
  readonly location: RendererLocation
  readonly preloadPath: string
  readonly iconPath: string
  /** While quitting, closing the window really closes it; otherwise it only hides. */
  readonly isQuitting: () => boolean
}

export interface WindowManager {
  /** Brings the window to the front, creating it again if it was destroyed. */
  open(): void
}

/**
 * Scripts only from the app itself. In development the dev server also needs its HMR WebSocket.
 * Sent as a header in addition to the renderer's meta tag, so a page that lost its tag is still covered.
 */
export function contentSecurityPolicy(devUrl?: string): string {
  const dev = devUrl ? new URL(devUrl) : undefined
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    dev ? `connect-src 'self' ws://${dev.host}` : "connect-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Every response of the window's session carries the CSP; every permission request is denied. */
function secureSession(session: Session, devUrl?: string): void {
  const csp = contentSecurityPolicy(devUrl)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** https anywhere, or http only on this machine (a local OAuth server); nothing else leaves the app. */
export function opensInBrowser(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1')
  } catch {
    return false
  }
}

export function createMainWindow(options: WindowOptions, showWhenReady: boolean): BrowserWindow {
  const { location } = options
  const window = new BrowserWindow({
    title: 'Renkei 連携',
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    icon: options.iconPath,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  const contents = window.webContents
  secureSession(contents.session, location.devUrl)

  // The app is a single page: any navigation away from it (a link, a dropped file) is refused.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, location)) event.preventDefault()
  })
  // Never a new app window; a sign-in page (Google's OAuth consent) opens in the user's own browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (opensInBrowser(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())

  // A tray app keeps running when its window closes; only a real quit closes it.
  window.on('close', (event) => {
    if (options.isQuitting()) return
    event.preventDefault()
    window.hide()
  })
  if (showWhenReady) window.once('ready-to-show', () => window.show())

  const loaded = location.devUrl ? window.loadURL(location.devUrl) : window.loadFile(location.indexFile)
  loaded.catch((error: unknown) => console.error('Could not load the Renkei window:', error))
  return window
}

/** Owns the one main window; the tray, a second launch and the dock all open it through here. */
export function createWindowManager(options: WindowOptions, showAtStart: boolean): WindowManager {
  let window = createMainWindow(options, showAtStart)
  return {
    open() {
      if (window.isDestroyed()) window = createMainWindow(options, true)
      if (window.isMinimized()) window.restore()
      window.show()
      window.focus()
    },
  }
}
