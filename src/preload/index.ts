/**
 * Sandboxed preload: exposes `window.renkei` (RenkeiBridge) and nothing else. The renderer gets one
 * function per contract method and a subscribe limited to the contract's events; it never sees
 * ipcRenderer or a channel name.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { eventNames, type Subscribe } from '../shared/api'
import { createRawApi, type BridgeEvent, type RenkeiBridge } from '../shared/bridge'
import { ipcChannels } from '../shared/ipc-channels'
import type { ApiResult } from '../shared/model/errors'

const knownEvents: ReadonlySet<string> = new Set(eventNames)

function createBridge(): RenkeiBridge {
  const api = createRawApi(
    (method, input) => ipcRenderer.invoke(ipcChannels.call, method, input) as Promise<ApiResult<unknown>>,
  )

  const subscribe: Subscribe = (event, listener) => {
    // The renderer is untrusted input too: refuse anything outside the contract.
    if (!knownEvents.has(event)) throw new Error(`Unknown event "${String(event)}"`)
    if (typeof listener !== 'function') throw new Error('subscribe needs a listener function')
    // Keep this exact wrapper: removing a fresh arrow would remove nothing.
    const wrapper = (_event: IpcRendererEvent, message: unknown): void => {
      const { event: name, payload } = message as BridgeEvent
      if (name === event) listener(payload as Parameters<typeof listener>[0])
    }
    ipcRenderer.on(ipcChannels.event, wrapper)
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, wrapper)
    }
  }

  return { api, subscribe }
}

contextBridge.exposeInMainWorld('renkei', createBridge())
