import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy, createWindowManager, type WindowOptions } from './window'

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void

const electron = vi.hoisted(() => ({
  windows: [] as unknown[],
  external: [] as string[],
}))

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class FakeSession {
    headersListener?: HeadersListener
    permissionRequest?: (...args: unknown[]) => void
    permissionCheck?: () => boolean
    webRequest = { onHeadersReceived: (listener: HeadersListener) => (this.headersListener = listener) }
    setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
      this.permissionRequest = handler
    }
    setPermissionCheckHandler(handler: () => boolean) {
      this.permissionCheck = handler
    }
  }
  class FakeWebContents extends Emitter {
    session = new FakeSession()
    openHandler?: (details: { url: string }) => { action: string }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler
    }
  }
  class BrowserWindow extends Emitter {
    webContents = new FakeWebContents()
    destroyed = false
    visible = false
    loaded?: string
    constructor(public options: unknown) {
      super()
      electron.windows.push(this)
    }
    isDestroyed = () => this.destroyed
    isMinimized = () => false
    restore() {}
    show() {
      this.visible = true
    }
    hide() {
      this.visible = false
    }
    focus() {}
    loadURL(url: string) {
      this.loaded = url
      return Promise.resolve()
    }
    loadFile(file: string) {
      this.loaded = file
      return Promise.resolve()
    }
  }
  const shell = { openExternal: (url: string) => (electron.external.push(url), Promise.resolve()) }
  return { BrowserWindow, shell }
})

interface FakeWindow extends EventEmitter {
  options: { title: string; show: boolean; webPreferences: Record<string, unknown> }
  visible: boolean
  destroyed: boolean
  loaded?: string
  webContents: EventEmitter & {
    openHandler?: (details: { url: string }) => { action: string }
    session: {
      headersListener?: HeadersListener
      permissionRequest?: (...args: unknown[]) => void
      permissionCheck?: () => boolean
    }
  }
}

const indexFile = '/opt/renkei/out/renderer/index.html'
let quitting = false
const options: WindowOptions = {
  location: { indexFile },
  preloadPath: '/opt/renkei/out/preload/index.js',
  iconPath: '/opt/renkei/resources/icon.png',
  isQuitting: () => quitting,
}
const lastWindow = () => electron.windows.at(-1) as FakeWindow
const cancellable = () => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true
  },
})

describe('main window', () => {
  beforeEach(() => {
    electron.windows.length = 0
    electron.external.length = 0
    quitting = false
  })

  it('is created with the security flags and the sandboxed preload', () => {
    createWindowManager(options, true)
    const window = lastWindow()
    expect(window.options.webPreferences).toEqual({
      preload: '/opt/renkei/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(window.options.title).toBe('Renkei 連携')
    expect(window.loaded).toBe(indexFile)
  })

  it('loads the dev server in development', () => {
    createWindowManager({ ...options, location: { indexFile, devUrl: 'http://localhost:5173' } }, true)
    expect(lastWindow().loaded).toBe('http://localhost:5173')
  })

  it('shows itself when ready unless started hidden at login', () => {
    createWindowManager(options, false)
    lastWindow().emit('ready-to-show')
    expect(lastWindow().visible).toBe(false)
    createWindowManager(options, true)
    lastWindow().emit('ready-to-show')
    expect(lastWindow().visible).toBe(true)
  })

  it('closing hides the window instead of quitting', () => {
    const manager = createWindowManager(options, true)
    const window = lastWindow()
    manager.open()
    const close = cancellable()
    window.emit('close', close)
    expect(close.defaultPrevented).toBe(true)
    expect(window.visible).toBe(false)
  })

  it('closing really closes while the app quits', () => {
    createWindowManager(options, true)
    quitting = true
    const close = cancellable()
    lastWindow().emit('close', close)
    expect(close.defaultPrevented).toBe(false)
  })

  it('open() brings the window back, recreating it if it was destroyed', () => {
    const manager = createWindowManager(options, false)
    manager.open()
    expect(lastWindow().visible).toBe(true)
    lastWindow().destroyed = true
    manager.open()
    expect(electron.windows).toHaveLength(2)
    expect(lastWindow().visible).toBe(true)
  })

  it('opens https sign-in pages (Google OAuth) in the browser, never in an app window', () => {
    createWindowManager(options, true)
    const contents = lastWindow().webContents
    const google = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x'
    expect(contents.openHandler?.({ url: google })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' })
    contents.openHandler?.({ url: 'http://127.0.0.1:5000/auth' })
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(electron.external).toEqual([google, 'http://127.0.0.1:5000/auth'])
  })

  it('refuses navigation away from the app, new windows, webviews and permissions', () => {
    createWindowManager(options, true)
    const contents = lastWindow().webContents
    const away = cancellable()
    contents.emit('will-navigate', away, 'https://example.com/')
    expect(away.defaultPrevented).toBe(true)
    // Every hash route of the app stays allowed (the renderer's own URLs: a screen, a user, a filter).
    for (const route of ['#/settings', '#/calendar/users/u0002', '#/history?level=error&site=B%E7%A4%BE']) {
      const home = cancellable()
      contents.emit('will-navigate', home, `file://${indexFile}${route}`)
      expect(home.defaultPrevented).toBe(false)
    }
    const otherFile = cancellable()
    contents.emit('will-navigate', otherFile, `file://${indexFile}.bak#/settings`)
    expect(otherFile.defaultPrevented).toBe(true)
    expect(contents.openHandler?.({ url: `file://${indexFile}` })).toEqual({ action: 'deny' })
    expect(electron.external).toEqual([])
    const webview = cancellable()
    contents.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)

    const answer = vi.fn()
    contents.session.permissionRequest?.({}, 'notifications', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(contents.session.permissionCheck?.()).toBe(false)
  })

  it('adds the Content-Security-Policy header to responses', () => {
    createWindowManager(options, true)
    const respond = vi.fn()
    lastWindow().webContents.session.headersListener?.({ responseHeaders: { 'X-Other': ['1'] } }, respond)
    expect(respond).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy()] },
    })
  })
})

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app and no inline scripts', () => {
    const csp = contentSecurityPolicy()
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("connect-src 'self';")
    expect(csp).toContain("img-src 'self' data:")
  })

  it("adds only the dev server's WebSocket in development", () => {
    expect(contentSecurityPolicy('http://localhost:5173/')).toContain(
      "connect-src 'self' ws://localhost:5173;",
    )
  })
})
