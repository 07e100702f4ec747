import type { Localized } from './localized'

export interface KeychainStatus {
  readonly available: boolean
  /** Why the keychain cannot be used, for the Settings screen. */
  readonly problem: Localized | null
}

export interface SecretInfo {
  readonly name: string
  readonly set: boolean
}

export interface AppStatus {
  readonly version: string
  /** 'electron' for the desktop app, 'daemon' for the headless server, 'cli' for one-shot commands. */
  readonly runtime: 'electron' | 'daemon' | 'cli' | 'test'
  readonly dataDir: string
  readonly keychain: KeychainStatus
  readonly allPaused: boolean
  readonly historyCount: number
}
