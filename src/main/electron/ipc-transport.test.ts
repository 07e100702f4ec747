import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcChannels } from '../../shared/ipc-channels'
import { fakeCore } from './fake-core'
import { installIpcTransport } from './ipc-transport'

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  windows: [] as { isDestroyed: () => boolean; webContents: { send: (...args: unknown[]) => void } }[],
}))

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => electron.windows },
}))

const indexFile = '/opt/renkei/out/renderer/index.html'
const fromUrl = (url: string | null) => ({ senderFrame: url === null ? null : { url } })

function call(event: unknown, method: string, input: unknown): Promise<unknown> {
  const handler = electron.handlers.get(ipcChannels.call)
  if (!handler) throw new Error('no handler registered')
  return handler(event, method, input)
}

describe('installIpcTransport', () => {
  beforeEach(() => {
    electron.handlers.clear()
    electron.windows.length = 0
  })

  it('forwards calls from the built renderer to core.invoke', async () => {
    const core = fakeCore()
    installIpcTransport(core, { indexFile })
    const result = await call(fromUrl(`file://${indexFile}#/history`), 'jobs.runNow', { id: 'x' })
    expect(core.invoke).toHaveBeenCalledWith('jobs.runNow', { id: 'x' })
    expect(result).toEqual({ ok: true, value: null })
  })

  it('trusts the dev server origin only when one is configured', async () => {
    const core = fakeCore()
    installIpcTransport(core, { indexFile, devUrl: 'http://localhost:5173/' })
    await call(fromUrl('http://localhost:5173/#/settings'), 'app.status', {})
    expect(core.invoke).toHaveBeenCalledWith('app.status', {})
    await expect(call(fromUrl(`file://${indexFile}`), 'app.status', {})).rejects.toThrow(/untrusted/)
  })

  it.each([
    ['another file', 'file:///tmp/evil.html'],
    ['a web page', 'https://example.com/'],
    ['a blank page', 'about:blank'],
    ['a destroyed frame', null],
  ])('rejects calls from %s without reaching the core', async (_name, url) => {
    const core = fakeCore()
    installIpcTransport(core, { indexFile })
    await expect(call(fromUrl(url), 'secrets.list', {})).rejects.toThrow(/untrusted/)
    expect(core.invoke).not.toHaveBeenCalled()
  })

  it('forwards every core event to every live window on the event channel', () => {
    const core = fakeCore()
    const live = { isDestroyed: () => false, webContents: { send: vi.fn() } }
    const other = { isDestroyed: () => false, webContents: { send: vi.fn() } }
    const destroyed = { isDestroyed: () => true, webContents: { send: vi.fn() } }
    electron.windows.push(live, other, destroyed)
    installIpcTransport(core, { indexFile })

    const secrets = [{ name: 'smtp', set: true, group: 'own', description: null, action: 'clear' } as const]
    core.emit('secrets.changed', secrets)
    const message = { event: 'secrets.changed', payload: secrets }
    expect(live.webContents.send).toHaveBeenCalledWith(ipcChannels.event, message)
    expect(other.webContents.send).toHaveBeenCalledWith(ipcChannels.event, message)
    expect(destroyed.webContents.send).not.toHaveBeenCalled()
  })

  it('dispose removes the handler and every event subscription', () => {
    const core = fakeCore()
    const dispose = installIpcTransport(core, { indexFile })
    expect(core.listenerCount('jobs.failed')).toBe(1)
    dispose()
    expect(electron.handlers.has(ipcChannels.call)).toBe(false)
    expect(core.listenerCount('jobs.failed')).toBe(0)
    expect(core.listenerCount('jobs.changed')).toBe(0)
  })
})
