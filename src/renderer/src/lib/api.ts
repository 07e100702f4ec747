/**
 * The one way the renderer reaches the core. In Electron the preload exposes `window.renkei`;
 * in a browser tab served by the daemon we talk HTTP + WebSocket. Stores import `api` from here.
 */
import { createApiClient } from '../../../shared/bridge'
import { createDaemonTransport, takeAccessToken } from './daemon-transport'
import type { Transport } from './transport'

function createTransport(): Transport {
  const bridge = window.renkei
  if (bridge) {
    const never = (): (() => void) => () => {}
    return {
      kind: 'electron',
      api: createApiClient(bridge.api),
      subscribe: bridge.subscribe,
      onReconnect: never,
      onConnectionChange: never,
      onAccessDenied: never,
      hasToken: true,
    }
  }
  return createDaemonTransport(takeAccessToken())
}

export const transport: Transport = createTransport()
export const api = transport.api
