/**
 * Reaching the core through the daemon: POST /api/call/<method> with a bearer token, events over a
 * WebSocket that reconnects with backoff. The token arrives once in the URL fragment (never sent to
 * the server in a request line or a Referer) and is kept in sessionStorage for this tab only.
 */
import type { EventName, MethodName } from '../../../shared/api'
import type { BridgeEvent } from '../../../shared/bridge'
import { createApiClient, createRawApi, daemonRoutes } from '../../../shared/bridge'
import type { ApiErrorShape, ApiResult } from '../../../shared/model/errors'
import { localized } from '../i18n'
import type { ConnectionState, Transport } from './transport'
import { ListenerSet } from './transport'

const tokenStorageKey = 'renkei.accessToken'
const minBackoffMs = 500
const maxBackoffMs = 30_000

/**
 * Moves `#token=...` from the address bar into sessionStorage and returns the token to use. Runs before
 * the router reads the hash, so the token is never taken for a route nor kept in a link or bookmark.
 * Only a hash that starts with it counts: a route's query (`#/history?text=token=x`) is never a token.
 */
export function takeAccessToken(): string | null {
  const match = /^#token=([^&]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(tokenStorageKey, decodeURIComponent(match[1]))
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(tokenStorageKey)
}

function failure(error: ApiErrorShape): ApiResult<unknown> {
  return { ok: false, error }
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

export function createDaemonTransport(token: string | null): Transport {
  const accessDenied = new ListenerSet<[]>()
  const reconnected = new ListenerSet<[]>()
  const connection = new ListenerSet<[ConnectionState]>()
  const events = new Map<string, ListenerSet<[unknown]>>()

  async function send(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
    if (!token) {
      accessDenied.emit()
      return failure({ code: 'internal', message: localized('access.title') })
    }
    let response: Response
    try {
      response = await fetch(`${daemonRoutes.call}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      return failure({ code: 'internal', message: localized('error.network') })
    }
    if (response.status === 401 || response.status === 403) {
      accessDenied.emit()
      return failure({ code: 'internal', message: localized('access.title') })
    }
    try {
      const body: unknown = await response.json()
      if (isApiResult(body)) return body
    } catch {
      // Not JSON: reported below with the status.
    }
    return failure({ code: 'internal', message: localized('error.httpStatus', { status: response.status }) })
  }

  if (token) startEventStream(token, events, reconnected, connection)

  return {
    kind: 'daemon',
    api: createApiClient(createRawApi(send)),
    subscribe: (event: EventName, listener) => {
      let set = events.get(event)
      if (!set) {
        set = new ListenerSet<[unknown]>()
        events.set(event, set)
      }
      return set.add(listener as (payload: unknown) => void)
    },
    onReconnect: (listener) => reconnected.add(listener),
    onConnectionChange: (listener) => connection.add(listener),
    onAccessDenied: (listener) => accessDenied.add(listener),
    hasToken: token !== null,
  }
}

/** Keeps one WebSocket open for the life of the page; exponential backoff with jitter between tries. */
function startEventStream(
  token: string,
  events: Map<string, ListenerSet<[unknown]>>,
  reconnected: ListenerSet<[]>,
  connection: ListenerSet<[ConnectionState]>,
): void {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  const url = `${scheme}://${window.location.host}${daemonRoutes.events}?token=${encodeURIComponent(token)}`
  let failures = 0
  let everOpened = false

  const connect = (): void => {
    const socket = new WebSocket(url)
    socket.onopen = () => {
      failures = 0
      connection.emit('open')
      if (everOpened) reconnected.emit()
      everOpened = true
    }
    socket.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string') return
      try {
        const parsed = JSON.parse(message.data) as BridgeEvent
        events.get(parsed.event)?.emit(parsed.payload)
      } catch {
        // A malformed message is dropped; the next reload corrects any drift.
      }
    }
    socket.onclose = () => {
      connection.emit(everOpened ? 'reconnecting' : 'connecting')
      const base = Math.min(maxBackoffMs, minBackoffMs * 2 ** failures)
      failures += 1
      window.setTimeout(connect, base * (0.8 + Math.random() * 0.4))
    }
  }
  connect()
}
