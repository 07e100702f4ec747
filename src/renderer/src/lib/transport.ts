import type { ApiClient, Subscribe } from '../../../shared/api'

/** Whether core events are flowing: the daemon's WebSocket can drop; Electron IPC cannot. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting'

/** Everything the stores need from the core, whichever way it is reached. */
export interface Transport {
  readonly kind: 'electron' | 'daemon'
  readonly api: ApiClient
  readonly subscribe: Subscribe
  /** Runs after the event stream comes back: events may have been missed, so state must be reloaded. */
  onReconnect(listener: () => void): () => void
  onConnectionChange(listener: (state: ConnectionState) => void): () => void
  /** The daemon refused the access token (HTTP 401/403) or there is none. */
  onAccessDenied(listener: () => void): () => void
  readonly hasToken: boolean
}

/** A tiny listener set whose `add` returns the function that removes exactly that listener. */
export class ListenerSet<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>()

  add(listener: (...args: A) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  emit(...args: A): void {
    for (const listener of [...this.listeners]) listener(...args)
  }
}
