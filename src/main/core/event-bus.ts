import type { ApiEvents, EventListener, EventName, Subscribe } from '../../shared/api'

/** The core's event stream: every transport subscribes here and forwards to its UIs. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>()

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        ;(listener as EventListener<E>)(payload)
      } catch (error) {
        // One broken subscriber (a closed window, a dropped socket) must not stop the others.
        console.error(`renkei: listener for ${event} failed:`, error)
      }
    }
  }

  readonly subscribe: Subscribe = (event, listener) => {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as (payload: never) => void)
    return () => {
      set.delete(listener as (payload: never) => void)
    }
  }
}
