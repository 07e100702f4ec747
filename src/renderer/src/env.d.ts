import type { RenkeiBridge } from '../../shared/bridge'

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by the daemon. */
    readonly renkei?: RenkeiBridge
  }
}

export {}
