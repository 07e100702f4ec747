import type { Localized } from './localized'

export interface KeychainStatus {
  readonly available: boolean
  /** Why the keychain cannot be used, for the Settings screen. */
  readonly problem: Localized | null
}

/**
 * Who owns a secret: an engine's (directory, calendar users), the app's own (the daemon's access
 * token) or one the admin saved under a name of their own.
 */
export const secretGroups = ['directory', 'calendar', 'sitelink', 'alerts', 'app', 'own'] as const
export type SecretGroup = (typeof secretGroups)[number]

export interface SecretInfo {
  readonly name: string
  readonly set: boolean
  readonly group: SecretGroup
  /** What it is for, in plain words; null for the admin's own names (only they know). */
  readonly description: Localized | null
  /** 'rotate': a new value is issued in place (the access token); 'clear': it is deleted. */
  readonly action: 'clear' | 'rotate'
}

/** A new daemon access token: the URL to open with it (null outside the daemon), and the new list. */
export interface AccessTokenRotation {
  readonly url: string | null
  readonly secrets: readonly SecretInfo[]
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
