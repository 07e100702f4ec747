import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { eventNames } from '../../shared/api'
import type { BridgeEvent } from '../../shared/bridge'
import { ipcChannels } from '../../shared/ipc-channels'
import type { Core } from '../core/core-types'
import { isAppUrl, type RendererLocation } from './renderer-location'

/**
 * The Electron transport of the API contract: one handler for every method, one broadcast for every
 * event. Returns a dispose that stops both (called before the core closes on quit).
 */
export function installIpcTransport(core: Core, location: RendererLocation): () => void {
  ipcMain.handle(ipcChannels.call, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    // Only the app's own page may call; anything else that ends up in a renderer gets nothing.
    const url = event.senderFrame?.url
    if (url === undefined || !isAppUrl(url, location)) {
      throw new Error(`Refused an API call from an untrusted page (${url ?? 'unknown frame'})`)
    }
    return core.invoke(String(method), input)
  })

  const unsubscribes = eventNames.map((name) =>
    core.subscribe(name, (payload) => {
      const message: BridgeEvent = { event: name, payload }
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, message)
      }
    }),
  )

  return () => {
    ipcMain.removeHandler(ipcChannels.call)
    for (const unsubscribe of unsubscribes) unsubscribe()
  }
}
