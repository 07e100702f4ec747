import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { eventNames } from '../../shared/api'
import { daemonRoutes, type BridgeEvent } from '../../shared/bridge'
import type { Core } from '../core/core-types'
import type { AccessGuard } from './access-guard'
import { badRequestText, requestUrl } from './bad-request'

const statusTexts: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' }

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${statusTexts[status] ?? 'Forbidden'}\r\nConnection: close\r\n\r\n${reason}`)
}

export interface EventSocket {
  /** The token changed: every socket opened with the old one is closed (a reconnect must bring the new one). */
  closeAll(): void
  dispose(): void
}

/** GET /api/events as a WebSocket: every core event goes to every authorised socket. */
export function attachEventSocket(server: Server, core: Core, guard: AccessGuard): EventSocket {
  const sockets = new WebSocketServer({ noServer: true })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(request)
    if (url === null) return refuse(socket, 400, badRequestText)
    if (url.pathname !== daemonRoutes.events) return refuse(socket, 403, 'Unknown route')
    const verdict = guard.check(request, url.searchParams.get('token'))
    if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason)
    sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => sockets.emit('connection', ws))
  })
  const unsubscribes = eventNames.map((event) =>
    core.subscribe(event, (payload) => {
      const message = JSON.stringify({ event, payload } satisfies BridgeEvent)
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message)
    }),
  )
  const closeAll = (): void => {
    for (const client of sockets.clients) client.terminate()
  }
  return {
    closeAll,
    dispose: () => {
      unsubscribes.forEach((unsubscribe) => unsubscribe())
      closeAll()
      sockets.close()
    },
  }
}
