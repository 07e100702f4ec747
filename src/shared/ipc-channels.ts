/**
 * The only two Electron IPC channels. One call channel carries every API method (the method name
 * travels as an argument), one event channel carries every core event as a BridgeEvent, so adding an
 * API method or event never adds a channel. Shared by the preload and the main process.
 */
export const ipcChannels = {
  /** ipcRenderer.invoke(call, method, input) -> ApiResult */
  call: 'renkei:call',
  /** webContents.send(event, { event, payload }: BridgeEvent) */
  event: 'renkei:event',
} as const
