import { beforeEach, describe, expect, it, vi } from 'vitest'
import { eventNames, methodNames, type EventName } from '../shared/api'
import type { RenkeiBridge } from '../shared/bridge'
import { ipcChannels } from '../shared/ipc-channels'

type Listener = (event: unknown, ...args: unknown[]) => void

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>()
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: 'answer' })),
      on(channel: string, listener: Listener) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      },
      removeListener(channel: string, listener: Listener) {
        const list = listeners.get(channel) ?? []
        const index = list.indexOf(listener)
        if (index >= 0) list.splice(index, 1)
      },
    },
    /** What main's webContents.send(ipcChannels.event, message) does on the renderer side. */
    deliver(message: unknown) {
      for (const listener of [...(listeners.get('renkei:event') ?? [])]) listener({}, message)
    },
  }
})

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: electron.ipcRenderer,
}))

await import('./index')
const bridge = electron.exposed.get('renkei') as RenkeiBridge

describe('preload bridge', () => {
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockClear()
    electron.listeners.clear()
  })

  it('exposes only api and subscribe, with one function per contract method', () => {
    expect(Object.keys(bridge).sort()).toEqual(['api', 'subscribe'])
    expect(Object.keys(bridge.api).sort()).toEqual([...methodNames].sort())
  })

  it('sends every method over the one call channel', async () => {
    const result = await bridge.api['jobs.pause']({ id: 'calendar' })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannels.call, 'jobs.pause', {
      id: 'calendar',
    })
    expect(result).toEqual({ ok: true, value: 'answer' })
  })

  it('delivers only the subscribed event to a listener', () => {
    const listener = vi.fn()
    bridge.subscribe('jobs.failed', listener)
    electron.deliver({ event: 'jobs.changed', payload: [] })
    electron.deliver({ event: 'jobs.failed', payload: { message: 'boom' } })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith({ message: 'boom' })
  })

  it('unsubscribe really removes the ipcRenderer listener, and only that one', () => {
    const first = vi.fn()
    const second = vi.fn()
    const unsubscribeFirst = bridge.subscribe('settings.changed', first)
    bridge.subscribe('settings.changed', second)
    expect(electron.listeners.get(ipcChannels.event)).toHaveLength(2)

    unsubscribeFirst()
    unsubscribeFirst()
    expect(electron.listeners.get(ipcChannels.event)).toHaveLength(1)
    electron.deliver({ event: 'settings.changed', payload: { language: 'en' } })
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledTimes(1)
  })

  it.each(['__proto__', 'renkei:call', 'jobs.deleteAll', ''])('refuses the unknown event name %j', (name) => {
    expect(() => bridge.subscribe(name as EventName, vi.fn())).toThrow(/Unknown event/)
    expect(electron.listeners.get(ipcChannels.event) ?? []).toHaveLength(0)
  })

  it('accepts every contract event', () => {
    for (const name of eventNames) bridge.subscribe(name, vi.fn())
    expect(electron.listeners.get(ipcChannels.event)).toHaveLength(eventNames.length)
  })
})
